import { newId } from '../db/ids.js';
import {
  getMeasurement,
  listMeasurements,
  upsertMeasurement,
} from '../db/repositories/measurement-repository.js';
import type { MeasurementRow } from '../db/schema.js';
import { isMeasurementPeriod } from '../domain/plans.js';
import { demand, targetFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
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
  const at = nowIso(ctx);
  await write(ctx, actor, async ({ trx, audit }) => {
    await upsertMeasurement(trx, {
      id: newId('msr'),
      region_id: plan.region_id,
      target_id: targetId,
      period: input.period,
      value: input.value,
      note: input.note ?? '',
      created_by: actor.accountId,
      created_at: at,
      status: 'confirmed',
      estimate,
      reported_by: existing?.reported_by ?? null,
      reported_at: existing?.reported_at ?? null,
      confirmed_by: actor.accountId,
      confirmed_at: at,
    });
    await audit({
      regionId: plan.region_id,
      action: 'measurement.record',
      entity: 'plan',
      entityId: plan.id,
      data: { targetId, ...input },
    });
  });
  return listMeasurements(db(ctx), [targetId]);
}
