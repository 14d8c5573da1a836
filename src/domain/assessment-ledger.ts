// Turns what the ledger holds (reports, milestones, notices of a period) into the events automatic
// indicators score, each naming the row it came from. Pure: the repository gathers the rows.

import type { LedgerEvent } from './assessment-auto.js';
import { todayInShanghai } from './calendar.js';
import { periodRange, reportDueDate } from './periods.js';

export interface LedgerRows {
  /** Reports of the region whose period lies in the assessed range and which reached the office. */
  reports: readonly {
    id: string;
    unitId: string;
    taskId: string;
    period: string;
    submittedAt: string | null;
    rating: number | null;
  }[];
  /** Milestones due in the range, with the lead unit of their task. */
  milestones: readonly { id: string; unitId: string; dueDate: string; doneDate: string | null }[];
  /** Notices issued in the range. */
  notices: readonly {
    id: string;
    unitId: string;
    taskId: string;
    kind: string;
    period: string | null;
    issuedAt: string;
  }[];
}

function periodInside(period: string, range: { start: string; end: string }): boolean {
  const p = periodRange(period);
  return p.start >= range.start && p.end <= range.end;
}

/**
 * Events of the range as of `asOf`: a report on time or late (by its due day), its rating; a missing
 * report through the 催办 raised for it (unless it came in later, then it is simply late); a milestone
 * done on time or late (still open after its due day counts late); each 督办 and 挂牌督办.
 */
export function ledgerEvents(
  rows: LedgerRows,
  range: { start: string; end: string },
  asOf: string,
): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  const sent = new Set<string>();
  // A region's quarter has thousands of reports over a handful of periods: work each period out once.
  const inside = new Map<string, boolean>();
  const dueOf = new Map<string, string>();
  const periodIn = (period: string) => {
    let v = inside.get(period);
    if (v === undefined) inside.set(period, (v = periodInside(period, range)));
    return v;
  };
  // The Shanghai day of a UTC instant depends only on its UTC date and hour.
  const dayOf = new Map<string, string>();
  const shanghaiDay = (instant: string) => {
    const hour = instant.slice(0, 13);
    let v = dayOf.get(hour);
    if (v === undefined) dayOf.set(hour, (v = todayInShanghai(new Date(instant))));
    return v;
  };
  const due = (period: string) => {
    let v = dueOf.get(period);
    if (v === undefined) dueOf.set(period, (v = reportDueDate(period)));
    return v;
  };
  for (const r of rows.reports) {
    if (r.submittedAt === null || !periodIn(r.period)) continue;
    sent.add(`${r.taskId}|${r.period}`);
    const on = shanghaiDay(r.submittedAt);
    const base = { unitId: r.unitId, sourceKind: 'report', sourceId: r.id, date: on };
    out.push({
      ...base,
      kind: on <= due(r.period) ? 'report_on_time' : 'report_late',
      points: null,
    });
    if (r.rating !== null) out.push({ ...base, kind: 'report_rating', points: r.rating });
  }
  for (const m of rows.milestones) {
    if (m.dueDate < range.start || m.dueDate > range.end) continue;
    if (m.doneDate === null && !(asOf > m.dueDate)) continue;
    const onTime = m.doneDate !== null && m.doneDate <= m.dueDate;
    out.push({
      kind: onTime ? 'milestone_on_time' : 'milestone_late',
      unitId: m.unitId,
      sourceKind: 'milestone',
      sourceId: m.id,
      date: m.doneDate ?? m.dueDate,
      points: null,
    });
  }
  for (const n of rows.notices) {
    const on = shanghaiDay(n.issuedAt);
    if (on < range.start || on > range.end) continue;
    const base = { unitId: n.unitId, sourceKind: 'notice', sourceId: n.id, date: on, points: null };
    if (n.kind === 'supervise' || n.kind === 'listed') out.push({ ...base, kind: n.kind });
    else if (n.kind === 'urge' && n.period !== null && periodIn(n.period)) {
      if (!sent.has(`${n.taskId}|${n.period}`)) out.push({ ...base, kind: 'report_missing' });
    }
  }
  return out;
}
