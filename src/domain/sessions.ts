// How long a login lasts and how many wrong passwords slow the next attempts: one constant each.

/** A session ends this many hours after its login, whatever happens in between. */
export const SESSION_HOURS = 12;

/** Failed logins, per username and per client address, before further attempts are refused. */
export const LOGIN_MAX_FAILURES = 5;
/** The sliding window those failures are counted in, and how long a refusal lasts. */
export const LOGIN_WINDOW_MINUTES = 15;
