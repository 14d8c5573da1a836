import { capOf } from '../../../domain/assessment-methods.js';
import {
  isPublished,
  takesAdjustments,
  takesObjections,
  type AssessmentStage,
} from '../../../domain/assessment-workflow.js';
import type { Actor } from '../../../services/actor.js';
import type { AttachmentRow } from '../../../services/attachment-service.js';
import { presentAttachment } from '../attachments/presenter.js';
import type {
  AssessmentAdjustmentRow,
  CorrectionRecord,
  AssessmentObjectionRow,
  RoundDetail,
  UnitSheet,
} from '../../../services/assessment-service.js';
import { ruleFor, targetFor } from '../../../services/assessment-results.js';
import * as assessmentPolicy from '../../../services/policies/assessment.js';
import type { Adjustment, Correction, Objection, ResultRow, Round, Sheet } from './schema.js';

type Facts = assessmentPolicy.AssessmentFacts;

function facts(regionId: string, stage: AssessmentStage, unitId: string | null): Facts {
  return { regionId, unitId, published: isPublished(stage) };
}

export function presentAdjustment(
  a: AssessmentAdjustmentRow,
  actor: Actor,
  stage: AssessmentStage,
  files: readonly AttachmentRow[] = [],
): Adjustment {
  return {
    id: a.id,
    unitId: a.unit_id,
    kind: a.kind,
    points: a.points,
    reason: a.reason,
    evidence: a.evidence,
    files: files.map(presentAttachment),
    vetoCode: a.veto_code,
    status: a.status,
    proposedAt: a.proposed_at,
    decidedAt: a.decided_at,
    version: a.version,
    can: {
      decide:
        a.status === 'proposed' &&
        takesAdjustments(stage) &&
        assessmentPolicy.can(actor, 'manage', facts(a.region_id, stage, a.unit_id)),
      attach:
        takesAdjustments(stage) &&
        (assessmentPolicy.can(actor, 'manage', facts(a.region_id, stage, a.unit_id)) ||
          assessmentPolicy.can(actor, 'propose_adjustment', facts(a.region_id, stage, a.unit_id))),
    },
  };
}

export function presentObjection(o: AssessmentObjectionRow, actor: Actor, stage: AssessmentStage): Objection {
  return {
    id: o.id,
    unitId: o.unit_id,
    indicatorId: o.indicator_id,
    body: o.body,
    createdAt: o.created_at,
    reply: o.reply,
    repliedAt: o.replied_at,
    version: o.version,
    can: {
      reply:
        o.reply === null &&
        stage === 'publicity' &&
        assessmentPolicy.can(actor, 'manage', facts(o.region_id, stage, o.unit_id)),
    },
  };
}

export function presentCorrection(c: CorrectionRecord): Correction {
  return {
    id: c.id,
    unitId: c.unit_id,
    indicatorId: c.indicator_id,
    fromScore: c.from_score,
    toScore: c.to_score,
    reason: c.reason,
    correctedBy: c.corrected_by_name,
    correctedAt: c.corrected_at,
  };
}

export function presentRound(d: RoundDetail, actor: Actor): Round {
  const { round, scheme, indicators, sheets, units } = d.data;
  const stage = round.stage as AssessmentStage;
  const region = facts(round.region_id, stage, null);
  const manage = assessmentPolicy.can(actor, 'manage', region);
  const rows: ResultRow[] | null =
    d.results === null
      ? null
      : d.results.map((r) => ({
          unitId: r.sheetRow.unit_id,
          unitName: units.get(r.sheetRow.unit_id)?.name ?? '',
          groupCode: r.sheetRow.group_code,
          cells: r.sheet.cells.map((c) => ({ indicatorId: c.indicatorId, score: c.score, source: c.source })),
          itemsTotal: r.sheet.itemsTotal,
          scale: r.sheet.scale,
          bonus: r.sheet.bonus,
          deduction: r.sheet.deduction,
          total: r.sheet.total,
          rank: r.ranked.rank,
          groupSize: r.ranked.groupSize,
          grade: r.ranked.grade,
          vetoed: r.sheet.vetoed,
          vetoes: r.sheet.vetoes.map((v) => ({ id: v.id, reason: v.reason })),
        }));
  return {
    id: round.id,
    schemeId: round.scheme_id,
    period: round.period,
    stage,
    publicityUntil: round.publicity_until,
    finalizedAt: round.finalized_at,
    version: round.version,
    scheme: {
      id: scheme.row.id,
      title: scheme.row.title,
      docNo: scheme.row.doc_no,
      year: scheme.row.year,
      baseScore: scheme.row.base_score,
      groups: scheme.groups,
      gradeBands: scheme.gradeBands,
      vetoes: scheme.vetoes,
    },
    indicators: indicators.map((i) => ({
      id: i.row.id,
      code: i.row.code,
      name: i.row.name,
      category: i.category,
      points: i.row.points,
      autoKind: i.autoKind,
      groupCodes: i.groupCodes,
      scoringUnitId: i.row.scoring_unit_id,
    })),
    units: sheets.map((s) => ({
      id: s.unit_id,
      name: units.get(s.unit_id)?.name ?? '',
      groupCode: s.group_code,
    })),
    rows,
    adjustments: d.adjustments.map((a) => presentAdjustment(a, actor, stage, d.files.get(a.id))),
    objections: d.objections.map((o) => presentObjection(o, actor, stage)),
    corrections: d.corrections.map(presentCorrection),
    can: {
      manage,
      advance: manage && stage !== 'finalized',
      object:
        takesObjections(stage) &&
        actor.unitId !== null &&
        assessmentPolicy.can(actor, 'object', facts(round.region_id, stage, actor.unitId)),
      proposeAdjustment:
        takesAdjustments(stage) &&
        (manage ||
          assessmentPolicy.can(actor, 'propose_adjustment', facts(round.region_id, stage, actor.unitId))),
    },
  };
}

export function presentSheet(s: UnitSheet, actor: Actor): Sheet {
  const { round } = s.data;
  const stage = round.stage as AssessmentStage;
  const unitFacts = facts(round.region_id, stage, s.unit.id);
  const seesResults = assessmentPolicy.can(actor, 'read_results', unitFacts);
  const cells = s.result.indicators
    .filter((i) => s.visible.has(i.row.id))
    .map((i) => {
      const cell = s.result.sheet.cells.find((c) => c.indicatorId === i.row.id)!;
      const row = s.scores.get(i.row.id);
      const rule = ruleFor(i, s.unit.id);
      // A frozen automatic cell keeps its links in final_basis as JSON; show no JSON as a basis.
      const finalBasis = i.autoKind !== null ? null : (row?.final_basis ?? null);
      return {
        indicatorId: i.row.id,
        code: i.row.code,
        name: i.row.name,
        category: i.category,
        standard: i.row.standard,
        method: i.method,
        points: rule.points,
        cap: capOf(rule),
        measureUnit: i.row.measure_unit,
        target: targetFor(i, s.unit.id),
        autoKind: i.autoKind,
        scoringUnitId: i.row.scoring_unit_id,
        actual: row?.actual ?? null,
        self: { score: row?.self_score ?? null, basis: row?.self_basis ?? null },
        first: { score: row?.first_score ?? null, basis: row?.first_basis ?? null },
        final: { score: i.autoKind !== null ? null : (row?.final_score ?? null), basis: finalBasis },
        score: cell.score,
        source: cell.source,
        links: cell.basis,
        files: (row ? (s.files.get(row.id) ?? []) : []).map(presentAttachment),
        writable: s.writable.has(i.row.id),
      };
    });
  const anyWritable = (stageName: AssessmentStage) => stage === stageName && s.writable.size > 0;
  return {
    roundId: round.id,
    period: round.period,
    stage,
    unitId: s.unit.id,
    unitName: s.unit.name,
    groupCode: s.sheetRow.group_code,
    version: s.sheetRow.version,
    cells,
    itemsTotal: s.result.sheet.itemsTotal,
    bonus: s.result.sheet.bonus,
    deduction: s.result.sheet.deduction,
    total: s.result.sheet.total,
    rank: seesResults ? s.result.ranked.rank : null,
    groupSize: seesResults ? s.result.ranked.groupSize : null,
    grade: seesResults ? s.result.ranked.grade : null,
    vetoed: s.result.sheet.vetoed,
    adjustmentLinks: s.result.sheet.adjustmentBasis,
    adjustments: s.adjustments.map((a) => presentAdjustment(a, actor, stage, s.files.get(a.id))),
    objections: s.objections.map((o) => presentObjection(o, actor, stage)),
    corrections: s.corrections.map(presentCorrection),
    can: {
      selfAssess: anyWritable('self'),
      firstScore: anyWritable('first'),
      finalScore: anyWritable('final'),
      object: takesObjections(stage) && assessmentPolicy.can(actor, 'object', unitFacts),
      proposeAdjustment:
        takesAdjustments(stage) && assessmentPolicy.can(actor, 'propose_adjustment', unitFacts),
    },
  };
}
