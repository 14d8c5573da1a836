// An office's ledger sheet into Taizhang: a sheet without ids becomes a draft plan (as a document import
// does); a sheet exported from Taizhang updates its plan's tasks by their hidden ids. Always a dry run
// first; applying writes everything in one transaction, or nothing.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import { insertAreas, listAreas, nextAreaSeq } from '../../db/repositories/area-repository.js';
import {
  deleteLedgerNote,
  insertLedgerNote,
  ledgerNotesOfPlan,
  updateLedgerNote,
} from '../../db/repositories/ledger-note-repository.js';
import { ledgerReportsOfPlan, tasksByIds } from '../../db/repositories/ledger-sheet-repository.js';
import { getPlan, insertPlan } from '../../db/repositories/plan-repository.js';
import {
  coUnitsOf,
  insertCoUnits,
  insertTasks,
  nextTaskSeq,
  replaceCoUnits,
} from '../../db/repositories/task-repository.js';
import { listUnits } from '../../db/repositories/unit-repository.js';
import { updateVersioned } from '../../db/repositories/versioned.js';
import type { Database, LedgerNoteRow, TaskRow } from '../../db/schema.js';
import { parseDate } from '../../domain/calendar.js';
import { columnLetter, LEDGER_COLUMNS, progressLabels } from '../../domain/ledger-columns.js';
import { periodOfColumn, reportedTexts } from '../../domain/ledger-progress.js';
import type { LedgerIssue, LedgerRead } from '../../domain/ledger-rows.js';
import { readLedger } from '../../domain/ledger-rows.js';
import { planPeriod } from '../../domain/plans.js';
import { readWorkbook } from '../../documents/xlsx/workbook-reader.js';
import { demand, demandRegion, regionFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, nowIso, today, write, type ServiceContext, type WriteScope } from '../context.js';
import { fail, StaleVersionError } from '../errors.js';
import * as planPolicy from '../policies/plan.js';
import * as unitPolicy from '../policies/unit.js';
import { guessPlanKind } from '../plan-import/draft-plan.js';
import {
  planImport,
  type ExistingProgress,
  type FieldChange,
  type ImportPlan,
  type WantedTask,
} from './ledger-import-plan.js';
import { demandXlsxName, readingXlsx } from './xlsx-file.js';

export type { FieldChange, LedgerIssue };

export interface LedgerImportResult {
  applied: boolean;
  sheet: string;
  mode: 'new_plan' | 'update';
  /** The plan updated, or (once applied) the draft plan created. */
  planId: string | null;
  planTitle: string;
  columns: { key: string; header: string; column: string }[];
  areas: number;
  created: { row: number; code: string; title: string }[];
  updated: { row: number; code: string; title: string; taskId: string; changes: FieldChange[] }[];
  skipped: { row: number; code: string; title: string; reason: 'unchanged' }[];
  errors: LedgerIssue[];
  unknownUnits: { name: string; rows: number[] }[];
}

function mappedColumns(ledger: LedgerRead): LedgerImportResult['columns'] {
  const out: LedgerImportResult['columns'] = [];
  for (const c of LEDGER_COLUMNS) {
    const at = ledger.header.columns.get(c.key);
    if (at !== undefined) out.push({ key: c.key, header: c.header, column: columnLetter(at) });
    if (c.key === 'progress' && ledger.header.progressColumns.length > 0) {
      const cols = ledger.header.progressColumns;
      out.push({
        key: 'progress',
        header: c.header,
        column: `${columnLetter(cols[0]!)}–${columnLetter(cols[cols.length - 1]!)}`,
      });
    }
  }
  return out;
}

/** Reads the sheet and works out the import; `apply` then writes it, refusing a sheet with errors. */
export async function importLedgerSheet(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  file: { bytes: Buffer; filename: string },
  options: { apply: boolean },
): Promise<LedgerImportResult> {
  demandRegion(actor, regionId);
  demand(planPolicy.can(actor, 'import', { regionId, status: 'draft' }));
  demandXlsxName(file.filename);
  const region = await regionFor(ctx, actor, regionId);
  const grids = await readingXlsx(() => readWorkbook(file.bytes));
  const read = readLedger(grids, parseDate(today(ctx)).year);
  if (!read.ok) throw fail('xlsx.header_not_found', { columns: read.lookedFor.join('；') });
  const ledger = read.ledger;
  const ids = ledger.lines.flatMap((l) => (l.id ? [l.id] : []));
  const rows = await tasksByIds(db(ctx), regionId, ids);
  const coUnits = await coUnitsOf(
    db(ctx),
    rows.map((r) => r.id),
  );
  // A deactivated unit takes no new tasks: naming it leaves it proposed, as an unknown unit is.
  const units = (await listUnits(db(ctx), regionId)).filter((u) => unitPolicy.mayTakeNewTasks(u));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const progress = await existingProgress(ctx, ledger, byId);
  const plan = planImport(ledger, { rows: byId, coUnits, progress }, units, region.name);
  const existingPlan = plan.planId ? await getPlan(db(ctx), plan.planId) : undefined;
  const result: LedgerImportResult = {
    applied: false,
    sheet: ledger.sheet,
    mode: plan.mode,
    planId: plan.planId,
    planTitle: existingPlan?.title ?? ledger.title ?? file.filename.replace(/\.xlsx$/i, ''),
    columns: mappedColumns(ledger),
    areas: plan.mode === 'new_plan' ? ledger.areas.length : 0,
    created: plan.create.map((w) => ({ row: w.line.row, code: w.line.code, title: w.title })),
    updated: plan.update.map((u) => ({
      row: u.wanted.line.row,
      code: u.wanted.line.code,
      title: u.wanted.title,
      taskId: u.task.id,
      changes: u.changes,
    })),
    skipped: plan.unchanged.map((u) => ({
      row: u.line.row,
      code: u.line.code,
      title: u.line.title,
      reason: 'unchanged' as const,
    })),
    errors: plan.issues,
    unknownUnits: plan.unknownUnits,
  };
  if (!options.apply) return result;
  if (plan.issues.length > 0)
    throw fail('xlsx.has_errors', { count: plan.issues.length }, { errors: plan.issues });
  if (existingPlan) demand(planPolicy.can(actor, 'edit', { regionId, status: existingPlan.status }));
  const planId = await write(ctx, actor, async ({ trx, audit }) => {
    const at = nowIso(ctx);
    const target =
      plan.planId ?? (await createDraftPlan(trx, regionId, ledger, result.planTitle, file.filename, at));
    const created = await createTasks(trx, regionId, target, ledger, plan, at);
    for (const u of plan.update) {
      await writeLedgerNotes(trx, regionId, u.task.id, u.changes, progress, actor.accountId, at, audit);
      if (!u.changes.some((c) => c.field !== 'ledger_note')) continue;
      const patch = patchOf(u.wanted, u.changes, at);
      if (!(await updateVersioned(trx, 'tasks', u.task.id, u.task.version, patch)))
        throw new StaleVersionError(undefined);
      if (u.changes.some((c) => c.field === 'co_units'))
        await replaceCoUnits(trx, regionId, u.task.id, u.wanted.coUnitIds);
      await audit({
        regionId,
        action: 'task.update',
        entity: 'task',
        entityId: u.task.id,
        data: { source: 'xlsx', changes: u.changes.filter((c) => c.field !== 'ledger_note') },
      });
    }
    await audit({
      regionId,
      action: 'plan.import_xlsx',
      entity: 'plan',
      entityId: target,
      data: {
        filename: file.filename,
        mode: plan.mode,
        created: created.length,
        updated: plan.update.length,
        unchanged: plan.unchanged.length,
        unknownUnits: plan.unknownUnits.map((u) => u.name),
      },
    });
    return target;
  });
  return { ...result, applied: true, planId };
}

function patchOf(wanted: WantedTask, changes: readonly FieldChange[], at: string) {
  const fields = new Set(changes.map((c) => c.field));
  return {
    updated_at: at,
    ...(fields.has('title') && { title: wanted.title }),
    ...(fields.has('implementation_plan') && { implementation_plan: wanted.implementationPlan }),
    ...(fields.has('lead_unit_id') && { lead_unit_id: wanted.leadUnitId, proposed_lead_unit: null }),
    ...(fields.has('leader_name') && { leader_name: wanted.leaderName }),
    ...(fields.has('due_date') && { due_date: wanted.dueDate, ongoing: wanted.ongoing ? 1 : 0 }),
    ...(fields.has('work_standard') && { work_standard: wanted.workStandard }),
    ...(fields.has('office_note') && { office_note: wanted.officeNote }),
  };
}

/**
 * What the progress columns of an exported sheet held when it left: the narratives of the reports that
 * had reached the office and the office's notes. Only for a sheet of one of the region's plans whose
 * progress columns are that plan's periods; other sheets' progress cells are not read.
 */
async function existingProgress(
  ctx: ServiceContext,
  ledger: LedgerRead,
  rows: ReadonlyMap<string, TaskRow>,
): Promise<ExistingProgress | undefined> {
  const first = ledger.lines.find((l) => l.id && rows.has(l.id));
  if (!first) return undefined;
  const plan = await getPlan(db(ctx), rows.get(first.id!)!.plan_id);
  if (!plan) return undefined;
  const count = progressLabels(plan.cadence).length;
  if (ledger.header.progressColumns.length !== count) return undefined;
  const [reports, notes] = await Promise.all([
    ledgerReportsOfPlan(db(ctx), plan.id),
    ledgerNotesOfPlan(db(ctx), plan.id),
  ]);
  const byTask = new Map<string, Map<string, LedgerNoteRow>>();
  for (const n of notes) {
    const map = byTask.get(n.task_id) ?? new Map<string, LedgerNoteRow>();
    map.set(n.period, n);
    byTask.set(n.task_id, map);
  }
  return {
    periods: Array.from({ length: count }, (_, i) => periodOfColumn(plan.year, plan.cadence, i)),
    narratives: reportedTexts(reports, plan.year, plan.cadence).narratives,
    notes: byTask,
  };
}

/** The office's edited progress cells as its ledger notes: written, rewritten or (emptied) removed. */
async function writeLedgerNotes(
  trx: Kysely<Database>,
  regionId: string,
  taskId: string,
  changes: readonly FieldChange[],
  progress: ExistingProgress | undefined,
  accountId: string,
  at: string,
  audit: WriteScope['audit'],
): Promise<void> {
  for (const c of changes) {
    if (c.field !== 'ledger_note' || !c.period) continue;
    const existing = progress?.notes.get(taskId)?.get(c.period);
    let done = true;
    if (!existing) {
      const id = newId('lnote');
      await insertLedgerNote(trx, {
        id,
        region_id: regionId,
        task_id: taskId,
        period: c.period,
        note: c.after,
        updated_by: accountId,
        created_at: at,
        updated_at: at,
      });
    } else if (c.after) {
      done = await updateLedgerNote(trx, existing.id, existing.version, {
        note: c.after,
        updated_by: accountId,
        updated_at: at,
      });
    } else done = await deleteLedgerNote(trx, existing.id, existing.version);
    if (!done) throw new StaleVersionError(undefined);
    await audit({
      regionId,
      action: c.after ? 'task.ledger_note' : 'task.ledger_note_remove',
      entity: 'task',
      entityId: taskId,
      data: { source: 'xlsx', period: c.period, before: c.before, after: c.after },
    });
  }
}

async function createDraftPlan(
  trx: Kysely<Database>,
  regionId: string,
  ledger: LedgerRead,
  title: string,
  filename: string,
  at: string,
): Promise<string> {
  const planId = newId('plan');
  const period = planPeriod(ledger.year)!;
  // 一季度…四季度 under 进展情况: a quarterly plan.
  const quarterly = ledger.header.progressColumns.length === progressLabels('quarterly').length;
  await insertPlan(trx, {
    id: planId,
    region_id: regionId,
    title,
    kind: guessPlanKind(title),
    year: ledger.year,
    period_start: period.start,
    period_end: period.end,
    cadence: quarterly ? 'quarterly' : 'monthly',
    status: 'draft',
    source_name: filename,
    source_text: null,
    warnings: '[]',
    created_at: at,
    published_at: null,
  });
  return planId;
}

/** The sheet's new rows as tasks of `planId`, sub-tasks under the task their number points to. */
async function createTasks(
  trx: Kysely<Database>,
  regionId: string,
  planId: string,
  ledger: LedgerRead,
  plan: ImportPlan,
  at: string,
): Promise<string[]> {
  if (plan.create.length === 0) return [];
  // Areas: a new plan gets the sheet's; an existing plan's rows go under its area of the same title.
  const areaIds = new Map<number, string>();
  if (plan.mode === 'new_plan') {
    const rows = ledger.areas.map((a, i) => ({
      id: newId('area'),
      region_id: regionId,
      plan_id: planId,
      seq: i + 1,
      code: a.code,
      title: a.title,
      source_start: null,
      source_end: null,
    }));
    await insertAreas(trx, rows);
    rows.forEach((r, i) => areaIds.set(i, r.id));
  } else {
    const existing = await listAreas(trx, regionId, planId);
    const missing = ledger.areas.flatMap((a, i) => (existing.some((e) => e.title === a.title) ? [] : [i]));
    let seq = await nextAreaSeq(trx, planId);
    const fresh = missing.map((i) => ({
      id: newId('area'),
      region_id: regionId,
      plan_id: planId,
      seq: seq++,
      code: ledger.areas[i]!.code,
      title: ledger.areas[i]!.title,
      source_start: null,
      source_end: null,
    }));
    if (fresh.length > 0) await insertAreas(trx, fresh);
    ledger.areas.forEach((a, i) => {
      const id = existing.find((e) => e.title === a.title)?.id ?? fresh.find((f) => f.title === a.title)?.id;
      if (id) areaIds.set(i, id);
    });
  }
  const byCode = new Map<string, string>();
  for (const u of [...plan.update.map((x) => x.wanted.line), ...plan.unchanged.map((x) => x.line)]) {
    const id = u.id;
    if (id) byCode.set(u.code, id);
  }
  const ids = plan.create.map(() => newId('task'));
  plan.create.forEach((w, i) => byCode.set(w.line.code, ids[i]!));
  const firstSeq = await nextTaskSeq(trx, planId);
  await insertTasks(
    trx,
    plan.create.map((w, i) => ({
      id: ids[i]!,
      region_id: regionId,
      plan_id: planId,
      area_id: w.line.areaIndex === null ? null : (areaIds.get(w.line.areaIndex) ?? null),
      parent_task_id: w.line.parentCode ? (byCode.get(w.line.parentCode) ?? null) : null,
      seq: firstSeq + i,
      code: w.line.code,
      title: w.title,
      implementation_plan: w.implementationPlan,
      work_standard: w.workStandard,
      lead_unit_id: w.leadUnitId,
      proposed_lead_unit: w.proposedLeadUnit,
      leader_name: w.leaderName,
      tags: '[]',
      start_date: null,
      due_date: w.dueDate,
      ongoing: w.ongoing ? 1 : 0,
      office_note: w.officeNote,
      weight: 1,
      source_start: null,
      source_end: null,
      created_at: at,
      updated_at: at,
    })),
  );
  await insertCoUnits(
    trx,
    plan.create.flatMap((w, i) =>
      w.coUnitIds.map((unit_id) => ({ region_id: regionId, task_id: ids[i]!, unit_id })),
    ),
  );
  return ids;
}
