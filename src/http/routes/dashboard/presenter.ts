import { presentLaggard } from '../indicators/presenter.js';
import type { Dashboard as DashboardData, RegionRollUp } from '../../../services/dashboard-service.js';
import { presentRollUp } from '../plans/presenter.js';
import type { Dashboard, RegionRollUpBody } from './schema.js';

/** A task on a red list, on the dashboard and, with its region, on the roll-up of the regions below. */
function presentRedListLine(t: DashboardData['redList'][number]): Dashboard['redList'][number] {
  return {
    taskId: t.taskId,
    planId: t.planId,
    code: t.code,
    title: t.title,
    leadUnitId: t.leadUnitId,
    leadUnitName: t.leadUnitName,
    dueDate: t.dueDate,
    daysOverdue: t.daysOverdue,
    progress: t.progress,
  };
}

export function presentDashboard(d: DashboardData): Dashboard {
  return {
    asOf: d.asOf,
    total: presentRollUp(d.total),
    timeElapsed: d.timeElapsed,
    plans: d.plans.map((p) => ({
      id: p.id,
      title: p.title,
      shortName: p.shortName,
      year: p.year,
      rollUp: presentRollUp(p.rollUp),
      timeElapsed: p.timeElapsed,
    })),
    areas: d.areas.map((a) => ({
      id: a.id,
      planId: a.planId,
      code: a.code,
      title: a.title,
      shortName: a.shortName,
      rollUp: presentRollUp(a.rollUp),
      timeElapsed: a.timeElapsed,
    })),
    units: d.units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      red: u.red,
      yellow: u.yellow,
      rollUp: presentRollUp(u.rollUp),
    })),
    redList: d.redList.map(presentRedListLine),
    trend: d.trend.map((m) => ({ month: m.month, counts: m.counts })),
  };
}

export function presentRegionRollUp(r: RegionRollUp): RegionRollUpBody {
  return {
    asOf: r.asOf,
    region: { id: r.region.id, name: r.region.name },
    total: presentRollUp(r.total),
    children: r.children.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      regions: c.regions,
      total: presentRollUp(c.total),
      redList: c.redList.map((t) => ({
        ...presentRedListLine(t),
        regionId: t.regionId,
        regionName: t.regionName,
      })),
      indicators: {
        counts: c.indicators.counts,
        laggards: c.indicators.laggards.map((l) => ({
          ...presentLaggard(l),
          regionId: l.regionId,
          regionName: l.regionName,
        })),
      },
    })),
  };
}
