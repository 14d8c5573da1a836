import type { TargetRow } from '../../../services/target-service.js';
import { presentMeasurement, type MeasurementFields } from '../measurements/presenter.js';
import type { Target } from './schema.js';

/** A target with the values measured so far; a target just written is shown without them. */
export function presentTarget(t: TargetRow, measurements: readonly MeasurementFields[] = []): Target {
  return {
    id: t.id,
    planId: t.plan_id,
    areaId: t.area_id,
    taskId: t.task_id,
    indicator: t.indicator,
    measure: t.measure,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    stretch: t.stretch === 1,
    period: t.period,
    sourceText: t.source_text,
    source:
      t.source_start === null || t.source_end === null ? null : { start: t.source_start, end: t.source_end },
    version: t.version,
    unitId: t.unit_id,
    cadence: t.cadence,
    cumulative: t.cumulative === 1,
    measurements: measurements.map(presentMeasurement),
  };
}
