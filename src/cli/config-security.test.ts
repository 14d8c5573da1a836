import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: proxies and cookies', () => {
  it('trusts no proxy unless told: a client cannot pick its own address with X-Forwarded-For', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TAIZHANG_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TAIZHANG_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a list of proxy addresses', () => {
    expect(loadConfig({ TAIZHANG_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ TAIZHANG_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it('refuses "trust every proxy" and hop counts, which would let a direct client name its address', () => {
    expect(() => loadConfig({ TAIZHANG_TRUST_PROXY: '1' })).toThrow(/TAIZHANG_TRUST_PROXY/);
    expect(() => loadConfig({ TAIZHANG_TRUST_PROXY: 'true' })).toThrow(/TAIZHANG_TRUST_PROXY/);
    expect(() => loadConfig({ TAIZHANG_TRUST_PROXY: '*' })).toThrow(/TAIZHANG_TRUST_PROXY/);
  });

  it('marks cookies Secure only behind HTTPS (TAIZHANG_SECURE_COOKIES=1)', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ TAIZHANG_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });
});
