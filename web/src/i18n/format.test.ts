import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatPercent, formatPeriod } from './format';

describe('locale formatting', () => {
  it('formats calendar dates per locale without shifting the day', () => {
    expect(formatDate('2026-11-21', 'zh-CN')).toBe('2026年11月21日');
    expect(formatDate('2026-11-21', 'en-US')).toBe('Nov 21, 2026');
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026年1月1日');
  });

  it('formats timestamps in China Standard Time', () => {
    // 20:30 UTC is already the next day in Beijing.
    expect(formatDate('2026-11-20T20:30:00.000Z', 'zh-CN')).toBe('2026年11月21日');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
  });

  it('formats periods, percents and sizes', () => {
    expect(formatPeriod('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatPeriod('2026-11', 'en-US')).toBe('Nov 2026');
    expect(formatPercent(68.3, 'zh-CN')).toBe('68%');
    expect(formatBytes(1536, 'en-US')).toBe('1.5 KB');
  });
});

describe('quarters', () => {
  it('reads a quarter as offices and English readers write it', () => {
    expect(formatPeriod('2026-Q3', 'zh-CN')).toBe('2026年第三季度');
    expect(formatPeriod('2026-Q1', 'en-US')).toBe('Q1 2026');
    expect(formatPeriod('2026-Q5', 'en-US')).toBe('2026-Q5');
  });
});
