import { getMeasurement } from '../db/repositories/measurement-repository.js';
import type { MeasurementRow } from '../db/schema.js';
import { isMeasurementPeriod } from '../domain/plans.js';
import { demand, targetFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { writeMeasurement } from './measurement-write.js';
import * as targetPolicy from './policies/target.js';

export type { MeasurementRow };

export interface MeasurementInput {
  period: string;
  value: number;
  note?: string | undefined;
}

/**
 * The office records the actual value of an indicator for a period (实绩); a later value for the same
 * period replaces it. Answers with all the target's values.
 */
export async function recordMeasurement(
  ctx: ServiceContext,
  actor: Actor,
  targetId: string,
  input: MeasurementInput,
): Promise<MeasurementRow[]> {
  const { plan } = await targetFor(ctx, actor, targetId);
  demand(targetPolicy.can(actor, 'record_measurement', { regionId: plan.region_id, task: null }));
  if (!isMeasurementPeriod(input.period)) throw fail('measurement.period_malformed', {}, { field: 'period' });
  // A unit's figure the office's replaces stays beside it as the estimate.
  const existing = await getMeasurement(db(ctx), targetId, input.period);
  const estimate =
    existing?.status === 'reported' && existing.value !== input.value
      ? existing.value
      : (existing?.estimate ?? null);
  return writeMeasurement(ctx, actor, {
    plan,
    targetId,
    input,
    state: {
      status: 'confirmed',
      estimate,
      reported_by: existing?.reported_by ?? null,
      reported_at: existing?.reported_at ?? null,
      confirmed_by: actor.accountId,
      confirmed_at: nowIso(ctx),
    },
    action: 'measurement.record',
  });
}
