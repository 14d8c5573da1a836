import {
  LOGIN_MAX_FAILURES,
  LOGIN_MAX_FAILURES_PER_ADDRESS,
  LOGIN_SLOWDOWN_AFTER,
  LOGIN_SLOWDOWN_MS,
  LOGIN_WINDOW_MINUTES,
} from '../domain/sessions.js';

/** What the throttle says about one attempt: refuse it for so long, or let it through after a delay. */
export interface ThrottleVerdict {
  /** More than zero: refuse, and the client may try again after this many seconds (Retry-After). */
  refusedForSeconds: number;
  /** Wait this long before checking the password: the username is being guessed from many addresses. */
  delayMs: number;
}

interface Limit {
  max: number;
  key: string;
}

/**
 * Counts failed logins in a sliding window, three ways:
 *
 * - per client address: one address guessing many usernames is refused;
 * - per username and address: one address guessing one account is refused, while the account's owner,
 *   elsewhere, still signs in (the old per-username lock let anyone lock `admin` out with five guesses);
 * - per username from everywhere: only slows each attempt down, so spreading guesses over many addresses
 *   costs time without giving anyone a way to lock the account.
 *
 * Kept in memory rather than in a table. A restart forgets the counts, which gives an attacker one fresh
 * window per restart; restarts are the operator's doing, not the client's, and each window still allows
 * only a handful of guesses against argon2-hashed passwords of at least ten characters that are not on the
 * common-password list. A table would cost a durable write on every failed attempt — which is itself a
 * lever for flooding the write path — to close a gap the attacker cannot open. Behind several server
 * processes each keeps its own counts, so the limits multiply by the number of processes at most.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly windowMs = LOGIN_WINDOW_MINUTES * 60_000;

  check(username: string, address: string, now: number): ThrottleVerdict {
    const limits: Limit[] = [
      { key: addressKey(address), max: LOGIN_MAX_FAILURES_PER_ADDRESS },
      { key: pairKey(username, address), max: LOGIN_MAX_FAILURES },
    ];
    let refusedMs = 0;
    for (const { key, max } of limits) {
      const recent = this.recent(key, now);
      if (recent.length < max) continue;
      // Refused until enough of the failures leave the window to bring the count under the limit.
      const freeAt = recent[recent.length - max]! + this.windowMs;
      refusedMs = Math.max(refusedMs, freeAt - now);
    }
    const slowed = this.recent(usernameKey(username), now).length >= LOGIN_SLOWDOWN_AFTER;
    return { refusedForSeconds: Math.ceil(refusedMs / 1000), delayMs: slowed ? LOGIN_SLOWDOWN_MS : 0 };
  }

  recordFailure(username: string, address: string, now: number): void {
    for (const key of [addressKey(address), pairKey(username, address), usernameKey(username)]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 10_000) this.prune(now);
  }

  /** The owner signed in from there: the pair's failures were the owner's typos. */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(pairKey(username, address));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, list] of this.failures)
      if (list.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
  }
}

function addressKey(address: string): string {
  return `ip:${address}`;
}

function pairKey(username: string, address: string): string {
  return `pair:${username}\u0000${address}`;
}

function usernameKey(username: string): string {
  return `u:${username}`;
}
