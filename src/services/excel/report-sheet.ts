// A unit's reporting template for one period (进展报送表) and, filled in, its draft reports: the unit
// mails nothing; it fills the sheet, uploads it, checks the preview and applies it as drafts to submit.
import { newId } from '../../db/ids.js';
import { tasksByIds } from '../../db/repositories/ledger-sheet-repository.js';
import { listPlans } from '../../db/repositories/plan-repository.js';
import { findOpenReport, insertReport } from '../../db/repositories/report-repository.js';
import { listTasks } from '../../db/repositories/task-repository.js';
import { updateVersioned } from '../../db/repositories/versioned.js';
import type { ReportRow, TaskRow } from '../../db/schema.js';
import { formatLedgerDate } from '../../domain/ledger-dates.js';
import { compareCodes } from '../../domain/ledger-order.js';
import {
  REPORT_COLUMNS,
  readReportSheet,
  type ReportIssue,
  type ReportLine,
} from '../../domain/report-sheet.js';
import { cadenceOf, isPeriodKey, periodLabel, periodRange } from '../../domain/periods.js';
import { writeSimpleWorkbook } from '../../documents/xlsx/simple-sheet.js';
import { readWorkbook } from '../../documents/xlsx/workbook-reader.js';
import { demand, demandRegion, unitFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, nowIso, write, type ServiceContext } from '../context.js';
import { AppError, fail } from '../errors.js';
import { isStaffOf, isUnitStaff, seesWholeRegion } from '../policies/scope.js';
import { demandReportablePeriod } from '../reporting-calendar.js';
import { demandXlsxName, readingXlsx, xlsxFile, type XlsxFile } from './xlsx-file.js';

export type { ReportIssue };

/** The tasks a unit leads in the region's published plans of the period's cadence, covering the period. */
async function tasksForPeriod(ctx: ServiceContext, regionId: string, unitId: string, period: string) {
  const range = periodRange(period);
  const plans = (await listPlans(db(ctx), regionId, false)).filter(
    (p) => p.cadence === cadenceOf(period) && p.period_start <= range.end && p.period_end >= range.start,
  );
  const tasks: TaskRow[] = [];
  for (const plan of plans)
    tasks.push(...(await listTasks(db(ctx), { planId: plan.id, leadUnitId: unitId })));
  return tasks.sort(
    (a, b) => a.plan_id.localeCompare(b.plan_id) || a.seq - b.seq || compareCodes(a.code, b.code),
  );
}

export async function exportReportTemplate(
  ctx: ServiceContext,
  actor: Actor,
  unitId: string,
  period: string,
): Promise<XlsxFile> {
  if (!isPeriodKey(period)) throw fail('period.malformed', {}, { field: 'period' });
  const unit = await unitFor(ctx, actor, unitId);
  demand(seesWholeRegion(actor) || isStaffOf(actor, unitId), 'access.forbidden');
  const tasks = await tasksForPeriod(ctx, unit.region_id, unitId, period);
  const label = periodLabel(period, 'zh');
  const bytes = await writeSimpleWorkbook({
    name: '进展报送',
    title: `${unit.name}${label}改革任务进展报送表`,
    info: [`填报单位：${unit.name}`, `报送期间：${label}（${period}）`, '填报日期：'],
    columns: REPORT_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      hidden: c.key === 'id',
      align: c.key === 'seq' || c.key === 'progress' || c.key === 'completion' ? 'center' : 'left',
    })),
    rows: tasks.map((t, i) => [
      i + 1,
      `${t.code} ${t.title}`,
      formatLedgerDate(t.due_date, t.ongoing === 1),
      '',
      '',
      '',
      '',
      '',
      '',
      t.id,
    ]),
  });
  return xlsxFile(`${unit.name}-${label}-进展报送表`, bytes);
}

export interface ReportImportResult {
  applied: boolean;
  sheet: string;
  period: string;
  created: { row: number; taskId: string; title: string }[];
  updated: { row: number; taskId: string; title: string; reportId: string }[];
  skipped: { row: number; title: string; reason: 'blank' | 'unchanged' | 'already_submitted' }[];
  errors: ReportIssue[];
}

function sameAsDraft(report: ReportRow, line: ReportLine): boolean {
  return (
    report.progress === (line.progress ?? report.progress) &&
    report.narrative === line.narrative &&
    report.problems === line.problems &&
    report.coordination === line.coordination &&
    report.next_steps === line.nextSteps &&
    Boolean(report.claims_completion) === line.claimsCompletion
  );
}

/** Reads a filled template as its unit's staff; `apply` writes the drafts in one transaction. */
export async function importReportSheet(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  file: { bytes: Buffer; filename: string },
  options: { apply: boolean; period?: string | undefined },
): Promise<ReportImportResult> {
  demandRegion(actor, regionId);
  demand(isUnitStaff(actor) && actor.unitId !== null, 'access.units_only');
  demandXlsxName(file.filename);
  const grids = await readingXlsx(() => readWorkbook(file.bytes));
  const parsed = readReportSheet(grids);
  if (!parsed.ok) throw fail('xlsx.header_not_found', { columns: parsed.lookedFor.join('；') });
  const read = parsed.read;
  const period = read.period ?? options.period;
  if (!period || !isPeriodKey(period)) throw fail('xlsx.period_missing');
  const tasks = new Map(
    (
      await tasksByIds(
        db(ctx),
        regionId,
        read.lines.map((l) => l.id),
      )
    ).map((t) => [t.id, t]),
  );
  const result: ReportImportResult = {
    applied: false,
    sheet: read.sheet,
    period,
    created: [],
    updated: [],
    skipped: read.blank.map((row) => ({ row, title: '', reason: 'blank' as const })),
    errors: [...read.issues],
  };
  const writes: { line: ReportLine; task: TaskRow; open: ReportRow | undefined }[] = [];
  const failed = new Set(read.issues.map((i) => i.row));
  for (const line of read.lines) {
    const task = tasks.get(line.id);
    const issue = (code: ReportIssue['code'], value: string) =>
      result.errors.push({ sheet: read.sheet, row: line.row, column: read.column('id'), code, value });
    if (!task) {
      issue('id_unknown', line.id);
      continue;
    }
    if (task.lead_unit_id !== actor.unitId) {
      issue('task_not_own', task.title);
      continue;
    }
    try {
      await demandReportablePeriod(ctx, task, period);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      issue('period_closed', error.reason);
      continue;
    }
    if (failed.has(line.row)) continue;
    const open = await findOpenReport(db(ctx), task.id, period);
    if (open && open.status !== 'draft') {
      result.skipped.push({ row: line.row, title: task.title, reason: 'already_submitted' });
    } else if (open && sameAsDraft(open, line)) {
      result.skipped.push({ row: line.row, title: task.title, reason: 'unchanged' });
    } else {
      (open ? result.updated : result.created).push({
        row: line.row,
        taskId: task.id,
        title: task.title,
        ...(open && { reportId: open.id }),
      });
      writes.push({ line, task, open });
    }
  }
  if (!options.apply) return result;
  if (result.errors.length > 0)
    throw fail('xlsx.has_errors', { count: result.errors.length }, { errors: result.errors });
  await write(ctx, actor, async ({ trx, audit }) => {
    const at = nowIso(ctx);
    for (const { line, task, open } of writes) {
      if (open) {
        const ok = await updateVersioned(trx, 'reports', open.id, open.version, {
          progress: line.progress ?? open.progress,
          narrative: line.narrative,
          problems: line.problems,
          coordination: line.coordination,
          next_steps: line.nextSteps,
          claims_completion: line.claimsCompletion ? 1 : 0,
          updated_at: at,
        });
        if (!ok) throw fail('version.stale');
        await audit({
          regionId,
          action: 'report.update',
          entity: 'task',
          entityId: task.id,
          data: { reportId: open.id, source: 'xlsx' },
        });
        continue;
      }
      const id = newId('rpt');
      await insertReport(trx, {
        id,
        region_id: regionId,
        task_id: task.id,
        unit_id: task.lead_unit_id!,
        period,
        progress: line.progress ?? 0,
        narrative: line.narrative,
        problems: line.problems,
        coordination: line.coordination,
        next_steps: line.nextSteps,
        claims_completion: line.claimsCompletion ? 1 : 0,
        status: 'draft',
        return_reason: null,
        rating: null,
        created_by: actor.accountId,
        created_at: at,
        updated_at: at,
        submitted_at: null,
        approved_at: null,
        reviewed_at: null,
      });
      await audit({
        regionId,
        action: 'report.create',
        entity: 'task',
        entityId: task.id,
        data: { reportId: id, status: 'draft', period, source: 'xlsx' },
      });
    }
  });
  return { ...result, applied: true };
}
