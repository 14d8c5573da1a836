import type { MeasurementRow } from '../../../services/measurement-service.js';
import type { Measurement } from './schema.js';

export type MeasurementFields = Pick<MeasurementRow, 'period' | 'value' | 'note' | 'status' | 'estimate'>;

export function presentMeasurement(m: MeasurementFields): Measurement {
  return { period: m.period, value: m.value, note: m.note, status: m.status, estimate: m.estimate };
}
