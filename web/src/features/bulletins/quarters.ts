import { formatPeriod, type Locale } from '../../i18n/format';

/** The current quarter and the four before it, newest first, as the office picks a bulletin's period. */
export function quarterChoices(now: Date, locale: Locale): { value: string; label: string }[] {
  const year = now.getFullYear();
  const q = Math.floor(now.getMonth() / 3);
  return Array.from({ length: 5 }, (_, i) => {
    const n = year * 4 + q - i;
    const value = `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
    return { value, label: formatPeriod(value, locale) };
  });
}
