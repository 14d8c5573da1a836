import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isOfficeOf, seesWholeRegion } from './scope.js';

export type AssessmentAction =
  /** A region's schemes, indicators and rounds (not the scores). */
  | 'read'
  /** Schemes, indicators, rounds, 复核 scores, approving items, replying to objections, corrections. */
  | 'manage'
  /** One unit's sheet: its self-assessment and the basis of each cell. */
  | 'read_sheet'
  /** The whole score table with totals, ranks and grades. */
  | 'read_results'
  /** 自评: the unit's own staff. */
  | 'self_assess'
  /** 初评: the office or the unit that scores the indicator (考核责任单位). */
  | 'first_score'
  /** A bonus/deduction item with evidence: the office, or the unit for itself. */
  | 'propose_adjustment'
  /** An objection during 公示: the unit's own staff. */
  | 'object';

export interface AssessmentFacts {
  regionId: string;
  /** The unit whose sheet or item it is; null when asking about the region. */
  unitId: string | null;
  /** From 公示 on, results and sheets are seen region-wide. */
  published: boolean;
  /** The units scoring some indicator of the scheme: they see the cells they score. */
  scoringUnitIds?: readonly string[];
}

const UNIT_WRITERS = ['unit_head', 'reporter'] as const;

function isStaffFor(actor: Actor, regionId: string, unitId: string | null): boolean {
  return (
    hasRoleIn(actor, regionId, UNIT_WRITERS) &&
    (actor.role === 'admin' || (unitId !== null && actor.unitId === unitId))
  );
}

/**
 * Assessment (考核): the office runs it; leaders and oversight read everything; a unit reads and
 * writes its own self-assessment and sees other units' sheets only once they are published (公示), so
 * no unit tunes its self-scores to another's before the office has ranked them.
 */
export function can(actor: Actor, action: AssessmentAction, f: AssessmentFacts): boolean {
  if (!inRegion(actor, f.regionId)) return false;
  switch (action) {
    case 'read':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'manage':
      return isOfficeOf(actor, f.regionId);
    case 'read_sheet':
      return (
        seesWholeRegion(actor) ||
        (actor.unitId !== null &&
          (actor.unitId === f.unitId || f.published || (f.scoringUnitIds ?? []).includes(actor.unitId)))
      );
    case 'read_results':
      return seesWholeRegion(actor) || (actor.unitId !== null && f.published);
    case 'self_assess':
      return isStaffFor(actor, f.regionId, f.unitId);
    case 'first_score':
      return (
        isOfficeOf(actor, f.regionId) ||
        (hasRoleIn(actor, f.regionId, UNIT_WRITERS) &&
          actor.unitId !== null &&
          (f.scoringUnitIds ?? []).includes(actor.unitId))
      );
    case 'propose_adjustment':
      return isOfficeOf(actor, f.regionId) || isStaffFor(actor, f.regionId, f.unitId);
    case 'object':
      return isStaffFor(actor, f.regionId, f.unitId) && f.published;
  }
}
