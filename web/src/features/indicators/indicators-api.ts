import { api, unwrap } from '../../api/client';

/** A plan's indicators with their values and status at a month. */
export function loadIndicators(planId: string, asOf?: string) {
  return unwrap(
    api.GET('/api/plans/{planId}/indicators', {
      params: { path: { planId }, query: asOf ? { asOf } : {} },
    }),
  );
}

/** The plan's indicators month by month as an .xlsx, as the page judges them at `asOf`. */
export function indicatorsXlsxUrl(planId: string, asOf?: string): string {
  const q = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  return `/api/plans/${encodeURIComponent(planId)}/indicators.xlsx${q}`;
}

/** The responsible unit's figure for a period. */
export function reportValue(targetId: string, body: { period: string; value: number; note?: string }) {
  return unwrap(api.POST('/api/targets/{id}/values', { params: { path: { id: targetId } }, body }));
}

/** The office confirms the unit's figure, or replaces it with the statistics bureau's. */
export function confirmValue(targetId: string, body: { period: string; value?: number }) {
  return unwrap(api.POST('/api/targets/{id}/values/confirm', { params: { path: { id: targetId } }, body }));
}
