import { newId } from '../db/ids.js';
import { listPlans } from '../db/repositories/plan-repository.js';
import { listRegions } from '../db/repositories/region-repository.js';
import { listTasks } from '../db/repositories/task-repository.js';
import { evaluationInputsOf } from '../db/repositories/task-evaluation-repository.js';
import { insertNotices, raisedNoticesOf } from '../db/repositories/notice-repository.js';
import type { Insertable } from 'kysely';
import type { NoticeTable } from '../db/schema.js';
import { escalations, type TaskPeriodRecord } from '../domain/escalation.js';
import { RESPONSE_DAYS } from '../domain/notices.js';
import { evaluateTasks } from '../domain/task-evaluation.js';
import { lastDuePeriod, periodLabel, periodRange, previousPeriod } from '../domain/periods.js';
import { SYSTEM_ACTOR } from '../services/actor.js';
import { db, nowIso, today, write, type ServiceContext } from '../services/context.js';
import { workCalendarOf } from '../services/work-calendar.js';

/** How far back the job looks: older gaps are the office's to chase by hand, not a flood of new notices. */
const LOOKBACK_PERIODS = 3;

export interface EscalationRun {
  urge: number;
  supervise: number;
}

function recentPeriods(last: string): string[] {
  const out = [last];
  while (out.length < LOOKBACK_PERIODS) out.unshift(previousPeriod(out[0]!));
  return out;
}

/**
 * Raises the notices DESIGN's rules call for: an `urge` for a missing report, a `supervise` for a task red
 * two periods running. Safe to run any number of times a day: a notice already raised for a period is not
 * raised again.
 */
export async function runEscalation(ctx: ServiceContext): Promise<EscalationRun> {
  const asOf = today(ctx);
  const run: EscalationRun = { urge: 0, supervise: 0 };
  const calendar = await workCalendarOf(ctx);
  for (const region of await listRegions(db(ctx))) {
    const plans = await listPlans(db(ctx), region.id, false);
    if (plans.length === 0) continue;
    const planById = new Map(plans.map((p) => [p.id, p]));
    const [tasks, inputs, raisedRows] = await Promise.all([
      listTasks(db(ctx), { regionId: region.id }),
      evaluationInputsOf(db(ctx), { regionId: region.id }),
      raisedNoticesOf(db(ctx), region.id),
    ]);
    const live = tasks.filter((t) => planById.has(t.plan_id) && t.lead_unit_id);
    const reported = new Set(inputs.facts.map((f) => `${f.task_id}|${f.period}`));
    const notices: Insertable<NoticeTable>[] = [];
    for (const plan of plans) {
      const last = lastDuePeriod(plan.cadence, asOf);
      if (!last) continue;
      const periods = recentPeriods(last).filter((p) => periodRange(p).end >= plan.period_start);
      const planTasks = live.filter((t) => t.plan_id === plan.id);
      const statusAt = new Map(
        periods.map((p) => [p, evaluateTasks(inputs, planTasks, planById, periodRange(p).end, true)]),
      );
      for (const task of planTasks) {
        const history: TaskPeriodRecord[] = periods.map((period) => ({
          period,
          reported: reported.has(`${task.id}|${period}`),
          status: statusAt.get(period)!.get(task.id)?.status ?? 'not_started',
        }));
        const raised = raisedRows
          .filter((n) => n.task_id === task.id)
          .map((n) => ({ kind: n.kind, period: n.period }));
        for (const e of escalations({ history, raised, today: asOf })) {
          const label = periodLabel(e.period, 'zh');
          notices.push({
            id: newId('ntc'),
            region_id: region.id,
            task_id: task.id,
            unit_id: task.lead_unit_id!,
            kind: e.kind,
            body:
              e.kind === 'urge'
                ? `“${task.title}”${label}进展未按时报送，请尽快补报。`
                : `“${task.title}”连续两期逾期未完成，请牵头单位于${RESPONSE_DAYS.supervise}个工作日内报送整改措施。`,
            reason: e.reason,
            period: e.period,
            issued_by: null,
            issued_at: nowIso(ctx),
            response_due: calendar.addWorkingDays(asOf, RESPONSE_DAYS[e.kind]),
            response: null,
            responded_by: null,
            responded_at: null,
            status: 'issued',
          });
          run[e.kind]++;
        }
      }
    }
    if (notices.length === 0) continue;
    await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
      await insertNotices(trx, notices);
      for (const n of notices) {
        await audit({
          regionId: region.id,
          action: 'notice.auto',
          entity: 'task',
          entityId: n.task_id ?? null,
          data: { noticeId: n.id, kind: n.kind, period: n.period, reason: n.reason },
        });
      }
    });
  }
  return run;
}
