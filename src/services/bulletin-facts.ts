// Gathers what a bulletin is computed from, for one region and quarter: the same tasks, evaluation and
// 序时 the battle map uses (dashboard-service), so the figures agree with it for the same day.
import { plansWindow } from '../domain/plans.js';
import {
  openMilestonesOf,
  overdueNoticeCounts,
  periodReportsOf,
} from '../db/repositories/bulletin-repository.js';
import { listPlans } from '../db/repositories/plan-repository.js';
import { evaluationInputsOf } from '../db/repositories/task-evaluation-repository.js';
import { coUnitsOf, listTasks } from '../db/repositories/task-repository.js';
import { listUnits } from '../db/repositories/unit-repository.js';
import type { RegionRow } from '../db/schema.js';
import type { BulletinFacts, BulletinTask, BulletinTemplate } from '../domain/bulletin-facts.js';
import { minDate } from '../domain/calendar.js';
import { cadenceOf, isPeriodKey, periodLabel, periodRange, periodsBetween } from '../domain/periods.js';
import { evaluateTasks } from '../domain/task-evaluation.js';
import { timeElapsedPercent } from '../domain/task-status.js';
import { gatherExtensionData } from './bulletin-extension-data.js';
import { db, today, type ServiceContext } from './context.js';
import { fail } from './errors.js';

/** The issuing office's names, from the region's: 南海区 → 南海区委全面深化改革委员会办公室 / 南海区督查室. */
export function issuerOf(region: RegionRow, template: BulletinTemplate, officeName: string | null): string {
  if (template === 'supervision') return `${region.name}督查室`;
  const office = officeName ?? '区委全面深化改革委员会办公室';
  const suffix = region.name.slice(-1);
  return office.startsWith(suffix) ? region.name + office.slice(1) : region.name + office;
}

/** Validates a bulletin's quarter and the day its figures stand on. */
export function quarterOf(ctx: ServiceContext, period: string): { start: string; end: string; asOf: string } {
  if (!isPeriodKey(period) || cadenceOf(period) !== 'quarterly') throw fail('bulletin.period_not_quarter');
  const range = periodRange(period);
  const now = today(ctx);
  if (range.start > now) throw fail('bulletin.period_not_started', { period: periodLabel(period, 'zh') });
  return { ...range, asOf: minDate(range.end, now) };
}

export async function gatherBulletinFacts(
  ctx: ServiceContext,
  region: RegionRow,
  period: string,
  template: BulletinTemplate,
): Promise<BulletinFacts> {
  const { start, end, asOf } = quarterOf(ctx, period);
  const past = asOf < today(ctx);
  const plans = await listPlans(db(ctx), region.id, false);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const [allTasks, units, inputs, milestones, overdueNotices] = await Promise.all([
    listTasks(db(ctx), { regionId: region.id }),
    listUnits(db(ctx), region.id),
    evaluationInputsOf(db(ctx), { regionId: region.id }),
    openMilestonesOf(db(ctx), region.id),
    overdueNoticeCounts(db(ctx), region.id, asOf),
  ]);
  const tasks = allTasks.filter((t) => planById.has(t.plan_id));
  const evaluations = evaluateTasks(inputs, tasks, planById, asOf, past);
  const counted = tasks.filter((t) => evaluations.has(t.id));
  if (counted.length === 0) throw fail('bulletin.no_data', { period: periodLabel(period, 'zh') });

  const periodKeys = [...periodsBetween('monthly', start, end), period];
  const [reports, coUnits] = await Promise.all([
    periodReportsOf(db(ctx), region.id, periodKeys),
    coUnitsOf(
      db(ctx),
      counted.map((t) => t.id),
    ),
  ]);
  const reportOf = new Map<string, { narrative: string; problems: string }>();
  const reportingUnitIds = new Set<string>();
  for (const r of reports) {
    // A report written after the day the figures stand on is not part of this bulletin.
    if (r.updated_at.slice(0, 10) > asOf) continue;
    reportOf.set(r.task_id, { narrative: r.narrative, problems: r.problems });
    reportingUnitIds.add(r.unit_id);
  }
  const nextMilestone = new Map<string, { title: string; dueDate: string }>();
  for (const m of milestones)
    if (!nextMilestone.has(m.task_id)) nextMilestone.set(m.task_id, { title: m.title, dueDate: m.due_date });

  const leads = new Set(counted.map((t) => t.lead_unit_id));
  const bulletinTasks: BulletinTask[] = counted.map((t) => {
    const e = evaluations.get(t.id)!;
    return {
      id: t.id,
      code: t.code,
      title: t.title,
      leadUnitId: t.lead_unit_id,
      coUnitIds: coUnits.get(t.id) ?? [],
      dueDate: t.due_date,
      status: e.status,
      progress: e.progress,
      timeElapsed: e.timeElapsed,
      daysOverdue: e.daysOverdue,
      report: reportOf.get(t.id) ?? null,
      nextMilestone: nextMilestone.get(t.id) ?? null,
    };
  });
  const window = plansWindow(plans, asOf);
  const office = units.find((u) => u.kind === 'office');
  // What other features own (indicators, projects, experiences, assessment, meetings), for the same day.
  const extensions = await gatherExtensionData(ctx, {
    regionId: region.id,
    period,
    start,
    asOf,
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
  });
  return {
    template,
    regionName: region.name,
    issuerName: issuerOf(region, template, office?.name ?? null),
    periodKey: period,
    periodLabel: periodLabel(period, 'zh'),
    asOf,
    timeElapsed: timeElapsedPercent(window.start, window.end, asOf),
    planCount: new Set(counted.map((t) => t.plan_id)).size,
    // The office issues the bulletin; it is listed only when it leads tasks itself.
    units: units
      .filter((u) => u.kind !== 'office' || leads.has(u.id))
      .filter((u) => u.active === 1 || leads.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    tasks: bulletinTasks,
    reportingUnitIds: [...reportingUnitIds],
    overdueNotices,
    extensions,
  };
}
