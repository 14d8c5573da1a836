import { reportDigestsOf, reportFactsChangedSince } from '../db/repositories/report-digest-repository.js';
import type { Cadence } from '../domain/periods.js';
import { digestsOnLaterDay } from '../domain/report-digest-history.js';
import { duePeriodOf, type PlanDigests } from '../domain/task-evaluation.js';
import { db, type ServiceContext } from './context.js';

type PlanCadence = { id: string; cadence: Cadence };

/**
 * Each plan's report digests as each of `days` (ascending) ended, and as they stand on `today`, from one
 * digest read as the first day ended and the reports changed since: O(tasks + the reports of those months),
 * never the history. `past[i]` are the digests of `days[i]`.
 */
export async function digestsOverDays(
  ctx: ServiceContext,
  regionId: string,
  plans: readonly PlanCadence[],
  days: readonly string[],
  today: string,
  /** Only these tasks (a view kept in memory re-reads the few a write changed). */
  taskIds?: readonly string[],
): Promise<{ now: PlanDigests[]; past: PlanDigests[][] }> {
  const since = days[0] ?? today;
  const read = await Promise.all(
    plans.map(async (plan) => {
      // The period owed only moves forward, so from the first day's on covers every day's.
      const fromPeriod = duePeriodOf(plan.cadence, since);
      const [base, recent] = await Promise.all([
        reportDigestsOf(db(ctx), regionId, plan.id, fromPeriod, since, taskIds),
        reportFactsChangedSince(db(ctx), regionId, plan.id, since, fromPeriod, taskIds),
      ]);
      const on = (day: string | null): PlanDigests => {
        const duePeriod = duePeriodOf(plan.cadence, day ?? today);
        return { planId: plan.id, duePeriod, rows: digestsOnLaterDay(base, recent, since, day, duePeriod) };
      };
      return { now: on(null), past: days.map(on) };
    }),
  );
  return { now: read.map((r) => r.now), past: days.map((_, i) => read.map((r) => r.past[i]!)) };
}
