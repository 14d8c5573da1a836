import { CHINA_TIME_ZONE } from '../lib/china-time';

export type Locale = 'zh-CN' | 'en-US';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;

/*
 * Dates without a time (due dates, milestones) are calendar days: format them in UTC so no time zone
 * can move them to the day before. Timestamps are shown in China Standard Time, where the users are.
 */
function zoneOf(value: string): string {
  return DATE_ONLY.test(value) ? 'UTC' : CHINA_TIME_ZONE;
}

/** 2026年11月21日 / Nov 21, 2026 */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    locale === 'zh-CN'
      ? { year: 'numeric', month: 'long', day: 'numeric' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zoneOf(value) }).format(date);
}

/** 2026年11月21日 14:05 / Nov 21, 2026, 2:05 PM */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    locale === 'zh-CN'
      ? { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }
      : { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: CHINA_TIME_ZONE }).format(date);
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const ZH_QUARTERS = ['一', '二', '三', '四'];

/** A reporting period: '2026-11' is 2026年11月 / Nov 2026, '2026-Q3' is 2026年第三季度 / Q3 2026. */
export function formatPeriod(period: string, locale: Locale): string {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const [, year, q] = quarter;
    return locale === 'zh-CN' ? `${year}年第${ZH_QUARTERS[Number(q) - 1]!}季度` : `Q${q} ${year}`;
  }
  const match = MONTH_ONLY.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const options: Intl.DateTimeFormatOptions =
    locale === 'zh-CN' ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
}

/** Progress and time elapsed are sent as 0–100. */
export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, locale, 1)} MB`;
}
