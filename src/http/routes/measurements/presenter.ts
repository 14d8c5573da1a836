import type { MeasurementRow } from '../../../services/measurement-service.js';
import type { Measurement } from './schema.js';

export function presentMeasurement(m: Pick<MeasurementRow, 'period' | 'value' | 'note'>): Measurement {
  return { period: m.period, value: m.value, note: m.note };
}
