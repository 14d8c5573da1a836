import { describe, expect, it } from 'vitest';
import { todayInChina } from './china-time';

describe('todayInChina', () => {
  it('dates today in Shanghai, a day ahead of UTC in the evening', () => {
    expect(todayInChina(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });
});
