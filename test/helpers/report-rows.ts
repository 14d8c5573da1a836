import type { Insertable } from 'kysely';
import type { ReportStatus, ReportTable } from '../../src/db/schema.js';

/** A report as a test writes it straight into the table, around the services (last changed at `at`). */
export function reportRow(r: {
  id: string;
  regionId: string;
  taskId: string;
  unitId: string;
  period: string;
  status: ReportStatus;
  progress: number;
  claimsCompletion?: number;
  at: string;
}): Insertable<ReportTable> {
  return {
    id: r.id,
    region_id: r.regionId,
    task_id: r.taskId,
    unit_id: r.unitId,
    period: r.period,
    progress: r.progress,
    narrative: '进展',
    problems: '',
    coordination: '',
    claims_completion: r.claimsCompletion ?? 0,
    status: r.status,
    created_by: 'system',
    created_at: r.at,
    updated_at: r.at,
  };
}
