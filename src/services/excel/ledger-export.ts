// 改革任务台账 as an .xlsx: the plan's tasks as the caller sees them on the ledger page, filtered and
// sorted as the page is, laid out as offices lay their ledgers out.
import { listAreas } from '../../db/repositories/area-repository.js';
import { ledgerNotesOfPlan } from '../../db/repositories/ledger-note-repository.js';
import { ledgerReportsOfPlan } from '../../db/repositories/ledger-sheet-repository.js';
import { evaluationInputsOf } from '../../db/repositories/task-evaluation-repository.js';
import { coUnitsOf, listTasks, type TaskFilter } from '../../db/repositories/task-repository.js';
import { unitsById } from '../../db/repositories/unit-repository.js';
import { parseJson } from '../../db/json.js';
import { parseDate } from '../../domain/calendar.js';
import { formatLedgerDate } from '../../domain/ledger-dates.js';
import { columnOfPeriod, progressCell, reportedTexts } from '../../domain/ledger-progress.js';
import { ledgerNumbers, orderLedger, type LedgerView, type OrderedTask } from '../../domain/ledger-order.js';
import { chineseOrdinal, progressLabels } from '../../domain/ledger-columns.js';
import { STATUS_FILL } from '../../domain/status-colours.js';
import { evaluateTasks } from '../../domain/task-evaluation.js';
import { TASK_STATUS_LABELS } from '../../domain/task-status.js';
import { writeLedgerWorkbook, type LedgerSheetLine } from '../../documents/xlsx/ledger-sheet.js';
import { demand, planFor, regionFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, today, type ServiceContext } from '../context.js';
import { seesWholeRegion } from '../policies/scope.js';
import * as taskPolicy from '../policies/task.js';
import { chineseDate, xlsxFile, type XlsxFile } from './xlsx-file.js';

export type { LedgerView };

/** 截至5月底 / 截至一季度末: the last period ended by `day`. */
function asOf(day: string, cadence: 'monthly' | 'quarterly'): string {
  const { month } = parseDate(day);
  if (cadence === 'monthly') return month === 1 ? '截至上年底' : `截至${month - 1}月底`;
  const quarter = Math.floor((month - 1) / 3);
  return quarter === 0 ? '截至上年底' : `截至${['一', '二', '三'][quarter - 1]}季度末`;
}

export async function exportLedger(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  view: LedgerView,
): Promise<XlsxFile> {
  const plan = await planFor(ctx, actor, planId);
  demand(taskPolicy.can(actor, 'list', { regionId: plan.region_id, leadUnitId: null, coUnitIds: [] }));
  const region = await regionFor(ctx, actor, plan.region_id);
  const query: TaskFilter = { planId, regionId: plan.region_id };
  if (!seesWholeRegion(actor) && actor.unitId) query.involvingUnitId = actor.unitId;
  const [rows, areas, units, inputs, reports, ledgerNotes] = await Promise.all([
    listTasks(db(ctx), query),
    listAreas(db(ctx), plan.region_id, planId),
    unitsById(db(ctx), plan.region_id),
    evaluationInputsOf(db(ctx), { planId, regionId: plan.region_id }),
    ledgerReportsOfPlan(db(ctx), planId),
    ledgerNotesOfPlan(db(ctx), planId),
  ]);
  const coUnits = await coUnitsOf(
    db(ctx),
    rows.map((r) => r.id),
  );
  const day = today(ctx);
  const evaluations = evaluateTasks(inputs, rows, new Map([[plan.id, plan]]), day);
  const unitName = (id: string | null) => (id ? (units.get(id)?.name ?? '') : '');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered: OrderedTask[] = rows.map((r) => {
    const e = evaluations.get(r.id)!;
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      areaId: r.area_id,
      parentId: r.parent_task_id,
      seq: r.seq,
      status: e.status,
      progress: e.progress,
      daysOverdue: e.daysOverdue,
      dueDate: r.due_date,
      leadUnitId: r.lead_unit_id,
      leadUnitName: unitName(r.lead_unit_id),
      leaderName: r.leader_name,
      tags: parseJson<string[]>(r.tags, []),
    };
  });
  const areaOrder = new Map(areas.map((a) => [a.id, a.seq]));
  const numbers = ledgerNumbers(ordered, areaOrder);
  const lines = orderLedger(ordered, view, numbers, areaOrder);
  const { narratives, problems, nextSteps } = reportedTexts(reports, plan.year, plan.cadence);
  const officeNotes = new Map<string, string[]>();
  for (const n of ledgerNotes) {
    const i = columnOfPeriod(n.period, plan.year, plan.cadence);
    if (i < 0) continue;
    const list = officeNotes.get(n.task_id) ?? [];
    list[i] = n.note;
    officeNotes.set(n.task_id, list);
  }
  const areaText = new Map(
    [...areas].sort((a, b) => a.seq - b.seq).map((a, i) => [a.id, `${chineseOrdinal(i + 1)}、${a.title}`]),
  );
  const periods = progressLabels(plan.cadence).length;

  function* sheetLines(): Generator<LedgerSheetLine> {
    let area: string | null | undefined;
    for (const t of lines) {
      // Area rows only in the document's order: sorted by a column, an area would repeat row after row.
      if (!view.sort && t.areaId !== area) {
        area = t.areaId;
        if (area) yield { kind: 'area', text: areaText.get(area) ?? '' };
      }
      const row = byId.get(t.id)!;
      yield {
        kind: 'task',
        id: t.id,
        code: numbers.get(t.id) ?? t.code,
        title: t.title,
        measures: row.implementation_plan,
        leadUnit: t.leadUnitName || (row.proposed_lead_unit ?? ''),
        coUnits: (coUnits.get(t.id) ?? []).map(unitName).filter(Boolean).join('、'),
        leader: t.leaderName ?? '',
        due: formatLedgerDate(t.dueDate, row.ongoing === 1),
        output: row.work_standard,
        progress: Array.from({ length: periods }, (_, i) =>
          progressCell(narratives.get(t.id)?.[i] ?? '', officeNotes.get(t.id)?.[i] ?? ''),
        ),
        status: { label: TASK_STATUS_LABELS[t.status].zh, fill: STATUS_FILL[t.status] },
        problems: problems.get(t.id)?.text ?? '',
        nextSteps: nextSteps.get(t.id)?.text ?? '',
        remark: row.office_note,
      };
    }
  }

  const filler = actor.unitId ? unitName(actor.unitId) : region.name;
  const bytes = await writeLedgerWorkbook({
    title: `${region.name}${plan.year}年重点改革任务推进台账`,
    info: [`填报单位：${filler}`, asOf(day, plan.cadence), `填报日期：${chineseDate(day)}`],
    cadence: plan.cadence,
    lines: sheetLines(),
  });
  return xlsxFile(`${plan.title}-台账`, bytes);
}
