import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('treats an empty DATABASE_URL as unset: the SQLite file in the data directory', () => {
    const config = loadConfig({ DATABASE_URL: '', TAIZHANG_DATA_DIR: '/srv/tz' });
    expect(config.databaseUrl).toBe(join('/srv/tz', 'taizhang.db'));
    expect(loadConfig({ DATABASE_URL: '   ', TAIZHANG_DATA_DIR: '/srv/tz' }).databaseUrl).toBe(
      join('/srv/tz', 'taizhang.db'),
    );
  });

  it('keeps a PostgreSQL URL and resolves a SQLite path', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl).toBe('postgres://u@h:5432/db');
    expect(loadConfig({ DATABASE_URL: 'data/x.db' }).databaseUrl).toBe(resolve('data/x.db'));
  });

  it('refuses a URL of another database with a clear message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(
      /postgres:\/\/ URL or a SQLite file path/,
    );
    expect(() => loadConfig({ DATABASE_URL: ':memory:' })).toThrow(/DATABASE_URL/);
  });

  it('reads request logging from TAIZHANG_LOG', () => {
    expect(loadConfig({ TAIZHANG_LOG: '1' }).logRequests).toBe(true);
    expect(loadConfig({}).logRequests).toBe(false);
  });

  it('reads the audit keys, previous ones comma-separated, and refuses a short key', () => {
    const long = 'a'.repeat(32);
    expect(loadConfig({}).auditKeys).toEqual({ current: null, previous: [] });
    expect(
      loadConfig({
        TAIZHANG_AUDIT_KEY: long,
        TAIZHANG_AUDIT_KEY_PREVIOUS: ` ${'b'.repeat(20)}, ,${'c'.repeat(16)}`,
      }).auditKeys,
    ).toEqual({ current: long, previous: ['b'.repeat(20), 'c'.repeat(16)] });
    expect(() => loadConfig({ TAIZHANG_AUDIT_KEY: 'short' })).toThrow(
      /TAIZHANG_AUDIT_KEY must be at least 16/,
    );
  });
});
