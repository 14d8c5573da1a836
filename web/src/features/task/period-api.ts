import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<T> = T extends { responses: { 200: infer R } } ? Json<R> : never;

/** A task's reporting period: its state, due and closing days, its report, and what the office may do. */
export type TaskPeriod = Ok<paths['/api/tasks/{taskId}/periods']['get']>[number];
/** A period the caller's unit still owes a report for. */
export type OwedReport = Ok<paths['/api/regions/{regionId}/owed-reports']['get']>[number];
export type PeriodDecision = 'reopen' | 'close';

export function taskPeriods(taskId: string): Promise<TaskPeriod[]> {
  return unwrap(api.GET('/api/tasks/{taskId}/periods', { params: { path: { taskId } } }));
}

export function owedReports(regionId: string): Promise<OwedReport[]> {
  return unwrap(api.GET('/api/regions/{regionId}/owed-reports', { params: { path: { regionId } } }));
}

export function decideTaskPeriod(
  taskId: string,
  period: string,
  action: PeriodDecision,
  reason?: string,
): Promise<TaskPeriod> {
  return unwrap(
    api.POST('/api/tasks/{taskId}/periods/{period}/{action}', {
      params: { path: { taskId, period, action } },
      body: reason ? { reason } : {},
    }),
  );
}
