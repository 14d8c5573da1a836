import type { StoredHolidayYear } from '../../../services/calendar-service.js';
import type { HolidayYear } from './schema.js';

export function presentHolidayYear(y: StoredHolidayYear): HolidayYear {
  return {
    year: y.year,
    status: y.status,
    source: y.source,
    holidays: y.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
    workdays: y.workdays.map((w) => ({ name: w.name, date: w.date })),
    stored: y.stored,
  };
}
