import { describe, expect, it } from 'vitest';
import type { UnitRow } from '../../db/schema.js';
import { closestUnit, suggestLeadUnit } from './match-units.js';

const unit = (id: string, name: string, active = 1): UnitRow => ({
  id,
  region_id: 'r1',
  name,
  kind: 'department',
  active,
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
});

const UNITS = [
  unit('fgj', '区发展和改革局'),
  unit('gxj', '区工业和信息化局'),
  unit('zjj', '区住房和城乡建设局'),
  unit('rsj', '区人力资源和社会保障局'),
  unit('scj', '区市场监督管理局'),
  unit('zsj', '区政务服务数据管理局'),
  unit('wjj', '区卫生健康局'),
  unit('gbb', '区委全面深化改革委员会办公室'),
  unit('jyj', '区教育局'),
  unit('lsz', '里水镇'),
  unit('old', '区旧城改造办公室', 0),
];

describe('closestUnit', () => {
  it.each([
    ['区发改局', 'fgj'],
    ['南海区发改局', 'fgj'],
    ['区工信局', 'gxj'],
    ['区住建局', 'zjj'],
    ['区人社局', 'rsj'],
    ['区市监局', 'scj'],
    ['区政数局', 'zsj'],
    ['区卫健局', 'wjj'],
    ['区委改革办', 'gbb'],
    ['区教育局', 'jyj'],
    ['区教育和体育局', 'jyj'],
  ])('finds %s as %s', (name, id) => {
    expect(closestUnit(name, UNITS, '南海区')?.id).toBe(id);
  });

  it.each(['区交通运输局', '区局', '某某公司'])('proposes nothing for %s', (name) => {
    expect(closestUnit(name, UNITS, '南海区')).toBeUndefined();
  });

  it('proposes nothing when two units are equally close', () => {
    const twins = [unit('a', '区第一中学'), unit('b', '区第二中学')];
    expect(closestUnit('区第三中学', twins, '南海区')).toBeUndefined();
  });
});

describe('suggestLeadUnit', () => {
  const suggest = (proposedLead: string | null, text: string, coUnitIds: string[] = []) =>
    suggestLeadUnit({ proposedLead, text, coUnitIds }, UNITS, '南海区')?.id;

  it('prefers the unit closest to the lead the document named', () => {
    expect(suggest('区发改局', '支持里水镇先行探索')).toBe('fgj');
  });

  it('falls back to the first unit the task text names, skipping its co-operating units', () => {
    expect(suggest(null, '会同区教育局，支持里水镇先行探索', ['jyj'])).toBe('lsz');
    expect(suggest('区交通运输局', '由区教育局统筹，里水镇配合')).toBe('jyj');
  });

  it('never proposes an inactive unit, and proposes nothing when nothing is named', () => {
    expect(suggest(null, '区旧城改造办公室牵头推进')).toBeUndefined();
    expect(suggest(null, '完善机制')).toBeUndefined();
  });
});
