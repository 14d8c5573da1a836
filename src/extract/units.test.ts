import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const roles = (text: string): [string, string][] => extract(`标题\n${text}`).units.map((u) => [u.name, u.role]);

describe('units', () => {
  it('reads "X牵头，Y、Z配合"', () => {
    expect(roles('区发展改革局牵头，区财政局、区住建局配合，建立会商机制。')).toEqual([
      ['区发展改革局', 'lead'],
      ['区财政局', 'co'],
      ['区住建局', 'co'],
    ]);
  });
  it('reads labelled lists', () => {
    expect(roles('1.推进改革。（牵头单位：区委改革办；配合单位：区司法局，区信访局）')).toEqual([
      ['区委改革办', 'lead'],
      ['区司法局', 'co'],
      ['区信访局', 'co'],
    ]);
  });
  it('takes 责任单位 as co when a 牵头单位 is named, else as lead', () => {
    expect(roles('牵头单位：区卫健局；责任单位：各镇街')).toEqual([['区卫健局', 'lead'], ['各镇街', 'co']]);
    expect(roles('责任单位：区教育局、区体育中心')).toEqual([['区教育局', 'lead'], ['区体育中心', 'lead']]);
  });
  it('ignores 配合 without an organisation', () => {
    expect(roles('各方要积极配合，形成合力。')).toEqual([]);
  });
});
