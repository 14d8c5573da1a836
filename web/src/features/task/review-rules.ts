import type { Me, Report } from '../../api/types';
import type { ReviewAction } from './report-api';

/** What this account may do with this report now; mirrors the server's workflow table. */
export function availableActions(
  me: Pick<Me, 'role' | 'unitId'>,
  report: Pick<Report, 'status' | 'unitId'>,
): ReviewAction[] {
  const ownUnit = me.unitId !== null && me.unitId === report.unitId;
  if (me.role === 'unit_head' && ownUnit && report.status === 'awaiting_head')
    return ['approve', 'send-back'];
  if (me.role === 'office' && report.status === 'submitted') return ['accept', 'return'];
  return [];
}
