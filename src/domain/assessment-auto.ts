// Automatic indicators (自动计分指标): scored from what the ledger recorded, every point linked to the
// event it came from (which report was late, which notice deducted), so a unit can see why.
//
// The inputs are plain lists the caller gathers: ledger events, 容错免责 exemptions and accepted
// experiences. An exemption removes the matching deduction and leaves a visible note in its place.

import { DEFAULT_ASSESSMENT_RULES } from './assessment.js';
import { round2 } from './assessment-methods.js';

export const AUTO_KINDS = ['timeliness', 'milestones', 'quality', 'supervision', 'experience'] as const;
export type AutoKind = (typeof AUTO_KINDS)[number];

export type LedgerEventKind =
  | 'report_on_time'
  | 'report_late'
  /** An 催办 raised for a report never sent: the notice is the event. */
  | 'report_missing'
  /** The office's rating of a report; points holds the rating (0..100). */
  | 'report_rating'
  | 'milestone_on_time'
  | 'milestone_late'
  | 'supervise'
  | 'listed';

export interface LedgerEvent {
  kind: LedgerEventKind;
  unitId: string;
  /** What the event links to: 'report', 'milestone', 'notice', … */
  sourceKind: string;
  sourceId: string;
  date: string;
  /** The event's own figure (a rating; a deduction that overrides the default), null when none. */
  points: number | null;
}

/** 容错免责 granted on a matter: the deductions it caused are removed, with the note shown instead. */
export interface Exemption {
  unitId: string;
  sourceKind: 'notice' | 'assessment_item' | (string & {});
  sourceId: string;
  note: string;
}

export interface AcceptedExperience {
  unitId: string;
  experienceId: string;
  acceptedAt: string;
}

/** One line of a cell's basis: the source, what it did to the score, and a note (an exemption's). */
export interface BasisLink {
  sourceKind: string;
  sourceId: string;
  date: string;
  kind: string;
  /** Points this source added (+) or took (−); 0 for sources that count toward a ratio. */
  effect: number;
  exempted?: boolean;
  note?: string;
}

export interface AutoScore {
  score: number;
  basis: BasisLink[];
}

export interface AutoRules {
  lateReportCredit: number;
  superviseDeduction: number;
  listedDeduction: number;
  experienceBonus: number;
  ratingMax: number;
}

export const DEFAULT_AUTO_RULES: AutoRules = {
  lateReportCredit: DEFAULT_ASSESSMENT_RULES.lateReportCredit,
  superviseDeduction: DEFAULT_ASSESSMENT_RULES.superviseDeduction,
  listedDeduction: DEFAULT_ASSESSMENT_RULES.listedDeduction,
  experienceBonus: DEFAULT_ASSESSMENT_RULES.experienceBonus,
  ratingMax: DEFAULT_ASSESSMENT_RULES.ratingMax,
};

function link(e: LedgerEvent, effect: number, extra: Partial<BasisLink> = {}): BasisLink {
  return { sourceKind: e.sourceKind, sourceId: e.sourceId, date: e.date, kind: e.kind, effect, ...extra };
}

function exemptionFor(e: LedgerEvent, exemptions: readonly Exemption[]): Exemption | undefined {
  return exemptions.find(
    (x) => x.unitId === e.unitId && x.sourceKind === e.sourceKind && x.sourceId === e.sourceId,
  );
}

/**
 * The score of one automatic indicator for one unit. `events` and `experiences` are the unit's, already
 * limited to the period. Nothing due in a part means nothing failed in it: full points.
 * The experience item's points are its cap (+2 each, up to +6 by default).
 */
export function autoScore(
  kind: AutoKind,
  points: number,
  events: readonly LedgerEvent[],
  exemptions: readonly Exemption[],
  experiences: readonly AcceptedExperience[],
  rules: AutoRules = DEFAULT_AUTO_RULES,
): AutoScore {
  const basis: BasisLink[] = [];
  switch (kind) {
    case 'timeliness': {
      let due = 0;
      let credit = 0;
      for (const e of events) {
        if (e.kind === 'report_on_time') credit += 1;
        else if (e.kind === 'report_late') credit += rules.lateReportCredit;
        else if (e.kind !== 'report_missing') continue;
        due++;
        basis.push(link(e, 0));
      }
      return { score: due === 0 ? points : round2((points * credit) / due), basis };
    }
    case 'milestones': {
      let due = 0;
      let onTime = 0;
      for (const e of events) {
        if (e.kind !== 'milestone_on_time' && e.kind !== 'milestone_late') continue;
        due++;
        if (e.kind === 'milestone_on_time') onTime++;
        basis.push(link(e, 0));
      }
      return { score: due === 0 ? points : round2((points * onTime) / due), basis };
    }
    case 'quality': {
      const ratings: number[] = [];
      for (const e of events) {
        if (e.kind !== 'report_rating' || e.points === null) continue;
        ratings.push(Math.min(rules.ratingMax, Math.max(0, e.points)));
        basis.push(link(e, 0));
      }
      const mean = ratings.reduce((a, b) => a + b, 0) / Math.max(1, ratings.length);
      return { score: ratings.length === 0 ? points : round2((points * mean) / rules.ratingMax), basis };
    }
    case 'supervision': {
      let loss = 0;
      for (const e of events) {
        if (e.kind !== 'supervise' && e.kind !== 'listed') continue;
        const off = e.points ?? (e.kind === 'listed' ? rules.listedDeduction : rules.superviseDeduction);
        const exempt = exemptionFor(e, exemptions);
        if (exempt) {
          basis.push(link(e, 0, { exempted: true, note: exempt.note }));
          continue;
        }
        loss += off;
        basis.push(link(e, -off));
      }
      return { score: round2(Math.max(0, points - loss)), basis };
    }
    case 'experience': {
      let bonus = 0;
      for (const x of experiences) {
        const add = Math.min(rules.experienceBonus, Math.max(0, points - bonus));
        bonus += add;
        basis.push({
          sourceKind: 'experience',
          sourceId: x.experienceId,
          date: x.acceptedAt.slice(0, 10),
          kind: 'experience_accepted',
          effect: add,
        });
      }
      return { score: round2(bonus), basis };
    }
  }
}
