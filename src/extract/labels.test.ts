import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import type { Quantity } from './types.js';

const brief = (qs: Quantity[]): unknown[] => qs.map((q) => [q.indicator, q.measure, q.value, q.unit]);

describe('class labels, thresholds and notes', () => {
  it('a bound with its inclusion note names a class; the amounts it qualifies are read', () => {
    const x = extract(
      '某镇2026年工作计划\n一、重点任务\n1.完成10户以下(含10户)自然村的人居环境整治，整治率达到100%\n2.新建农村公路18公里(不含村内道路)\n3.新引进投资5000万元以上项目12个，其中亿元以上项目4个',
    );
    expect(brief(x.targets)).toEqual([
      ['整治率', 'share', 100, '%'],
      ['农村公路', 'level', 18, '公里'],
      ['新引进投资5000万元以上项目', 'count', 12, '个'],
      ['亿元以上项目', 'count', 4, '个'],
    ]);
  });

  it('a threshold counted ("进度超过50%的有5件") and a base ("十件民生实事中") are not quantities', () => {
    const x = extract(
      '关于民生实事推进情况的通报\n截至6月30日，十件民生实事中已完成年度目标的有2件，进度超过50%的有5件。',
    );
    expect(brief(x.targets)).toEqual([]);
    expect(x.actuals.map((q) => q.value)).toEqual([2, 5]);
  });

  it('a note inside an indicator neither names nor dates it', () => {
    const x = extract(
      '某区2026年改革任务分工方案\n一、任务\n1.推进老旧小区改造。完成改造小区26个(不含已列入省级试点的小区)，惠及居民5800户。',
    );
    expect(brief(x.targets)).toEqual([
      ['改造小区', 'count', 26, '个'],
      ['惠及居民', 'count', 5800, '户'],
    ]);
    expect(x.actuals).toEqual([]);
  });

  it('环比(下同) and 从…增加到… speak of the indicator before them', () => {
    const x = extract(
      '2026年1-5月全区经济运行情况\n1-5月，全区规模以上工业增加值同比增长6.8%，环比(下同)提高0.4个百分点。五年来，全区财政收入从86亿元增加到132亿元，保持两位数增长。',
    );
    expect(brief(x.actuals)).toEqual([
      ['规模以上工业增加值', 'growth', 6.8, '%'],
      ['规模以上工业增加值', 'growth', 0.4, '个百分点'],
      ['财政收入', 'level', 86, '亿元'],
      ['财政收入', 'level', 132, '亿元'],
    ]);
  });

  it('a judged subject carries to its figure; a delivered number of tasks is a target', () => {
    const x = extract(
      '关于重点工作督查情况的通报\n一、存在问题\n(一)部分任务进度滞后。资金到位率偏低，仅为41%。',
    );
    expect(brief(x.actuals)).toEqual([['资金到位率', 'share', 41, '%']]);
    const y = extract(
      '某市2026年工作要点\n一、抓改革\n完成市属国有企业改革重组任务8项。全区改革分为三个方面(涉及任务6项)。',
    );
    expect(brief(y.targets)).toEqual([['市属国有企业改革重组任务', 'count', 8, '项']]);
  });

  it('a figure for the whole year does not take the quarter of the clause before', () => {
    const x = extract('某区2026年工作要点\n一季度实现开门红，全年地区生产总值突破4000亿元。');
    expect(x.targets.map((q) => [q.value, q.period])).toEqual([[4000, undefined]]);
  });

  it('an indicator starts after a period named before it and after a bracket closed before it', () => {
    const x = extract(
      '某县2026年工作要点\n会议还对“十四五”期末常住人口达到85万人作了部署。\n东城街道)全年地区生产总值突破100亿元。',
    );
    expect(brief(x.targets)).toEqual([
      ['常住人口', 'level', 85, '万人'],
      ['地区生产总值', 'level', 100, '亿元'],
    ]);
  });
});
