// Evidence files (佐证材料) of an assessment: on a unit's self-assessment cell and on a bonus/deduction
// item. The bytes go to the content-addressed file store; the attachment row names its owner (the cell's
// score row, or the item), and reading it is reading that owner (access.attachmentFor).

import { newId } from '../db/ids.js';
import {
  getAdjustment,
  getIndicator,
  insertScore,
  sheetOf,
  scoresOfSheet,
} from '../db/repositories/assessment-repository.js';
import type { AttachmentRow, AssessmentRoundRow } from '../db/schema.js';
import {
  isLocked,
  isPublished,
  takesAdjustments,
  type AssessmentStage,
} from '../domain/assessment-workflow.js';
import { demand, roundFor } from './access.js';
import type { Actor } from './actor.js';
import { attachFile } from './attachments.js';
import { appliesTo, indicatorOf } from './assessment-results.js';
import { db, nowIso, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as assessmentPolicy from './policies/assessment.js';

function factsOf(round: AssessmentRoundRow, unitId: string) {
  return { regionId: round.region_id, unitId, published: isPublished(round.stage as AssessmentStage) };
}

/** 自评 evidence: the unit's own staff, while the round takes self-assessments, on a hand-scored indicator. */
export async function attachCellEvidence(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  unitId: string,
  indicatorId: string,
  filename: string,
  bytes: Buffer,
): Promise<AttachmentRow> {
  const { round } = await roundFor(ctx, actor, roundId);
  demand(assessmentPolicy.can(actor, 'self_assess', factsOf(round, unitId)));
  const stage = round.stage as AssessmentStage;
  if (isLocked(stage)) throw fail('assessment.locked');
  if (stage !== 'self') throw fail('assessment.stage_closed', { stage: 'self' });
  const sheet = await sheetOf(db(ctx), roundId, unitId);
  if (!sheet) throw fail('assessment.unit_not_assessed');
  const row = await getIndicator(db(ctx), indicatorId);
  if (row?.scheme_id !== round.scheme_id) throw fail('assessment.unknown_indicator', { indicatorId });
  const indicator = indicatorOf(row);
  if (!appliesTo(indicator, sheet.group_code)) throw fail('assessment.not_applicable', { code: row.code });
  if (indicator.autoKind !== null) throw fail('assessment.automatic', { code: row.code });
  const existing = (await scoresOfSheet(db(ctx), sheet.id)).find((s) => s.indicator_id === indicatorId);
  const scoreId = existing?.id ?? newId('asc');
  return attachFile(ctx, actor, {
    regionId: round.region_id,
    ownerKind: 'assessment_score',
    ownerId: scoreId,
    filename,
    bytes,
    audit: {
      action: 'assessment.evidence_attach',
      entity: 'assessment_round',
      entityId: roundId,
      data: { unitId, indicatorId },
    },
    // Evidence may come before the score: the cell's row is made empty, to be scored later.
    before: existing
      ? undefined
      : (trx) =>
          insertScore(trx, {
            id: scoreId,
            region_id: round.region_id,
            sheet_id: sheet.id,
            indicator_id: indicatorId,
            updated_by: actor.accountId,
            updated_at: nowIso(ctx),
          }),
  });
}

/** Evidence of a bonus/deduction item: whoever may propose items for its unit, until 公示 closes them. */
export async function attachAdjustmentEvidence(
  ctx: ServiceContext,
  actor: Actor,
  adjustmentId: string,
  filename: string,
  bytes: Buffer,
): Promise<AttachmentRow> {
  const adjustment = await getAdjustment(db(ctx), adjustmentId);
  if (!adjustment) throw fail('assessment.adjustment_not_found');
  const { round } = await roundFor(ctx, actor, adjustment.round_id);
  const facts = factsOf(round, adjustment.unit_id);
  if (!assessmentPolicy.can(actor, 'read_sheet', facts)) throw fail('assessment.adjustment_not_found');
  demand(
    assessmentPolicy.can(actor, 'propose_adjustment', facts) || assessmentPolicy.can(actor, 'manage', facts),
  );
  if (!takesAdjustments(round.stage as AssessmentStage)) throw fail('assessment.adjustments_closed');
  return attachFile(ctx, actor, {
    regionId: round.region_id,
    ownerKind: 'assessment_adjustment',
    ownerId: adjustmentId,
    filename,
    bytes,
    audit: {
      action: 'assessment.evidence_attach',
      entity: 'assessment_round',
      entityId: round.id,
      data: { adjustmentId },
    },
  });
}
