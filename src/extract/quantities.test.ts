import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import type { Quantity } from './types.js';

const brief = (qs: Quantity[]): unknown[] =>
  qs.map((q) => [q.indicator, q.measure, q.comparator, q.value, q.unit, q.stretch]);

describe('targets and actuals', () => {
  it('reads the main expected targets of a work report', () => {
    const x = extract(
      '某区政府工作报告\n2025年主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%以上；城镇调查失业率控制在5.5%以内；固定资产投资争取与去年基本持平。',
    );
    expect(brief(x.targets)).toEqual([
      ['地区生产总值', 'growth', '~', 6, '%', false],
      ['一般公共预算收入', 'growth', '>=', 5, '%', false],
      ['城镇调查失业率', 'share', '<=', 5.5, '%', false],
      ['固定资产投资', 'growth', '~', 0, '', true],
    ]);
    expect(x.targets[0]!.period).toBe('2025');
    expect(x.year).toBe(2025);
  });

  it('never reads a unit past the end of the line that holds the number', () => {
    // A number that ends a line once took the line's end for a multiplier: unit "undefined", span one past.
    for (const text of [
      '某区2025年工作安排\n全年地区生产总值达到412',
      '某区2025年工作安排\n全年新建公园12\n完成投资3亿元。',
    ]) {
      const x = extract(text);
      for (const q of [...x.targets, ...x.actuals]) {
        expect(q.unit).not.toContain('undefined');
        expect(q.span[1]).toBeLessThanOrEqual(text.length);
        expect(text.slice(q.span[0], q.span[1])).not.toContain('\n');
      }
    }
  });

  it('tells results from commitments by the time they speak of', () => {
    const x = extract(
      '某县2025年工作报告\n一、2024年工作回顾\n一年来，全县新建公园8个，完成投资3.5亿元。\n二、2025年工作安排\n新建公园10个，完成投资4亿元。',
    );
    expect(brief(x.actuals)).toEqual([
      ['公园', 'count', '=', 8, '个', false],
      ['投资', 'level', '=', 3.5, '亿元', false],
    ]);
    expect(brief(x.targets)).toEqual([
      ['公园', 'count', '=', 10, '个', false],
      ['投资', 'level', '=', 4, '亿元', false],
    ]);
  });

  it('reads concentration units and keeps a dated clause out of the 力争 before it', () => {
    const x = extract(
      '某区2025年工作安排\n今年PM2.5平均浓度控制在30微克/立方米以内；力争全年新引进亿元以上项目50个以上，到年底前完成老旧小区改造20个。',
    );
    expect(brief(x.targets)).toEqual([
      ['PM2.5平均浓度', 'level', '<=', 30, '微克/立方米', false],
      ['新引进亿元以上项目', 'count', '>=', 50, '个', true],
      ['老旧小区改造', 'count', '=', 20, '个', false],
    ]);
  });

  it('gives a bare 总数 the subject before it and drops 净增 from the indicator', () => {
    const x = extract(
      '某县2025年工作报告\n一、2024年工作回顾\n全年完成固定资产投资72亿元，净增规模以上工业企业12家，总数达到98家。\n二、2025年工作安排\n全年新增规模以上工业企业10家。',
    );
    expect(brief(x.actuals)).toEqual([
      ['固定资产投资', 'level', '=', 72, '亿元', false],
      ['规模以上工业企业', 'count', '=', 12, '家', false],
      ['规模以上工业企业总数', 'count', '=', 98, '家', false],
    ]);
    expect(x.deadlines.map((d) => d.date)).toEqual(['2025-12-31']);
  });

  it("reads 国家级 awards as the region's own and drops a quote left unopened by the cut", () => {
    const x = extract(
      '某区2025年政府工作报告\n一年来，新增国家级专精特新“小巨人”企业3家。今年，新增“小巨人”企业2家以上。',
    );
    expect(brief(x.actuals)).toEqual([['国家级专精特新“小巨人”企业', 'count', '=', 3, '家', false]]);
    expect(brief(x.targets)).toEqual([['小巨人企业', 'count', '>=', 2, '家', false]]);
  });

  it('reads comparators from the words around the number', () => {
    const x = extract(
      '标题\n今年要实现：工业投资突破100亿元，税收超过20亿元，引进项目30多个，新增就业约5000人，能耗不超过1.2万吨，新建学校不少于3所。',
    );
    expect(x.targets.map((q) => q.comparator)).toEqual(['>', '>', '>', '~', '<=', '>=']);
  });

  it('takes 达/达到 as >= in targets and = in actuals', () => {
    const x = extract('标题\n截至去年底，全区高新技术企业达到120家。\n力争今年高新技术企业达150家。');
    expect(x.actuals[0]).toMatchObject({ comparator: '=', value: 120 });
    expect(x.targets[0]).toMatchObject({ comparator: '>=', value: 150, stretch: true });
  });

  it('marks only the 力争 part of a 确保…力争… sentence as stretch', () => {
    const x = extract('标题\n今年确保地区生产总值突破800亿元，力争工业产值达500亿元、研发投入占比超过3%。');
    expect(x.targets.map((q) => q.stretch)).toEqual([false, true, true]);
    expect(x.targets[2]).toMatchObject({ measure: 'share', comparator: '>' });
  });

  it('uses the noun after a measure word as the indicator', () => {
    const x = extract('标题\n今年全力保障8个重点项目开工建设，打造6个“美丽乡村”示范点。');
    expect(x.targets.map((q) => q.indicator)).toEqual(['重点项目开工建设', '“美丽乡村”示范点']);
  });

  it('converts Chinese numerals and bare magnitudes', () => {
    const x = extract('标题\n力争期末常住人口突破百万。今年新增两家上市公司。');
    expect(brief(x.targets)).toEqual([
      ['常住人口', 'level', '>', 1_000_000, '', true],
      ['上市公司', 'count', '=', 2, '家', false],
    ]);
  });

  it('inherits the subject for 占全市 and reads 个百分点 as growth', () => {
    const x = extract(
      '标题\n2024年全区工业产值增长3.1%，占全市近25%，拉动全市增长0.8个百分点。\n2025年目标：工业产值增长5%。',
    );
    expect(x.actuals.map((q) => [q.indicator, q.measure])).toEqual([
      ['工业产值', 'growth'],
      ['工业产值占全市', 'share'],
      ['工业产值拉动全市', 'growth'],
    ]);
  });

  it('excludes durations, ranks, ordinals, dates, grades, slogans and quoted names', () => {
    const x = extract(
      [
        '标题',
        '连续3年排名全市第一，入选第五批名单，于2024年5月10日通过验收。',
        '打造千亿级产业集群，创建4A级景区和二级医院，建设8万吨级泊位。',
        '实施“三大工程”和“1+6+N”体系，以百倍努力实现“零死亡”，落实“四个意识”。',
        '深入实施十四五规划和三年行动计划，用好一刻钟便民圈。',
      ].join('\n'),
    );
    expect(x.targets).toEqual([]);
    expect(x.actuals).toEqual([]);
  });

  it('keeps a quoted delivery the region commits to', () => {
    const x = extract('标题\n坚持每年办好“十件民生实事”。');
    expect(brief(x.targets)).toEqual([['民生实事', 'count', '=', 10, '件', false]]);
  });

  it('does not read the document structure or a sub-area tally as quantities', () => {
    const x = extract('标题\n推进十大方面31项改革任务，其中区直单位牵头20项，推出12项相关举措。');
    expect(x.targets).toEqual([]);
    expect(x.counts[0]).toMatchObject({ areas: 10, tasks: 31 });
  });

  it('skips numbers of a meeting narrative', () => {
    const x = extract('标题\n会上，共5个单位作了交流发言。');
    expect(x.targets.concat(x.actuals)).toEqual([]);
  });

  it('gives each quantity the span of its clause in the input', () => {
    const text = '标题\n力争全年新增就业１２００人。';
    const [q] = extract(text).targets;
    expect(text.slice(q!.span[0], q!.span[1])).toContain('１２００人');
  });

  it('reads a range as its floor, or as its ceiling where the words set one', () => {
    const x = extract(
      '标题\n2025年目标：地区生产总值增长5%—6%，工业投资增长8-10%，城镇调查失业率控制在5%-5.5%。',
    );
    expect(brief(x.targets)).toEqual([
      ['地区生产总值', 'growth', '>=', 5, '%', false],
      ['工业投资', 'growth', '>=', 8, '%', false],
      ['城镇调查失业率', 'share', '<=', 5.5, '%', false],
    ]);
  });

  it('ends the reach of 力争 at a clause that opens with its own time', () => {
    const x = extract('标题\n力争全年实现税收20亿元、新增市场主体3000户，今年新建5G基站300个。');
    expect(x.targets.map((q) => q.stretch)).toEqual([true, true, false]);
  });
});
