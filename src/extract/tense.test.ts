import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import { documentGenre } from './tense.js';

const kinds = (text: string): { targets: string[]; actuals: string[] } => {
  const x = extract(text);
  return {
    targets: x.targets.map((q) => `${q.indicator} ${q.value}${q.unit}`),
    actuals: x.actuals.map((q) => `${q.indicator} ${q.value}${q.unit}`),
  };
};

describe('genre, column and clause decide target vs actual', () => {
  it.each([
    ['关于重点任务落实情况的督查通报', 'report'],
    ['民生实事项目进展情况表', 'report'],
    ['2025年计划执行情况', 'report'],
    ['2026年工作要点', 'plan'],
    ['政府工作报告', undefined],
  ])('genre of %s', (title, genre) => {
    expect(documentGenre(title)).toBe(genre);
  });

  it('a 通报 reports its tallies; its 下一步 section still plans', () => {
    const k = kinds(
      '关于重点工作落实情况的通报\n一、总体情况\n今年交办事项57件，已办结21件，占36.8%。\n二、下一步工作\n确保全年办结率达到95%以上。',
    );
    expect(k.actuals).toEqual(['交办事项 57件', '办结 21件', '办结占 36.8%']);
    expect(k.targets).toEqual(['办结率 95%']);
  });

  it('a progress table: the goal column plans, the progress column reports', () => {
    const k = kinds(
      '民生实事进展情况表\n序号 | 项目名称 | 年度目标 | 责任单位 | 1-9月完成情况 |\n1 | 停车泊位 | 新增公共停车泊位2000个 | 区城管局 | 已建成泊位1460个 |',
    );
    expect(k.targets).toEqual(['公共停车泊位 2000个']);
    expect(k.actuals).toEqual(['泊位 1460个']);
  });

  it.each(['年度目标任务', '全年目标', '2026年建设目标'])('a goal column named %s plans', (header) => {
    const k = kinds(
      `民生实事推进情况表\n序号 | 实事项目 | ${header} | 牵头单位 | 进展情况 |\n1 | 托育服务 | 新增普惠托位600个 | 区卫健局 | 已新增托位410个 |`,
    );
    expect(k.targets).toEqual(['普惠托位 600个']);
    expect(k.actuals).toEqual(['托位 410个']);
  });

  it('in a 通报 the year reported on and a 亮点 heading report; 重点项目 in a heading plans nothing', () => {
    const k = kinds(
      '关于2026年重点工作推进情况的通报\n一、总体进展\n2026年全区重点工作任务共52项。截至9月30日，已完成的18项，占34.6%。\n二、工作亮点\n（一）重点项目加快推进。重点项目完成投资41.7亿元。',
    );
    expect(k.targets).toEqual([]);
    expect(k.actuals.map((a) => a.split(' ')[1])).toEqual(['18项', '34.6%', '41.7亿元']);
  });

  it('a news account of figures is past whatever year it names', () => {
    const k = kinds('全区经济工作会议召开\n会议指出，2025年全区地区生产总值达到528亿元，增长5.6%。');
    expect(k.actuals).toEqual(['地区生产总值 528亿元', '地区生产总值 5.6%']);
  });
});

describe('quantities the held-out documents misread', () => {
  it('reads both numbers of a distributive 分别 sentence', () => {
    const k = kinds('工作回顾\n一年来，城乡居民人均可支配收入分别达到41200元和22350元，分别增长6.1%和7.4%。');
    expect(k.actuals).toEqual([
      '城乡居民人均可支配收入 41200元',
      '城乡居民人均可支配收入 22350元',
      '城乡居民人均可支配收入 6.1%',
      '城乡居民人均可支配收入 7.4%',
    ]);
  });

  it('keeps the verb of a fall and reads committed time limits', () => {
    const k = kinds(
      '2026年工作要点\n单位地区生产总值能耗下降2.5%。工程建设项目审批时间压缩至30个工作日以内，连续3年保持稳定。',
    );
    expect(k.targets).toEqual(['单位地区生产总值能耗下降 2.5%', '工程建设项目审批时间 30个工作日']);
  });

  it('does not read per-area task counts, machinery or page numbers as targets', () => {
    const x = extract(
      '2026年改革任务分工方案\n一、深化农村改革（涉及任务5项）\n- 2 -\n二、区住建局牵头任务（6项）\n此次共涉及28个责任单位，成立三个督导组。',
    );
    expect(x.targets).toEqual([]);
    expect(x.outline.map((n) => n.title)).toEqual(['深化农村改革（涉及任务5项）', '区住建局牵头任务（6项）']);
  });

  it('a speaker introduced by 指出 heads the 一要 items; —— bullets are items under 会议要求', () => {
    const x = extract(
      '新闻标题\n会议要求：\n——稳工业强产业，力争工业投资增长12%；\n区委书记陈某某指出：\n一要稳工业强产业。\n二要扩投资抓项目。',
    );
    expect(x.outline.map((n) => [n.level, n.title, n.children.length])).toEqual([
      [1, '会议要求', 1],
      [1, '区委书记陈某某指出', 2],
    ]);
  });

  it('a speech: 今年以来 reports this year, 明年 plans; the closing address is no heading', () => {
    const x = extract(
      '凝心聚力 奋力开创新局面\n——在区委经济工作会议上的讲话\n同志们：\n一、今年经济工作取得的成绩\n今年以来，全区地区生产总值预计增长5.6%，一般公共预算收入完成21.3亿元。五年来，全区地区生产总值年均增长8.3%。\n二、明年的主要目标\n明年全区经济社会发展主要预期目标是：地区生产总值增长6%左右。\n同志们，让我们……',
    );
    expect(x.actuals.map((q) => `${q.indicator} ${q.value}`)).toEqual([
      '地区生产总值 5.6',
      '一般公共预算收入 21.3',
      '地区生产总值 8.3',
    ]);
    expect(x.targets.map((q) => `${q.indicator} ${q.value}`)).toEqual(['地区生产总值 6']);
    expect(x.outline.map((n) => n.title)).toEqual(['今年经济工作取得的成绩', '明年的主要目标']);
  });

  it('a bare figure in a progress cell measures what the row names; a row with 管网 is no site name', () => {
    const x = extract(
      [
        '2026年1-9月全县民生实事项目进展情况表',
        '序号 | 项目名称 | 年度目标 | 1-9月完成情况 | 责任单位 |',
        '1 | 新建城区停车场 | 新增停车位1500个 | 完成1120个 | 县住建局 |',
        '2 | 农村饮水提升 | 改造管网60公里 | 完成45公里 | 县水利局 |',
      ].join('\n'),
    );
    expect(x.outline.map((n) => n.title)).toEqual(['新建城区停车场', '农村饮水提升']);
    expect(x.targets.map((q) => `${q.indicator} ${q.value}`)).toEqual(['停车位 1500', '改造管网 60']);
    expect(x.actuals.map((q) => `${q.indicator} ${q.value}`)).toEqual(['停车位 1120', '改造管网 45']);
  });

  it('a budget report: the plan year is the latest the title names; 为预算的N% is a share of the subject', () => {
    const x = extract(
      '关于某区2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n2025年，全区一般公共预算收入完成35.6亿元，为预算的101.2%，同比增长3.8%。\n二、2026年预算草案\n2026年全区一般公共预算收入预期增长4%。',
    );
    expect(x.year).toBe(2026);
    expect(x.actuals.map((q) => `${q.indicator} ${q.value}`)).toEqual([
      '一般公共预算收入 35.6',
      '一般公共预算收入为预算 101.2',
      '一般公共预算收入 3.8',
    ]);
    expect(x.targets.map((q) => q.value)).toEqual([4]);
  });
});
