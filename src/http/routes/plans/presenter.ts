import type { Actor } from '../../../services/actor.js';
import type {
  PlanOverview as PlanOverviewRow,
  PlanSummaryRow,
  RollUp as RollUpRow,
} from '../../../services/plan-service.js';
import * as planPolicy from '../../../services/policies/plan.js';
import { presentArea } from '../areas/presenter.js';
import type { Plan, PlanOverview, RollUp } from './schema.js';

function parseWarnings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

export function presentPlan(p: PlanSummaryRow, actor: Actor): Plan {
  const facts = { regionId: p.region_id, status: p.status };
  return {
    id: p.id,
    regionId: p.region_id,
    title: p.title,
    kind: p.kind,
    year: p.year,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    cadence: p.cadence,
    status: p.status,
    sourceName: p.source_name,
    warnings: parseWarnings(p.warnings),
    version: p.version,
    createdAt: p.created_at,
    publishedAt: p.published_at,
    can: { edit: planPolicy.can(actor, 'edit', facts), publish: planPolicy.can(actor, 'publish', facts) },
  };
}

export function presentRollUp(r: RollUpRow): RollUp {
  return { total: r.total, counts: r.counts, progress: r.progress };
}

export function presentPlanOverview(o: PlanOverviewRow, actor: Actor): PlanOverview {
  return {
    plan: presentPlan(o.plan, actor),
    rollUp: presentRollUp(o.rollUp),
    areas: o.areas.map((a) => ({ ...presentArea(a), rollUp: presentRollUp(a.rollUp) })),
  };
}
