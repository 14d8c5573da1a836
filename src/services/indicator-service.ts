import { getMeasurement, listMeasurements } from '../db/repositories/measurement-repository.js';
import type { MeasurementRow, TargetRow } from '../db/schema.js';
import {
  indicatorStatus,
  indicatorTargetOf,
  periodFitsCadence,
  periodStartDate,
  type IndicatorResult,
} from '../domain/indicators.js';
import { demand, planFor, readableTargetsOf, targetFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { writeMeasurement } from './measurement-write.js';
import * as targetPolicy from './policies/target.js';

export type { IndicatorResult, MeasurementRow, TargetRow };

export interface Indicator {
  target: TargetRow;
  measurements: MeasurementRow[];
  /** Judged on the office's confirmed figures only: a unit's estimate waits for confirmation. */
  result: IndicatorResult;
  can: { reportValue: boolean; confirmValue: boolean };
}

/** The month key of a day: the default moment an indicator page is judged at. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A plan's indicators (指标) with their values and status at `asOf` (a month key, this month by default). */
export async function indicatorsOf(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  asOf?: string,
): Promise<{ asOf: string; indicators: Indicator[] }> {
  const plan = await planFor(ctx, actor, planId);
  const at = asOf ?? monthOf(today(ctx));
  const visible = await readableTargetsOf(ctx, actor, plan);
  const measurements = await listMeasurements(
    db(ctx),
    visible.map((t) => t.id),
  );
  const indicators = visible.map((target) => {
    const mine = measurements.filter((m) => m.target_id === target.id);
    const confirmed = mine.filter((m) => m.status === 'confirmed');
    const facts = { regionId: plan.region_id, task: null, unitId: target.unit_id };
    return {
      target,
      measurements: mine,
      result: indicatorStatus(indicatorTargetOf(target), confirmed, at),
      can: {
        reportValue: targetPolicy.can(actor, 'report_value', facts),
        confirmValue: targetPolicy.can(actor, 'confirm_value', facts),
      },
    };
  });
  return { asOf: at, indicators };
}

export interface IndicatorValueInput {
  period: string;
  value: number;
  /** The unit the figure is in, when the form says; it must be the indicator's. */
  unit?: string | undefined;
  note?: string | undefined;
}

function checkValue(
  ctx: ServiceContext,
  target: TargetRow,
  input: { period: string; unit?: string | undefined },
): void {
  const start = periodStartDate(input.period);
  if (start === null) throw fail('measurement.period_malformed', {}, { field: 'period' });
  if (!periodFitsCadence(input.period, target.cadence))
    throw fail('measurement.wrong_cadence', { period: input.period }, { field: 'period' });
  if (start > today(ctx))
    throw fail('measurement.period_future', { period: input.period }, { field: 'period' });
  if (input.unit !== undefined && input.unit.trim() !== target.unit)
    throw fail('measurement.unit_mismatch', { unit: target.unit }, { field: 'unit' });
}

/**
 * The responsible unit enters its figure for a period (reported): it may correct it until the office
 * confirms. Answers with all the target's values.
 */
export async function reportIndicatorValue(
  ctx: ServiceContext,
  actor: Actor,
  targetId: string,
  input: IndicatorValueInput,
): Promise<MeasurementRow[]> {
  const { target, plan } = await targetFor(ctx, actor, targetId);
  demand(
    targetPolicy.can(actor, 'report_value', { regionId: plan.region_id, task: null, unitId: target.unit_id }),
  );
  checkValue(ctx, target, input);
  const existing = await getMeasurement(db(ctx), targetId, input.period);
  if (existing?.status === 'confirmed') throw fail('measurement.confirmed', { period: input.period });
  const at = nowIso(ctx);
  return writeMeasurement(ctx, actor, {
    plan,
    targetId,
    input,
    state: { status: 'reported', reported_by: actor.accountId, reported_at: at },
    action: 'measurement.report',
  });
}

export interface ConfirmValueInput {
  period: string;
  /** The statistics bureau's figure, when it differs from the unit's: the unit's stays as the estimate. */
  value?: number | undefined;
  unit?: string | undefined;
  note?: string | undefined;
}

/** The office confirms a unit's figure, or replaces it with the statistics bureau's (both kept). */
export async function confirmIndicatorValue(
  ctx: ServiceContext,
  actor: Actor,
  targetId: string,
  input: ConfirmValueInput,
): Promise<MeasurementRow[]> {
  const { target, plan } = await targetFor(ctx, actor, targetId);
  demand(
    targetPolicy.can(actor, 'confirm_value', {
      regionId: plan.region_id,
      task: null,
      unitId: target.unit_id,
    }),
  );
  checkValue(ctx, target, input);
  const existing = await getMeasurement(db(ctx), targetId, input.period);
  if (!existing || existing.status !== 'reported')
    throw fail('measurement.not_reported', { period: input.period });
  const value = input.value ?? existing.value;
  return writeMeasurement(ctx, actor, {
    plan,
    targetId,
    input: { period: input.period, value, note: input.note ?? existing.note },
    existing,
    state: {
      ...existing,
      estimate: value === existing.value ? null : existing.value,
      status: 'confirmed',
      confirmed_by: actor.accountId,
      confirmed_at: nowIso(ctx),
    },
    action: 'measurement.confirm',
    data: { period: input.period, value, estimate: existing.value },
  });
}
