import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, scanNumbers } from './numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['一千二百', 1200],
    ['十四', 14],
    ['二十', 20],
    ['百万', 1_000_000],
    ['两', 2],
    ['三万五千', 35_000],
    ['一千零五', 1005],
    ['一千二百万', 12_000_000],
    ['二〇二五', 2025],
  ])('%s = %d', (run, value) => {
    expect(parseChineseNumeral(run)).toBe(value);
  });
});

describe('scanNumbers', () => {
  it('reads Arabic numbers with decimals and thousands separators', () => {
    const found = scanNumbers('增长1.5%，投资12,000万元');
    expect(found.map((n) => n.value)).toEqual([1.5, 12000]);
  });
  it('reads 百分之N as a percentage', () => {
    const [n] = scanNumbers('提高百分之十五');
    expect(n).toMatchObject({ value: 15, percent: true });
  });
});
