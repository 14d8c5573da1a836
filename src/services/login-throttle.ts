import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } from '../domain/sessions.js';

/**
 * Counts failed logins per username and per client address in a sliding window. Kept in memory: a restart
 * forgets it, which is acceptable for slowing guessing, and it costs no write per failed attempt.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = LOGIN_MAX_FAILURES,
    private readonly windowMs = LOGIN_WINDOW_MINUTES * 60_000,
  ) {}

  isBlocked(keys: readonly string[], now: number): boolean {
    return keys.some((key) => this.recent(key, now).length >= this.maxFailures);
  }

  recordFailure(keys: readonly string[], now: number): void {
    for (const key of keys) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 10_000) this.prune(now);
  }

  reset(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, list] of this.failures)
      if (list.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
  }
}
