import type { Insertable } from 'kysely';
import { newId } from '../db/ids.js';
import { listMeasurements, upsertMeasurement } from '../db/repositories/measurement-repository.js';
import type { MeasurementRow, MeasurementTable } from '../db/schema.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';

// The one way a period's value of an indicator is written, whoever writes it (the unit's report, the
// office's record or confirmation): the row and its audit event together, answered with every value.

export interface MeasurementWrite {
  plan: { id: string; region_id: string };
  targetId: string;
  /** The period's figure as written; also the audit event's data unless `data` says otherwise. */
  input: { period: string; value: number; note?: string | undefined };
  /** The status, who confirmed, the kept estimate …: what differs between the writers. */
  state: Partial<Insertable<MeasurementTable>>;
  /** An earlier row of the period being replaced keeps its id and creation. */
  existing?: MeasurementRow | undefined;
  action: string;
  data?: Record<string, unknown>;
}

export async function writeMeasurement(
  ctx: ServiceContext,
  actor: Actor,
  w: MeasurementWrite,
): Promise<MeasurementRow[]> {
  await write(ctx, actor, async ({ trx, audit }) => {
    await upsertMeasurement(trx, {
      id: w.existing?.id ?? newId('msr'),
      region_id: w.plan.region_id,
      target_id: w.targetId,
      created_by: w.existing?.created_by ?? actor.accountId,
      created_at: w.existing?.created_at ?? nowIso(ctx),
      ...w.state,
      period: w.input.period,
      value: w.input.value,
      note: w.input.note ?? '',
    });
    await audit({
      regionId: w.plan.region_id,
      action: w.action,
      entity: 'plan',
      entityId: w.plan.id,
      data: { targetId: w.targetId, ...(w.data ?? w.input) },
    });
  });
  return listMeasurements(db(ctx), [w.targetId]);
}
