import { newId } from '../db/ids.js';
import {
  correctionsOf,
  getAdjustment,
  getObjection,
  getRound,
  getSheet,
  insertAdjustment,
  insertCorrection,
  insertObjection,
  insertScore,
  objectionsOf,
  scoresOfSheet,
  sheetOf,
  updateScore,
} from '../db/repositories/assessment-repository.js';
import type {
  AssessmentAdjustmentRow,
  AttachmentRow,
  AssessmentCorrectionRow,
  AssessmentObjectionRow,
  AssessmentRoundRow,
  AssessmentScoreRow,
  AssessmentSheetRow,
  UnitRow,
} from '../db/schema.js';
import { scoreFault, scoreIndicator } from '../domain/assessment-methods.js';
import {
  isLocked,
  isPublished,
  mayWriteColumn,
  nextStage,
  PUBLICITY_DAYS,
  takesAdjustments,
  takesObjections,
  type AssessmentStage,
  type ScoreStage,
} from '../domain/assessment-workflow.js';
import { addDays } from '../domain/calendar.js';
import { listAttachmentsOfOwners } from '../db/repositories/attachment-repository.js';
import { demand, roundFor } from './access.js';
import type { Actor } from './actor.js';
import {
  appliesTo,
  computeRound,
  indicatorOf,
  loadRoundData,
  measuredOf,
  ruleFor,
  schemeOf,
  targetFor,
  type Indicator,
  type RoundData,
  type Scheme,
  type UnitResult,
} from './assessment-results.js';
import { db, nowIso, today, write, type AuditEntry, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as assessmentPolicy from './policies/assessment.js';
import { seesWholeRegion } from './policies/scope.js';
import { updateRow } from './versioned-write.js';

/** A correction as read back: with the name of the person who made it. */
export type CorrectionRecord = AssessmentCorrectionRow & { corrected_by_name: string };

export type {
  AssessmentAdjustmentRow,
  AssessmentCorrectionRow,
  AssessmentObjectionRow,
  AssessmentRoundRow,
  AssessmentScoreRow,
  Indicator,
  Scheme,
  UnitResult,
  UnitRow,
};

function stageOf(round: AssessmentRoundRow): AssessmentStage {
  return round.stage as AssessmentStage;
}

/** Every change to a round's scores, items, objections or stage is audited on the round itself. */
function roundEvent(round: AssessmentRoundRow, action: string, data: unknown): AuditEntry {
  return { regionId: round.region_id, action, entity: 'assessment_round', entityId: round.id, data };
}

function factsOf(round: AssessmentRoundRow, unitId: string | null, scoringUnitIds: string[] = []) {
  return {
    regionId: round.region_id,
    unitId,
    published: isPublished(stageOf(round)),
    scoringUnitIds,
  };
}

function scoringUnitsOf(indicators: readonly Indicator[]): string[] {
  return indicators.flatMap((i) => (i.row.scoring_unit_id ? [i.row.scoring_unit_id] : []));
}

export interface RoundDetail {
  data: RoundData;
  /** Null when the caller may not see results yet (a unit before 公示). */
  results: UnitResult[] | null;
  adjustments: AssessmentAdjustmentRow[];
  objections: AssessmentObjectionRow[];
  corrections: CorrectionRecord[];
  /** Evidence files by owner: a bonus/deduction item's id. */
  files: Map<string, AttachmentRow[]>;
}

/** Evidence files of score rows and bonus/deduction items, by their owner's id. */
async function filesOf(
  ctx: ServiceContext,
  scoreIds: readonly string[],
  adjustmentIds: readonly string[],
): Promise<Map<string, AttachmentRow[]>> {
  const [onScores, onItems] = await Promise.all([
    listAttachmentsOfOwners(db(ctx), 'assessment_score', scoreIds),
    listAttachmentsOfOwners(db(ctx), 'assessment_adjustment', adjustmentIds),
  ]);
  const byOwner = new Map<string, AttachmentRow[]>();
  for (const f of [...onScores, ...onItems]) byOwner.set(f.owner_id, [...(byOwner.get(f.owner_id) ?? []), f]);
  return byOwner;
}

async function load(ctx: ServiceContext, actor: Actor, roundId: string): Promise<RoundData> {
  const { round, scheme } = await roundFor(ctx, actor, roundId);
  return loadRoundData(db(ctx), schemeOf(scheme), round, today(ctx));
}

export async function roundDetail(ctx: ServiceContext, actor: Actor, roundId: string): Promise<RoundDetail> {
  const data = await load(ctx, actor, roundId);
  const mayRead = assessmentPolicy.can(actor, 'read_results', factsOf(data.round, null));
  const [objections, corrections] = await Promise.all([
    objectionsOf(db(ctx), roundId),
    correctionsOf(db(ctx), roundId),
  ]);
  const mine = (unitId: string) => seesWholeRegion(actor) || unitId === actor.unitId;
  const adjustments = data.adjustments.filter((a) => mine(a.unit_id));
  return {
    data,
    results: mayRead ? [...computeRound(data).values()] : null,
    adjustments,
    objections: objections.filter((o) => mayRead || mine(o.unit_id)),
    corrections: corrections.filter((c) => mayRead || mine(c.unit_id)),
    files: await filesOf(
      ctx,
      [],
      adjustments.map((a) => a.id),
    ),
  };
}

export interface UnitSheet {
  data: RoundData;
  unit: UnitRow;
  sheetRow: AssessmentSheetRow;
  result: UnitResult;
  scores: Map<string, AssessmentScoreRow>;
  adjustments: AssessmentAdjustmentRow[];
  objections: AssessmentObjectionRow[];
  corrections: CorrectionRecord[];
  /** Indicators the caller may write at this stage. */
  writable: Set<string>;
  /** Until 公示 a scoring unit sees only the cells it scores. */
  visible: Set<string>;
  /** Evidence files by owner: a score row's id or a bonus/deduction item's id. */
  files: Map<string, AttachmentRow[]>;
}

/** One unit's sheet: its own staff, region-wide readers, the units scoring it (their cells), everyone from 公示. */
export async function unitSheet(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  unitId: string,
): Promise<UnitSheet> {
  const data = await load(ctx, actor, roundId);
  const sheetRow = data.sheets.find((s) => s.unit_id === unitId);
  const scoring = scoringUnitsOf(data.indicators);
  if (!sheetRow || !assessmentPolicy.can(actor, 'read_sheet', factsOf(data.round, unitId, scoring)))
    throw fail('assessment.sheet_not_found');
  const result = computeRound(data).get(unitId)!;
  const [objections, corrections] = await Promise.all([
    objectionsOf(db(ctx), roundId),
    correctionsOf(db(ctx), roundId),
  ]);
  const scores = new Map(
    data.scores.filter((s) => s.unit_id === unitId).map((s) => [s.indicator_id, s] as const),
  );
  const whole =
    assessmentPolicy.can(actor, 'read_sheet', factsOf(data.round, unitId)) || actor.unitId === unitId;
  const visible = new Set(
    result.indicators.filter((i) => whole || i.row.scoring_unit_id === actor.unitId).map((i) => i.row.id),
  );
  const stage = stageOf(data.round);
  const writable = new Set<string>();
  for (const i of result.indicators) {
    if (i.autoKind !== null) continue;
    if (stage === 'self' && assessmentPolicy.can(actor, 'self_assess', factsOf(data.round, unitId)))
      writable.add(i.row.id);
    if (stage === 'first' && mayFirstScore(actor, data.round, i)) writable.add(i.row.id);
    if (stage === 'final' && assessmentPolicy.can(actor, 'manage', factsOf(data.round, unitId)))
      writable.add(i.row.id);
  }
  const adjustments = data.adjustments.filter((a) => a.unit_id === unitId);
  const visibleScoreIds = [...scores.values()].filter((s) => visible.has(s.indicator_id)).map((s) => s.id);
  return {
    data,
    unit: data.units.get(unitId)!,
    sheetRow,
    result,
    scores,
    adjustments,
    objections: objections.filter((o) => o.unit_id === unitId),
    corrections: corrections.filter((c) => c.unit_id === unitId),
    writable,
    visible,
    files: await filesOf(
      ctx,
      visibleScoreIds,
      adjustments.map((a) => a.id),
    ),
  };
}

function mayFirstScore(actor: Actor, round: AssessmentRoundRow, ind: Indicator): boolean {
  const scoring = ind.row.scoring_unit_id ? [ind.row.scoring_unit_id] : [];
  return assessmentPolicy.can(actor, 'first_score', factsOf(round, null, scoring));
}

export interface ScoreItem {
  indicatorId: string;
  score?: number | null | undefined;
  /** A measured value the indicator's method turns into the score. */
  actual?: number | null | undefined;
  basis?: string | undefined;
}

const COLUMNS = {
  self: { score: 'self_score', basis: 'self_basis' },
  first: { score: 'first_score', basis: 'first_basis' },
  final: { score: 'final_score', basis: 'final_basis' },
} as const;

/**
 * Writes one stage's column for a unit (自评, 初评 or 复核). Every item is checked before anything is
 * written: an unknown indicator, an automatic one, a score above the cap or a manual score without its
 * basis refuses the whole request. The sheet's version guards against a stale form.
 */
export async function saveScores(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  unitId: string,
  expectedVersion: number | undefined,
  stage: ScoreStage,
  items: readonly ScoreItem[],
): Promise<AssessmentSheetRow> {
  const data = await load(ctx, actor, roundId);
  const { round } = data;
  const sheetRow = data.sheets.find((s) => s.unit_id === unitId);
  if (!sheetRow) throw fail('assessment.unit_not_assessed');
  if (stage === 'self') demand(assessmentPolicy.can(actor, 'self_assess', factsOf(round, unitId)));
  if (stage === 'final') demand(assessmentPolicy.can(actor, 'manage', factsOf(round, unitId)));
  if (stage === 'first')
    demand(assessmentPolicy.can(actor, 'first_score', factsOf(round, null, scoringUnitsOf(data.indicators))));
  if (isLocked(stageOf(round))) throw fail('assessment.locked');
  if (!mayWriteColumn(stageOf(round), stage)) throw fail('assessment.stage_closed', { stage });

  const groupSize = data.sheets.filter((s) => s.group_code === sheetRow.group_code).length;
  const planned = items.map((item) => {
    const ind = data.indicators.find((i) => i.row.id === item.indicatorId);
    if (!ind) throw fail('assessment.unknown_indicator', { indicatorId: item.indicatorId });
    const code = ind.row.code;
    if (!appliesTo(ind, sheetRow.group_code)) throw fail('assessment.not_applicable', { code });
    if (ind.autoKind !== null) throw fail('assessment.automatic', { code });
    if (stage === 'first') demand(mayFirstScore(actor, round, ind));
    const rule = ruleFor(ind, unitId);
    let score = item.score ?? null;
    const actual = item.actual ?? null;
    if (score === null && actual !== null) {
      const measured = measuredOf(ind, actual, groupSize);
      score = measured ? scoreIndicator(rule, { ...measured, target: targetFor(ind, unitId) }) : null;
      if (score === null) throw fail('assessment.not_applicable', { code });
    }
    if (score !== null) {
      const fault = scoreFault(rule, score);
      if (fault === 'above_cap') throw fail('assessment.score_above_cap', { code, cap: capText(rule) });
      if (fault !== null) throw fail('assessment.score_negative', { code });
    }
    const basis = item.basis?.trim() ?? '';
    if (ind.method === 'manual' && score !== null && basis === '')
      throw fail('assessment.basis_required', { code });
    return { ind, score, actual, basis };
  });

  const existing = new Map(
    (await scoresOfSheet(db(ctx), sheetRow.id)).map((s) => [s.indicator_id, s] as const),
  );
  const at = nowIso(ctx);
  const col = COLUMNS[stage];
  return write(ctx, actor, async (scope) => {
    for (const p of planned) {
      const values = {
        [col.score]: p.score,
        [col.basis]: p.basis === '' ? null : p.basis,
        ...(p.actual !== null && { actual: p.actual }),
        updated_by: actor.accountId,
        updated_at: at,
      };
      const row = existing.get(p.ind.row.id);
      if (row) await updateScore(scope.trx, row.id, values);
      else
        await insertScore(scope.trx, {
          id: newId('asc'),
          region_id: round.region_id,
          sheet_id: sheetRow.id,
          indicator_id: p.ind.row.id,
          ...values,
        });
    }
    return updateRow(scope, {
      table: 'assessment_sheets',
      id: sheetRow.id,
      expectedVersion: expectedVersion ?? sheetRow.version,
      patch: {},
      read: getSheet,
      audit: roundEvent(round, `assessment.score_${stage}`, {
        unitId,
        items: planned.map((p) => ({
          indicatorId: p.ind.row.id,
          score: p.score,
          actual: p.actual,
          basis: p.basis,
        })),
      }),
    });
  });
}

function capText(rule: { points: number; cap?: number | null; difficulty?: number | null }): string {
  const cap = rule.cap ?? rule.points * Math.max(1, rule.difficulty ?? 1);
  return String(Math.round(cap * 100) / 100);
}

/**
 * Moves the round one step on. Entering 公示 sets its end; 定等次 needs every objection answered and
 * freezes the automatic scores with their links, so the locked result never moves with the ledger.
 */
export async function advanceRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  expectedVersion: number | undefined,
): Promise<AssessmentRoundRow> {
  const data = await load(ctx, actor, roundId);
  const { round } = data;
  demand(assessmentPolicy.can(actor, 'manage', factsOf(round, null)));
  const next = nextStage(stageOf(round));
  if (next === null) throw fail('assessment.locked');
  let frozen: UnitResult[] = [];
  if (next === 'finalized') {
    const open = (await objectionsOf(db(ctx), roundId)).filter((o) => o.reply === null).length;
    if (open > 0) throw fail('assessment.objections_open', { count: open });
    frozen = [...computeRound(data).values()];
  }
  const at = nowIso(ctx);
  return write(ctx, actor, async (scope) => {
    for (const r of frozen)
      for (const cell of r.sheet.cells) {
        const ind = r.indicators.find((i) => i.row.id === cell.indicatorId);
        if (!ind?.autoKind) continue;
        const existing = data.scores.find(
          (s) => s.unit_id === r.sheetRow.unit_id && s.indicator_id === ind.row.id,
        );
        const values = {
          final_score: cell.score,
          final_basis: JSON.stringify(cell.basis),
          updated_by: actor.accountId,
          updated_at: at,
        };
        if (existing) await updateScore(scope.trx, existing.id, values);
        else
          await insertScore(scope.trx, {
            id: newId('asc'),
            region_id: round.region_id,
            sheet_id: r.sheetRow.id,
            indicator_id: ind.row.id,
            ...values,
          });
      }
    return updateRow(scope, {
      table: 'assessment_rounds',
      id: roundId,
      expectedVersion: expectedVersion ?? round.version,
      patch: {
        stage: next,
        ...(next === 'publicity' && { publicity_until: addDays(today(ctx), PUBLICITY_DAYS) }),
        ...(next === 'finalized' && { finalized_at: at }),
      },
      read: getRound,
      audit: roundEvent(round, `assessment.stage_${next}`, { from: round.stage, to: next }),
    });
  });
}

export interface AdjustmentInput {
  unitId: string;
  kind: 'bonus' | 'deduction' | 'veto';
  points: number;
  reason: string;
  evidence: string;
  vetoCode?: string | undefined;
}

/** A bonus/deduction (or 一票否决) item with its evidence; the office's own entries are approved as entered. */
export async function proposeAdjustment(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: AdjustmentInput,
): Promise<AssessmentAdjustmentRow> {
  const { round, scheme } = await roundFor(ctx, actor, roundId);
  demand(assessmentPolicy.can(actor, 'propose_adjustment', factsOf(round, input.unitId)));
  if (!takesAdjustments(stageOf(round))) throw fail('assessment.adjustments_closed');
  if (!(await sheetOf(db(ctx), roundId, input.unitId))) throw fail('assessment.unit_not_assessed');
  if (input.kind === 'veto' && !schemeOf(scheme).vetoes.some((v) => v.code === input.vetoCode))
    throw fail('assessment.unknown_veto');
  const byOffice = assessmentPolicy.can(actor, 'manage', factsOf(round, null));
  const id = newId('asa');
  const at = nowIso(ctx);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertAdjustment(trx, {
      id,
      region_id: round.region_id,
      round_id: roundId,
      unit_id: input.unitId,
      kind: input.kind,
      points: input.kind === 'veto' ? 0 : input.points,
      reason: input.reason,
      evidence: input.evidence,
      veto_code: input.kind === 'veto' ? (input.vetoCode ?? null) : null,
      status: byOffice ? 'approved' : 'proposed',
      proposed_by: actor.accountId,
      proposed_at: at,
      decided_by: byOffice ? actor.accountId : null,
      decided_at: byOffice ? at : null,
    });
    await audit(roundEvent(round, 'assessment.adjustment_propose', { adjustmentId: id, ...input }));
  });
  return (await getAdjustment(db(ctx), id))!;
}

export async function decideAdjustment(
  ctx: ServiceContext,
  actor: Actor,
  adjustmentId: string,
  expectedVersion: number | undefined,
  approve: boolean,
): Promise<AssessmentAdjustmentRow> {
  const adj = await getAdjustment(db(ctx), adjustmentId);
  if (!adj) throw fail('assessment.adjustment_not_found');
  const { round } = await roundFor(ctx, actor, adj.round_id);
  demand(assessmentPolicy.can(actor, 'manage', factsOf(round, adj.unit_id)));
  if (!takesAdjustments(stageOf(round))) throw fail('assessment.adjustments_closed');
  if (adj.status !== 'proposed') throw fail('assessment.adjustment_decided');
  return write(ctx, actor, (scope) =>
    updateRow(scope, {
      table: 'assessment_adjustments',
      id: adjustmentId,
      expectedVersion: expectedVersion ?? adj.version,
      patch: {
        status: approve ? 'approved' : 'rejected',
        decided_by: actor.accountId,
        decided_at: nowIso(ctx),
      },
      read: getAdjustment,
      audit: roundEvent(round, 'assessment.adjustment_decide', { adjustmentId, approve }),
    }),
  );
}

export async function raiseObjection(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: { unitId: string; indicatorId?: string | undefined; body: string },
): Promise<AssessmentObjectionRow> {
  const data = await load(ctx, actor, roundId);
  const { round } = data;
  demand(assessmentPolicy.can(actor, 'object', { ...factsOf(round, input.unitId), published: true }));
  if (!takesObjections(stageOf(round))) throw fail('assessment.objections_closed');
  if (input.indicatorId && !data.indicators.some((i) => i.row.id === input.indicatorId))
    throw fail('assessment.unknown_indicator', { indicatorId: input.indicatorId });
  const id = newId('aso');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertObjection(trx, {
      id,
      region_id: round.region_id,
      round_id: roundId,
      unit_id: input.unitId,
      indicator_id: input.indicatorId ?? null,
      body: input.body,
      created_by: actor.accountId,
      created_at: nowIso(ctx),
      reply: null,
      replied_by: null,
      replied_at: null,
    });
    await audit(roundEvent(round, 'assessment.objection_raise', { objectionId: id, ...input }));
  });
  return (await getObjection(db(ctx), id))!;
}

export async function replyObjection(
  ctx: ServiceContext,
  actor: Actor,
  objectionId: string,
  expectedVersion: number | undefined,
  reply: string,
): Promise<AssessmentObjectionRow> {
  const objection = await getObjection(db(ctx), objectionId);
  if (!objection) throw fail('assessment.objection_not_found');
  const { round } = await roundFor(ctx, actor, objection.round_id);
  demand(assessmentPolicy.can(actor, 'manage', factsOf(round, objection.unit_id)));
  if (objection.reply !== null) throw fail('assessment.objection_replied');
  if (isLocked(stageOf(round))) throw fail('assessment.locked');
  return write(ctx, actor, (scope) =>
    updateRow(scope, {
      table: 'assessment_objections',
      id: objectionId,
      expectedVersion: expectedVersion ?? objection.version,
      patch: { reply, replied_by: actor.accountId, replied_at: nowIso(ctx) },
      read: getObjection,
      audit: roundEvent(round, 'assessment.objection_reply', { objectionId, reply }),
    }),
  );
}

/** The one way a locked result changes: the office records the new score and why. */
export async function correctScore(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  expectedVersion: number | undefined,
  input: { unitId: string; indicatorId: string; score: number; reason: string },
): Promise<CorrectionRecord> {
  const data = await load(ctx, actor, roundId);
  const { round } = data;
  demand(assessmentPolicy.can(actor, 'manage', factsOf(round, input.unitId)));
  if (!isLocked(stageOf(round))) throw fail('assessment.not_locked');
  const sheetRow = data.sheets.find((s) => s.unit_id === input.unitId);
  if (!sheetRow) throw fail('assessment.unit_not_assessed');
  const ind = data.indicators.find((i) => i.row.id === input.indicatorId);
  if (!ind) throw fail('assessment.unknown_indicator', { indicatorId: input.indicatorId });
  if (!appliesTo(ind, sheetRow.group_code)) throw fail('assessment.not_applicable', { code: ind.row.code });
  const rule = ruleFor(ind, input.unitId);
  const fault = scoreFault(rule, input.score);
  if (fault === 'above_cap')
    throw fail('assessment.score_above_cap', { code: ind.row.code, cap: capText(rule) });
  if (fault !== null) throw fail('assessment.score_negative', { code: ind.row.code });
  const result = computeRound(data).get(input.unitId)!;
  const before = result.sheet.cells.find((c) => c.indicatorId === ind.row.id)?.score ?? null;
  const existing = data.scores.find((s) => s.unit_id === input.unitId && s.indicator_id === ind.row.id);
  const id = newId('asx');
  const at = nowIso(ctx);
  await write(ctx, actor, async (scope) => {
    const values = { final_score: input.score, updated_by: actor.accountId, updated_at: at };
    if (existing) await updateScore(scope.trx, existing.id, values);
    else
      await insertScore(scope.trx, {
        id: newId('asc'),
        region_id: round.region_id,
        sheet_id: sheetRow.id,
        indicator_id: ind.row.id,
        ...values,
      });
    await insertCorrection(scope.trx, {
      id,
      region_id: round.region_id,
      round_id: roundId,
      unit_id: input.unitId,
      indicator_id: ind.row.id,
      from_score: before,
      to_score: input.score,
      reason: input.reason,
      corrected_by: actor.accountId,
      corrected_at: at,
    });
    await updateRow(scope, {
      table: 'assessment_rounds',
      id: roundId,
      expectedVersion: expectedVersion ?? round.version,
      patch: {},
      read: getRound,
      audit: roundEvent(round, 'assessment.correct', { correctionId: id, from: before, ...input }),
    });
  });
  return (await correctionsOf(db(ctx), roundId)).find((c) => c.id === id)!;
}

export { indicatorOf };
