import { describe, expect, it } from 'vitest';
import { clockOf, loadConfig } from './config.js';

describe('TAIZHANG_NOW, the test clock', () => {
  it('is the system clock when unset or empty', () => {
    for (const env of [{}, { TAIZHANG_NOW: '' }, { TAIZHANG_NOW: '  ' }]) {
      const config = loadConfig(env);
      expect(config.clockStart).toBeUndefined();
      expect(Math.abs(clockOf(config)().getTime() - Date.now())).toBeLessThan(1000);
    }
  });

  it('starts the clock at the instant given, and lets it run on', () => {
    const now = clockOf(loadConfig({ TAIZHANG_NOW: '2026-09-29T02:00:00Z' }))();
    expect(now.getTime() - Date.parse('2026-09-29T02:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(now.getTime() - Date.parse('2026-09-29T02:00:00Z')).toBeLessThan(1000);
  });

  it.each(['tomorrow', '2026-09-29', '2026-13-40T00:00:00Z'])('refuses %s', (value) => {
    expect(() => loadConfig({ TAIZHANG_NOW: value })).toThrow(/TAIZHANG_NOW/);
  });
});
