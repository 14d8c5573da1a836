// How long a login lasts and how wrong passwords slow the next attempts: one constant each.

/** A session ends this many hours after its login, whatever happens in between. */
export const SESSION_HOURS = 12;
/** …and earlier when it goes unused this long: a browser left open on a shared office PC signs itself out. */
export const SESSION_IDLE_MINUTES = 120;
/** How stale a session's "last seen" may get before a request writes it again: one write a minute at most. */
export const SESSION_TOUCH_MINUTES = 1;

/** Failed logins for one username from one client address before that pair is refused. */
export const LOGIN_MAX_FAILURES = 5;
/** Failed logins from one client address, whatever the usernames, before the address is refused. */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
/** The sliding window those failures are counted in, and so the longest a refusal lasts. */
export const LOGIN_WINDOW_MINUTES = 15;
/**
 * Failed logins for one username from all addresses together after which every attempt on it is slowed
 * down (never refused: the owner's right password from a fresh address must still work).
 */
export const LOGIN_SLOWDOWN_AFTER = 10;
/** How long each attempt on a username under attack waits before its password is checked. */
export const LOGIN_SLOWDOWN_MS = 1_000;
