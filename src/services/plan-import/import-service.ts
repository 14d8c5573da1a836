import type { Kysely } from 'kysely';
import { extract } from '../../extract/index.js';
import {
  DocumentError,
  readProgrammeDocument,
  type DocumentErrorCode,
} from '../../documents/programme-reader.js';
import type { Extraction } from '../../extract/types.js';
import { newId } from '../../db/ids.js';
import { listUnits } from '../../db/repositories/unit-repository.js';
import {
  getPlan,
  getPlanSourceText,
  insertPlan,
  type PlanSummaryRow,
} from '../../db/repositories/plan-repository.js';
import { insertAreas } from '../../db/repositories/area-repository.js';
import { insertTargets } from '../../db/repositories/target-repository.js';
import { insertCoUnits, insertTasks, listTasks } from '../../db/repositories/task-repository.js';
import type { Database } from '../../db/schema.js';
import { parseDate } from '../../domain/calendar.js';
import { planPeriod } from '../../domain/plans.js';
import { demand, demandRegion, planFor, regionFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, nowIso, today, write, type ServiceContext } from '../context.js';
import { fail, type Reason } from '../errors.js';
import * as planPolicy from '../policies/plan.js';
import * as unitPolicy from '../policies/unit.js';
import { draftPlan, type DraftPlan } from './draft-plan.js';

export type { PlanSummaryRow };

export interface ImportResult {
  plan: PlanSummaryRow;
  extraction: Extraction;
  draft: DraftPlan;
  ids: { areas: string[]; tasks: string[] };
}

export interface PersistOptions {
  regionId: string;
  sourceName: string | null;
  sourceText: string;
  /** Whole years added to every date, so the demo can replay an old programme as this year's. */
  shiftYears?: number;
  createdAt: string;
}

function shift(date: string | null, years: number): string | null {
  if (!date || years === 0) return date;
  const { year, month, day } = parseDate(date);
  // 29 February has no twin in most years; the 28th is the same "end of February".
  const d = month === 2 && day === 29 ? 28 : day;
  return `${year + years}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Writes a draft plan with its areas, tasks and targets; the caller holds the transaction and audits it. */
export async function persistDraft(
  trx: Kysely<Database>,
  draft: DraftPlan,
  options: PersistOptions,
): Promise<{ planId: string; areaIds: string[]; taskIds: string[] }> {
  const years = options.shiftYears ?? 0;
  const year = draft.year + years;
  const planId = newId('plan');
  const period = planPeriod(year)!;
  await insertPlan(trx, {
    id: planId,
    region_id: options.regionId,
    title: draft.title,
    kind: draft.kind,
    year,
    period_start: period.start,
    period_end: period.end,
    cadence: 'monthly',
    status: 'draft',
    source_name: options.sourceName,
    source_text: options.sourceText,
    warnings: JSON.stringify(draft.warnings),
    created_at: options.createdAt,
    published_at: null,
  });
  const areaIds = draft.areas.map(() => newId('area'));
  await insertAreas(
    trx,
    draft.areas.map((a, i) => ({
      id: areaIds[i]!,
      region_id: options.regionId,
      plan_id: planId,
      seq: i + 1,
      code: a.code,
      title: a.title,
      source_start: a.span[0],
      source_end: a.span[1],
    })),
  );
  const taskIds = draft.tasks.map(() => newId('task'));
  await insertTasks(
    trx,
    draft.tasks.map((t, i) => ({
      id: taskIds[i]!,
      region_id: options.regionId,
      plan_id: planId,
      area_id: areaIds[t.areaIndex] ?? null,
      parent_task_id: null,
      seq: i + 1,
      code: t.code,
      title: t.title,
      implementation_plan: t.detail,
      work_standard: '',
      lead_unit_id: t.leadUnitId,
      proposed_lead_unit: t.proposedLeadUnit,
      leader_name: null,
      tags: '[]',
      start_date: null,
      due_date: shift(t.dueDate, years),
      ongoing: t.ongoing ? 1 : 0,
      weight: 1,
      source_start: t.span[0],
      source_end: t.span[1],
      created_at: options.createdAt,
      updated_at: options.createdAt,
    })),
  );
  const coRows = draft.tasks.flatMap((t, i) =>
    t.coUnitIds.map((unit_id) => ({ region_id: options.regionId, task_id: taskIds[i]!, unit_id })),
  );
  await insertCoUnits(trx, coRows);
  await insertTargets(
    trx,
    draft.targets.map((t) => ({
      id: newId('tgt'),
      region_id: options.regionId,
      plan_id: planId,
      area_id: t.areaIndex === null ? null : areaIds[t.areaIndex]!,
      task_id: t.taskIndex === null ? null : taskIds[t.taskIndex]!,
      indicator: t.quantity.indicator,
      measure: t.quantity.measure,
      comparator: t.quantity.comparator,
      value: t.quantity.value,
      unit: t.quantity.unit,
      stretch: t.quantity.stretch ? 1 : 0,
      period: t.quantity.period ?? null,
      source_text: t.quantity.text,
      source_start: t.quantity.span[0],
      source_end: t.quantity.span[1],
    })),
  );
  return { planId, areaIds, taskIds };
}

/**
 * Reads a programme document and creates a draft plan from it. Nothing goes live until the office
 * reviews and publishes the draft.
 */
export async function importPlan(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: { text: string; sourceName: string | null },
): Promise<ImportResult> {
  const region = await regionFor(ctx, actor, regionId);
  demand(planPolicy.can(actor, 'import', { regionId, status: 'draft' }));
  const extraction = extract(input.text);
  // A deactivated unit takes no new tasks: a programme naming it gets it proposed, as an unknown unit is.
  const units = (await listUnits(db(ctx), regionId)).filter((u) => unitPolicy.mayTakeNewTasks(u));
  const draft = draftPlan(extraction, input.text, units, region.name, parseDate(today(ctx)).year);
  const ids = await write(ctx, actor, async ({ trx, audit }) => {
    const created = await persistDraft(trx, draft, {
      regionId,
      sourceName: input.sourceName,
      sourceText: input.text,
      createdAt: nowIso(ctx),
    });
    await audit({
      regionId,
      action: 'plan.import',
      entity: 'plan',
      entityId: created.planId,
      data: {
        sourceName: input.sourceName,
        areas: draft.areas.length,
        tasks: draft.tasks.length,
        targets: draft.targets.length,
        warnings: draft.warnings,
      },
    });
    return created;
  });
  return {
    plan: (await getPlan(db(ctx), ids.planId))!,
    extraction,
    draft,
    ids: { areas: ids.areaIds, tasks: ids.taskIds },
  };
}

/** A programme as it arrives: an uploaded file, or text pasted into the wizard. */
export type ProgrammeInput =
  { kind: 'file'; bytes: Buffer; filename: string } | { kind: 'text'; text: string; filename: string | null };

const PROGRAMME_EXTENSIONS = new Set(['', '.txt', '.text', '.docx', '.html', '.htm']);

/** Why a document could not be read, as the reason the caller is told. */
const DOCUMENT_REASONS: Readonly<Record<DocumentErrorCode, Reason>> = {
  empty_document: 'document.empty',
  binary_document: 'document.binary',
  not_chinese_prose: 'document.not_chinese_prose',
  unsupported_format: 'document.unsupported_format',
  unreadable_document: 'document.unreadable',
  too_large_uncompressed: 'document.too_large_uncompressed',
  text_too_long: 'document.text_too_long',
};

/** Checks the caller may import before reading anything, then decodes the document; a bad file writes nothing. */
export async function importProgramme(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: ProgrammeInput,
): Promise<ImportResult> {
  demandRegion(actor, regionId);
  demand(planPolicy.can(actor, 'import', { regionId, status: 'draft' }));
  const ext = /\.[^.]+$/.exec((input.filename ?? '').toLowerCase())?.[0] ?? '';
  if (!PROGRAMME_EXTENSIONS.has(ext)) {
    throw fail('import.unsupported_type', {}, { filename: input.filename });
  }
  let text: string;
  try {
    text =
      input.kind === 'file'
        ? (await readProgrammeDocument(input.bytes, input.filename)).text
        : (await readProgrammeDocument(Buffer.from(input.text, 'utf8'), input.filename ?? 'pasted.txt')).text;
  } catch (error) {
    if (error instanceof DocumentError) throw fail(DOCUMENT_REASONS[error.code]);
    throw error;
  }
  return importPlan(ctx, actor, regionId, { text, sourceName: input.filename });
}

/** What the review of an imported draft proposes beyond what the ledger stores. */
export interface ImportReview {
  /** A lead unit for each task still without one, where the document points to a unit of the region. */
  suggestions: { taskId: string; unitId: string }[];
  /** Tasks without a due date whose time limit in the document was not read as a date. */
  unreadDeadlines: { taskId: string; text: string }[];
}

/**
 * Reads the plan's stored document again, as the import did, so the review offers the same suggestions on
 * any later visit. Tasks are matched to the reading by where their sentence starts in the document; a task
 * added by hand has no sentence and gets nothing.
 */
export async function importReview(ctx: ServiceContext, actor: Actor, planId: string): Promise<ImportReview> {
  const plan = await planFor(ctx, actor, planId);
  demand(planPolicy.can(actor, 'edit', { regionId: plan.region_id, status: plan.status }));
  const [text, tasks, units, region] = await Promise.all([
    getPlanSourceText(db(ctx), planId),
    listTasks(db(ctx), { planId }),
    listUnits(db(ctx), plan.region_id),
    regionFor(ctx, actor, plan.region_id),
  ]);
  const review: ImportReview = { suggestions: [], unreadDeadlines: [] };
  if (!text) return review;
  const draft = draftPlan(extract(text), text, units, region.name, plan.year);
  const unread = new Map(draft.unreadDeadlines.map((u) => [u.code, u.text]));
  const bySentence = new Map(draft.tasks.map((t) => [t.span[0], t]));
  for (const task of tasks) {
    const drafted = task.source_start === null ? undefined : bySentence.get(task.source_start);
    if (!drafted) continue;
    if (!task.lead_unit_id && drafted.suggestedLeadUnitId)
      review.suggestions.push({ taskId: task.id, unitId: drafted.suggestedLeadUnitId });
    const limit = unread.get(drafted.code);
    if (!task.due_date && limit) review.unreadDeadlines.push({ taskId: task.id, text: limit });
  }
  return review;
}
