import { api, unwrap } from '../../api/client';
import type { Plan, PlanOverview, TaskSummary } from '../../api/types';

export interface LedgerData {
  tasks: TaskSummary[];
  areas: PlanOverview['areas'];
}

/**
 * Loads whole plans and filters in the browser: 5,000 tasks are a few hundred kilobytes, and every
 * filter change is then instant. The server still decides which tasks a unit may see.
 */
export async function loadLedger(plans: readonly Plan[]): Promise<LedgerData> {
  const parts = await Promise.all(
    plans.map(async (plan) => {
      const path = { params: { path: { planId: plan.id } } };
      const [overview, tasks] = await Promise.all([
        unwrap(api.GET('/api/plans/{planId}', path)),
        unwrap(api.GET('/api/plans/{planId}/tasks', path)),
      ]);
      return { areas: overview.areas, tasks };
    }),
  );
  return { tasks: parts.flatMap((p) => p.tasks), areas: parts.flatMap((p) => p.areas) };
}

/**
 * Where the plan's ledger downloads as .xlsx with the page's view: its URL's filters and sort (all but
 * `plan`) go along, so the sheet holds the rows the page shows, in the same order.
 */
export function ledgerXlsxUrl(planId: string, view: URLSearchParams): string {
  const query = new URLSearchParams(view);
  query.delete('plan');
  const search = query.toString();
  return `/api/plans/${encodeURIComponent(planId)}/ledger.xlsx${search ? `?${search}` : ''}`;
}
