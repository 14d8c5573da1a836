// Quarterly assessment (考核) of a unit: 100 points plus a bonus, 区直单位 and 镇街 ranked apart.
//
// scoreUnit takes everything the unit did, already tied to dates, and itself picks what falls in
// the quarter, so the rule "what counts for Q1" lives here and not in every caller's SQL.

import { DEFAULT_REPORT_GRACE_DAYS, periodRange, reportDueDate } from './periods.js';
import type { NoticeKind } from './notices.js';
import { REPORT_RATING_MAX } from './report-workflow.js';

export type UnitKind = 'office' | 'department' | 'town' | 'other';

/** 就事论事 / 就人论事 / 就廉论事. */
export type AccountabilityKind = 'matter' | 'person' | 'integrity';

export interface AssessmentRules {
  timelinessPoints: number; // 30
  milestonePoints: number; // 40
  qualityPoints: number; // 20
  supervisionPoints: number; // 10
  superviseDeduction: number; // 2 per `supervise`
  listedDeduction: number; // 5 per `listed`
  experienceBonus: number; // 2 per accepted experience
  experienceBonusMax: number; // at most 6
  /** Share of a report's timeliness credit a late report still earns (on time 1, missing 0). */
  lateReportCredit: number;
  reportGraceDays: number;
  /** Top of the office's report rating scale (reports.rating); ratings are scaled to qualityPoints. */
  ratingMax: number;
  /** Points an accountability record takes off when it carries no deduction of its own. */
  accountabilityDeduction: number;
}

export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  timelinessPoints: 30,
  milestonePoints: 40,
  qualityPoints: 20,
  supervisionPoints: 10,
  superviseDeduction: 2,
  listedDeduction: 5,
  experienceBonus: 2,
  experienceBonusMax: 6,
  lateReportCredit: 0.5,
  reportGraceDays: DEFAULT_REPORT_GRACE_DAYS,
  ratingMax: REPORT_RATING_MAX,
  // DESIGN sets no figure; a region that deducts for accountability sets it (or per record).
  accountabilityDeduction: 0,
};

export interface UnitAssessmentInput {
  unitId: string;
  unitKind: UnitKind;
  /** '2025-Q1'. */
  quarter: string;
  /** The day the assessment is run: obligations not yet due on it are left out, not counted missing. */
  asOf: string;
  /** One row per (task, period) the unit owes a report for; periods inside the quarter count. */
  reports: readonly {
    period: string;
    /** Date it was submitted to the office (unit head approved); null if never. */
    submittedOn: string | null;
    /** The office's rating of its quality, 0..ratingMax; null if not rated. */
    rating?: number | null;
  }[];
  /** Milestones of the unit's tasks; those due inside the quarter count. */
  milestones: readonly { dueDate: string; doneDate: string | null }[];
  /** Notices issued to the unit; those issued inside the quarter count. */
  notices: readonly {
    kind: NoticeKind;
    issuedOn: string;
    /** 容错免责 granted on the matter: the notice stays on record but deducts nothing. */
    exempted?: boolean;
  }[];
  /** Accepted experiences (可复制推广经验); those accepted inside the quarter count. */
  experiences: readonly { acceptedOn: string }[];
  /** Accountability records (问责); those decided inside the quarter count. */
  accountability: readonly {
    id?: string;
    kind: AccountabilityKind;
    decidedOn: string;
    /** 容错免责: removes the record's deduction and its flag. */
    exempted: boolean;
    /** Points off the total; defaults to rules.accountabilityDeduction. */
    deduction?: number;
  }[];
}

export interface ScoreParts {
  timeliness: number;
  milestones: number;
  quality: number;
  supervision: number;
  /** Experience bonus, 0..experienceBonusMax. */
  bonus: number;
  /** Accountability deduction, ≤ 0. */
  accountability: number;
}

export interface AssessmentFlag {
  kind: 'accountability';
  accountability: Exclude<AccountabilityKind, 'matter'>;
  recordId?: string;
}

export interface UnitScore {
  unitId: string;
  unitKind: UnitKind;
  quarter: string;
  /** Sum of the parts, one decimal, never below 0. */
  total: number;
  parts: ScoreParts;
  /** Results a person must look at before they are published (就人论事 / 就廉论事 not exempted). */
  flags: AssessmentFlag[];
  /** What the parts were computed from, for the score sheet. */
  basis: {
    reportsDue: number;
    reportsOnTime: number;
    reportsLate: number;
    milestonesDue: number;
    milestonesOnTime: number;
    ratings: number;
    exemptions: number;
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function within(date: string, range: { start: string; end: string }): boolean {
  return date >= range.start && date <= range.end;
}

function periodWithin(period: string, range: { start: string; end: string }): boolean {
  const p = periodRange(period);
  return p.start >= range.start && p.end <= range.end;
}

/**
 * Nothing due in a part means nothing was failed in it: the part scores full marks, so a unit is
 * never penalised for having no milestones this quarter. Parts are rounded to one decimal and the
 * total is the sum of the rounded parts, so the score sheet always adds up.
 */
export function scoreUnit(input: UnitAssessmentInput, rules?: Partial<AssessmentRules>): UnitScore {
  const r: AssessmentRules = { ...DEFAULT_ASSESSMENT_RULES, ...rules };
  const q = periodRange(input.quarter);

  // Timeliness: a report not yet due on asOf is not an obligation yet, unless already in.
  let reportsDue = 0;
  let reportsOnTime = 0;
  let reportsLate = 0;
  const ratings: number[] = [];
  for (const rep of input.reports) {
    if (!periodWithin(rep.period, q)) continue;
    const due = reportDueDate(rep.period, r.reportGraceDays);
    if (rep.submittedOn === null && !(input.asOf > due)) continue;
    reportsDue++;
    if (rep.submittedOn !== null && rep.submittedOn <= due) reportsOnTime++;
    else if (rep.submittedOn !== null) reportsLate++;
    if (rep.rating !== undefined && rep.rating !== null) {
      ratings.push(Math.min(r.ratingMax, Math.max(0, rep.rating)));
    }
  }
  const timeliness =
    reportsDue === 0
      ? r.timelinessPoints
      : (r.timelinessPoints * (reportsOnTime + reportsLate * r.lateReportCredit)) / reportsDue;

  // Milestones: done on or before the due date; one still open after it is a failure.
  let milestonesDue = 0;
  let milestonesOnTime = 0;
  for (const m of input.milestones) {
    if (!within(m.dueDate, q)) continue;
    if (m.doneDate === null && !(input.asOf > m.dueDate)) continue;
    milestonesDue++;
    if (m.doneDate !== null && m.doneDate <= m.dueDate) milestonesOnTime++;
  }
  const milestones =
    milestonesDue === 0 ? r.milestonePoints : (r.milestonePoints * milestonesOnTime) / milestonesDue;

  // Quality: mean office rating. Unrated means no evidence of poor work, so full marks; a unit
  // that reports nothing already loses the timeliness points.
  const quality =
    ratings.length === 0
      ? r.qualityPoints
      : (r.qualityPoints * ratings.reduce((a, b) => a + b, 0)) / ratings.length / r.ratingMax;

  let exemptions = 0;
  let supervisionLoss = 0;
  for (const n of input.notices) {
    if (!within(n.issuedOn, q)) continue;
    if (n.exempted === true) {
      if (n.kind === 'supervise' || n.kind === 'listed') exemptions++;
      continue;
    }
    if (n.kind === 'supervise') supervisionLoss += r.superviseDeduction;
    else if (n.kind === 'listed') supervisionLoss += r.listedDeduction;
  }
  const supervision = Math.max(0, r.supervisionPoints - supervisionLoss);

  const accepted = input.experiences.filter((e) => within(e.acceptedOn, q)).length;
  const bonus = Math.min(r.experienceBonusMax, accepted * r.experienceBonus);

  let accountabilityLoss = 0;
  const flags: AssessmentFlag[] = [];
  for (const a of input.accountability) {
    if (!within(a.decidedOn, q)) continue;
    if (a.exempted) {
      exemptions++;
      continue;
    }
    accountabilityLoss += Math.max(0, a.deduction ?? r.accountabilityDeduction);
    if (a.kind !== 'matter') {
      flags.push(
        a.id === undefined
          ? { kind: 'accountability', accountability: a.kind }
          : { kind: 'accountability', accountability: a.kind, recordId: a.id },
      );
    }
  }

  const parts: ScoreParts = {
    timeliness: round1(timeliness),
    milestones: round1(milestones),
    quality: round1(quality),
    supervision: round1(supervision),
    bonus: round1(bonus),
    accountability: accountabilityLoss === 0 ? 0 : -round1(accountabilityLoss),
  };
  const sum =
    parts.timeliness +
    parts.milestones +
    parts.quality +
    parts.supervision +
    parts.bonus +
    parts.accountability;
  return {
    unitId: input.unitId,
    unitKind: input.unitKind,
    quarter: input.quarter,
    total: Math.max(0, round1(sum)),
    parts,
    flags,
    basis: {
      reportsDue,
      reportsOnTime,
      reportsLate,
      milestonesDue,
      milestonesOnTime,
      ratings: ratings.length,
      exemptions,
    },
  };
}

/** 区直单位 and 镇街 are ranked apart; anything else (office, other) forms a third list. */
export type RankGroup = 'department' | 'town' | 'other';

export interface Rankable {
  unitId: string;
  unitKind: UnitKind;
  total: number;
}

export type Ranked<T extends Rankable> = T & { group: RankGroup; rank: number; groupSize: number };

export function rankGroupOf(kind: UnitKind): RankGroup {
  return kind === 'department' || kind === 'town' ? kind : 'other';
}

const GROUP_ORDER: readonly RankGroup[] = ['department', 'town', 'other'];

/**
 * Highest total first within each group. Ties share a rank and the next rank skips (1, 1, 3), the
 * usual 并列 convention; tied units are listed by unitId so the order is stable. Totals are compared
 * at one decimal, as published. Flags do not move a unit: the office decides what a flag means.
 * Output is grouped: departments, then towns, then others.
 */
export function rankUnits<T extends Rankable>(scores: readonly T[]): Ranked<T>[] {
  const out: Ranked<T>[] = [];
  for (const group of GROUP_ORDER) {
    const members = scores
      .filter((s) => rankGroupOf(s.unitKind) === group)
      .map((s) => ({ s, key: round1(s.total) }))
      .sort((a, b) => b.key - a.key || (a.s.unitId < b.s.unitId ? -1 : a.s.unitId > b.s.unitId ? 1 : 0));
    let rank = 0;
    members.forEach(({ s, key }, i) => {
      if (i === 0 || key !== members[i - 1]!.key) rank = i + 1;
      out.push({ ...s, group, rank, groupSize: members.length });
    });
  }
  return out;
}
