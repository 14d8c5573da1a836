import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

const T0 = 1_000_000_000;

function fail(t: LoginThrottle, username: string, ip: string, times: number, now = T0): void {
  for (let i = 0; i < times; i++) t.recordFailure(username, ip, now);
}

describe('LoginThrottle', () => {
  it('refuses a username from the address that guessed it five times, not from another address', () => {
    const t = new LoginThrottle();
    fail(t, 'admin', '1.1.1.1', 5);
    expect(t.check('admin', '1.1.1.1', T0).refusedForSeconds).toBeGreaterThan(0);
    expect(t.check('admin', '2.2.2.2', T0).refusedForSeconds).toBe(0);
  });

  it('refuses an address that guesses many usernames', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 20; i++) t.recordFailure(`user${i}`, '1.1.1.1', T0);
    expect(t.check('someone-else', '1.1.1.1', T0).refusedForSeconds).toBeGreaterThan(0);
    expect(t.check('someone-else', '2.2.2.2', T0).refusedForSeconds).toBe(0);
  });

  it('slows down, never locks, a username guessed from many addresses', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 30; i++) t.recordFailure('admin', `10.0.0.${i}`, T0);
    const fresh = t.check('admin', '192.168.1.1', T0);
    expect(fresh.refusedForSeconds).toBe(0);
    expect(fresh.delayMs).toBeGreaterThan(0);
    expect(t.check('other', '192.168.1.1', T0).delayMs).toBe(0);
  });

  it('says how long until the oldest counted failure leaves the window', () => {
    const t = new LoginThrottle();
    fail(t, 'admin', '1.1.1.1', 5, T0);
    expect(t.check('admin', '1.1.1.1', T0 + 60_000).refusedForSeconds).toBe(14 * 60);
    expect(t.check('admin', '1.1.1.1', T0 + 15 * 60_000).refusedForSeconds).toBe(0);
  });

  it('forgets a username’s failures from an address once it signs in there', () => {
    const t = new LoginThrottle();
    fail(t, 'admin', '1.1.1.1', 4);
    t.recordSuccess('admin', '1.1.1.1');
    fail(t, 'admin', '1.1.1.1', 4);
    expect(t.check('admin', '1.1.1.1', T0).refusedForSeconds).toBe(0);
  });
});
