/** The users' time zone: due dates, periods and "today" are all reckoned in China Standard Time. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in China as YYYY-MM-DD, whatever the browser's own zone; text of this shape compares as dates. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE }).format(now);
}
