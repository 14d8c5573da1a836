import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

describe('deadlines', () => {
  it.each([
    ['上半年完成方案制定。', '2025-06-30'],
    ['年底前全面完工。', '2025-12-31'],
    ['6月底前完成验收。', '2025-06-30'],
    ['第三季度完成招标。', '2025-09-30'],
    ['2026年1月15日前报送材料。', '2026-01-15'],
    ['全年完成改造任务。', '2025-12-31'],
    ['10月中旬前完成初稿。', '2025-10-20'],
    ['2026年底前全面建成。', '2026-12-31'],
  ])('%s -> %s', (sentence, date) => {
    const x = extract(`某区2025年工作要点\n${sentence}`);
    expect(x.deadlines.map((d) => d.date)).toEqual([date]);
  });

  it('does not take a reported date for a time limit', () => {
    const x = extract(
      '某区2025年工作要点\n今年7月，全区已有8家企业通过认定。上半年全区经济指标位居全市前列。',
    );
    expect(x.deadlines).toEqual([]);
  });

  it('lists a limit the calendar alone cannot date, without a date', () => {
    const x = extract('某区2026年工作安排\n一、教育\n2026年秋季学期前建成九年一贯制学校1所。');
    expect(x.deadlines.map((d) => [d.text, d.date])).toEqual([['2026年秋季学期前', undefined]]);
    expect(x.targets.map((q) => q.indicator)).toEqual(['九年一贯制学校']);
  });
});
