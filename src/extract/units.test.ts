import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const roles = (text: string): [string, string][] =>
  extract(`标题\n${text}`).units.map((u) => [u.name, u.role]);

describe('units', () => {
  it('reads a pipe-table row carried on to a line whose first cells are empty', () => {
    const text =
      '某县2025年重点任务分工表\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 新建污水处理厂1座 | 县住房城乡建设局 | 县生态环境局、 | 2025年12月底前\n |  |  | 县发展改革局 | \n2 | 开展消费券发放活动6场 | 县商务局 | 县财政局 | 长期坚持\n各单位要抓好落实。';
    const x = extract(text);
    expect(x.units.map((u) => [u.name, u.role])).toEqual([
      ['县住房城乡建设局', 'lead'],
      ['县生态环境局', 'co'],
      ['县发展改革局', 'co'],
      ['县商务局', 'lead'],
      ['县财政局', 'co'],
    ]);
    expect(x.outline.map((n) => [n.marker, n.title, n.children.length])).toEqual([
      ['1', '新建污水处理厂1座', 0],
      ['2', '开展消费券发放活动6场', 0],
    ]);
    expect(x.deadlines.map((d) => [d.text, d.date ?? null])).toEqual([
      ['2025年12月底前', '2025-12-31'],
      ['长期坚持', null],
    ]);
  });

  it('reads a one-cell-a-line table whose task and unit cells wrapped onto a second line', () => {
    const text = [
      '城南区2025年重点任务分解表',
      '序号',
      '工作任务',
      '牵头单位',
      '配合单位',
      '完成时限',
      '1',
      '加快推进城南大道改造提升工程，新建改造市政道路',
      '12公里',
      '区住房城乡建设局',
      '区交通运输局、',
      '区城市管理局',
      '2025年12月底前',
      '2',
      '新增公共充电桩500个',
      '区发展改革局',
      '区供电公司',
      '持续推进',
    ].join('\n');
    const x = extract(text);
    expect(x.outline.map((n) => n.title)).toEqual([
      '加快推进城南大道改造提升工程，新建改造市政道路12公里',
      '新增公共充电桩500个',
    ]);
    expect(x.units.map((u) => [u.name, u.role])).toEqual([
      ['区住房城乡建设局', 'lead'],
      ['区交通运输局', 'co'],
      ['区城市管理局', 'co'],
      ['区发展改革局', 'lead'],
      ['区供电公司', 'co'],
    ]);
    expect(x.deadlines.map((d) => d.date ?? null)).toEqual(['2025-12-31', null]);
  });

  it('reads a markdown table row whose task cell goes on in a continuation row', () => {
    const text = [
      '西湖区2025年重点改革任务台账',
      '| 序号 | 改革任务 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 完成区属国企整合重组3家 | 区国资局 | 2025年9月底前 |',
      '| 2 | 推进“高效办成一件事”，新增集成服务事项 |',
      '| | 15项 | 区政务服务数据管理局、区发展改革局 | 年底前 |',
      '| 3 | 建立健全营商环境监测机制 | 区发展改革局 | 长期坚持 |',
    ].join('\n');
    const x = extract(text);
    expect(x.outline.map((n) => n.title)).toEqual([
      '完成区属国企整合重组3家',
      '推进“高效办成一件事”，新增集成服务事项15项',
      '建立健全营商环境监测机制',
    ]);
    expect(x.units.map((u) => [u.name, u.role])).toEqual([
      ['区国资局', 'lead'],
      ['区政务服务数据管理局', 'lead'],
      ['区发展改革局', 'lead'],
      ['区发展改革局', 'lead'],
    ]);
    expect(x.deadlines.map((d) => d.date ?? null)).toEqual(['2025-09-30', '2025-12-31', null]);
  });

  it('does not run a short last row on into the sentence after the table', () => {
    const x = extract(
      [
        '东溪县2025年民生实事任务清单',
        '序号 | 重点任务 | 责任单位 | 完成时限',
        '1 | 新建托育点8个 | 县卫生健康局 | 2025年10月底前',
        '2 | 建设农村饮水提升工程3处 | 县水利局',
        '各责任单位要细化工作方案，明确时间表、路线图。',
      ].join('\n'),
    );
    expect(x.outline.map((n) => n.title)).toEqual(['新建托育点8个', '建设农村饮水提升工程3处']);
    expect(x.units.map((u) => [u.name, u.role])).toEqual([
      ['县卫生健康局', 'lead'],
      ['县水利局', 'lead'],
    ]);
  });

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
    expect(roles('牵头单位：区卫健局；责任单位：各镇街')).toEqual([
      ['区卫健局', 'lead'],
      ['各镇街', 'co'],
    ]);
    expect(roles('责任单位：区教育局、区体育中心')).toEqual([
      ['区教育局', 'lead'],
      ['区体育中心', 'lead'],
    ]);
  });
  it('ignores 配合 without an organisation', () => {
    expect(roles('各方要积极配合，形成合力。')).toEqual([]);
  });
});
