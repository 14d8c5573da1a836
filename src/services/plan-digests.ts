import { reportDigestsOf } from '../db/repositories/report-digest-repository.js';
import type { Cadence } from '../domain/periods.js';
import { duePeriodOf, type PlanDigests } from '../domain/task-evaluation.js';
import { db, type ServiceContext } from './context.js';

/**
 * Each plan's report digests for `day` (one row per task, whatever the history); with `past`, the digests
 * that day ended with, counting only the reports changed by then, as an evaluation as of a past day reads.
 */
export function digestsOfPlans(
  ctx: ServiceContext,
  regionId: string,
  plans: readonly { id: string; cadence: Cadence }[],
  day: string,
  past = false,
): Promise<PlanDigests[]> {
  return Promise.all(
    plans.map(async (plan) => {
      const duePeriod = duePeriodOf(plan.cadence, day);
      const rows = await reportDigestsOf(db(ctx), regionId, plan.id, duePeriod, past ? day : undefined);
      return { planId: plan.id, duePeriod, rows };
    }),
  );
}
