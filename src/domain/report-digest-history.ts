// A task's report digest on a later day, from its digest on an earlier one and the reports since: how the
// battle map's trend judges six month ends (and today) from one digest read and the months' reports.
import type { ReportDigest, ReportFact } from './task-evaluation.js';

/**
 * The digests as `day` ended (or, with `day` null, as they stand now, whenever the reports changed), from
 * `base`, the digests as the earlier day `since` ended, and `recent`: the office-received reports changed
 * after `since`, together with every one of the period `duePeriod` (the one owed on `day`), whenever it
 * changed. A report counts on `day` when it last changed on or before it, as in an evaluation as of a past day.
 */
export function digestsOnLaterDay(
  base: readonly ReportDigest[],
  recent: readonly ReportFact[],
  since: string,
  day: string | null,
  duePeriod: string | null,
): ReportDigest[] {
  const byTask = new Map<string, ReportFact[]>();
  for (const f of recent) {
    const list = byTask.get(f.task_id);
    if (list) list.push(f);
    else byTask.set(f.task_id, [f]);
  }
  const counts = (f: ReportFact) => day === null || f.updated_at.slice(0, 10) <= day;
  return base.map((b) => {
    const facts = byTask.get(b.task_id) ?? [];
    const d = { ...b };
    let acceptedAt = '';
    let submittedAt = '';
    for (const f of facts) {
      // Reports changed by `since` are in the base already; a later one of an earlier period is not.
      if (f.updated_at.slice(0, 10) <= since || !counts(f)) continue;
      if (d.last_period === null || f.period > d.last_period) d.last_period = f.period;
      if (f.status === 'accepted') {
        if (f.claims_completion) d.completed = true;
        if (f.updated_at >= acceptedAt) {
          acceptedAt = f.updated_at;
          d.accepted_progress = f.progress;
        }
      } else if (f.updated_at >= submittedAt) {
        submittedAt = f.updated_at;
        d.submitted_progress = f.progress;
      }
    }
    d.due_reported = duePeriod !== null && facts.some((f) => f.period === duePeriod && counts(f));
    return d;
  });
}
