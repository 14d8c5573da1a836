// A unit's score sheet for one assessment period, and the ranking of sheets within their groups.
//
// total = Σ items (scaled when some drop out) + 综合加减分 items + approved bonuses − approved deductions.
// It may exceed the base score. A 一票否决 keeps the score visible and forces the lowest grade.

import {
  autoScore,
  type AcceptedExperience,
  type AutoKind,
  type AutoRules,
  type BasisLink,
  type Exemption,
  type LedgerEvent,
} from './assessment-auto.js';
import { round2, scoreIndicator, type IndicatorRule, type Measured } from './assessment-methods.js';

/** 共性指标 / 个性(履职差异)指标 / 综合加减分. */
export const INDICATOR_CATEGORIES = ['common', 'specific', 'adjustment'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export interface SheetIndicator {
  id: string;
  category: IndicatorCategory;
  rule: IndicatorRule;
  /** Scored from the ledger rather than by a person. */
  auto: AutoKind | null;
  /** The unit's target when the method needs one; null = not assessed for the unit (drops out). */
  target?: number | null | undefined;
}

/** What people entered for one unit on one indicator, stage by stage; the latest stage counts. */
export interface EnteredCell {
  self?: number | null | undefined;
  first?: number | null | undefined;
  final?: number | null | undefined;
  /** A measured value for methods that compute the score (ratio, occurrences …). */
  measured?: Measured | undefined;
}

export interface SheetAdjustment {
  id: string;
  kind: 'bonus' | 'deduction' | 'veto';
  points: number;
  reason: string;
}

export interface SheetInput {
  unitId: string;
  indicators: readonly SheetIndicator[];
  cells: Readonly<Record<string, EnteredCell>>;
  /** The unit's ledger events inside the period. */
  events: readonly LedgerEvent[];
  exemptions: readonly Exemption[];
  /** The unit's experiences accepted inside the period. */
  experiences: readonly AcceptedExperience[];
  /** Approved bonus, deduction and 一票否决 items only. */
  adjustments: readonly SheetAdjustment[];
  autoRules?: AutoRules | undefined;
}

export interface SheetCell {
  indicatorId: string;
  /** null: not assessed for the unit (no target), dropped from the sum. */
  score: number | null;
  /** Where the score stands: which stage it came from, or automatic. */
  source: 'auto' | 'computed' | 'self' | 'first' | 'final' | 'none';
  basis: BasisLink[];
}

export interface Sheet {
  unitId: string;
  cells: SheetCell[];
  /** Σ of the common and specific items, scaled up for items that dropped out. */
  itemsTotal: number;
  /** Factor applied for dropped items (1 when none dropped). */
  scale: number;
  /** 综合加减分 items plus approved bonuses. */
  bonus: number;
  /** Approved deductions (positive number), after exemptions. */
  deduction: number;
  total: number;
  vetoed: boolean;
  vetoes: SheetAdjustment[];
  /** Bonus/deduction lines, exempted ones included with their note. */
  adjustmentBasis: BasisLink[];
}

function enteredScore(cell: EnteredCell | undefined): { score: number | null; source: SheetCell['source'] } {
  if (!cell) return { score: null, source: 'none' };
  if (cell.final !== undefined && cell.final !== null) return { score: cell.final, source: 'final' };
  if (cell.first !== undefined && cell.first !== null) return { score: cell.first, source: 'first' };
  if (cell.self !== undefined && cell.self !== null) return { score: cell.self, source: 'self' };
  return { score: null, source: 'none' };
}

function needsTarget(rule: IndicatorRule): boolean {
  return rule.method === 'ratio' || rule.method === 'target_step';
}

function cellOf(ind: SheetIndicator, input: SheetInput): SheetCell {
  const base = { indicatorId: ind.id };
  if (ind.auto !== null) {
    const a = autoScore(
      ind.auto,
      ind.rule.points,
      input.events,
      input.exemptions,
      input.experiences,
      input.autoRules,
    );
    return { ...base, score: a.score, source: 'auto', basis: a.basis };
  }
  if (needsTarget(ind.rule) && (ind.target === null || ind.target === undefined))
    return { ...base, score: null, source: 'none', basis: [] };
  const entered = enteredScore(input.cells[ind.id]);
  if (entered.score !== null) return { ...base, score: entered.score, source: entered.source, basis: [] };
  const measured = input.cells[ind.id]?.measured;
  if (measured) {
    const computed = scoreIndicator(ind.rule, { ...measured, target: ind.target });
    return { ...base, score: computed, source: 'computed', basis: [] };
  }
  // Not scored yet: counts as 0, so an unfinished sheet never looks better than a finished one.
  return { ...base, score: 0, source: 'none', basis: [] };
}

export function computeSheet(input: SheetInput): Sheet {
  const cells = input.indicators.map((ind) => cellOf(ind, input));
  let full = 0;
  let kept = 0;
  let sum = 0;
  let bonus = 0;
  input.indicators.forEach((ind, i) => {
    const cell = cells[i]!;
    if (ind.category === 'adjustment') {
      bonus += cell.score ?? 0;
      return;
    }
    full += ind.rule.points;
    if (cell.score === null) return;
    kept += ind.rule.points;
    sum += cell.score;
  });
  const scale = kept === 0 || kept === full ? 1 : full / kept;
  const itemsTotal = round2(sum * scale);

  let deduction = 0;
  const vetoes: SheetAdjustment[] = [];
  const adjustmentBasis: BasisLink[] = [];
  for (const adj of input.adjustments) {
    const line = { sourceKind: 'assessment_item', sourceId: adj.id, date: '', kind: adj.kind };
    if (adj.kind === 'veto') {
      vetoes.push(adj);
      adjustmentBasis.push({ ...line, effect: 0, note: adj.reason });
    } else if (adj.kind === 'bonus') {
      bonus += adj.points;
      adjustmentBasis.push({ ...line, effect: adj.points, note: adj.reason });
    } else {
      const exempt = input.exemptions.find(
        (x) => x.unitId === input.unitId && x.sourceKind === 'assessment_item' && x.sourceId === adj.id,
      );
      if (exempt) adjustmentBasis.push({ ...line, effect: 0, exempted: true, note: exempt.note });
      else {
        deduction += adj.points;
        adjustmentBasis.push({ ...line, effect: -adj.points, note: adj.reason });
      }
    }
  }
  bonus = round2(bonus);
  deduction = round2(deduction);
  return {
    unitId: input.unitId,
    cells,
    itemsTotal,
    scale: round2(scale),
    bonus,
    deduction,
    total: round2(Math.max(0, itemsTotal + bonus - deduction)),
    vetoed: vetoes.length > 0,
    vetoes,
    adjustmentBasis,
  };
}

// ---- ranks and grades ----

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** A band: totals at or above `min` (以上 includes the bound); optionally only within the top N of the group. */
export interface GradeBand {
  grade: Grade;
  min: number;
  topN?: number | null | undefined;
}

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: 'excellent', min: 90 },
  { grade: 'good', min: 80 },
  { grade: 'pass', min: 60 },
  { grade: 'fail', min: 0 },
];

export interface RankInput {
  unitId: string;
  group: string;
  total: number;
  vetoed: boolean;
}

export interface RankedRow extends RankInput {
  rank: number;
  groupSize: number;
  grade: Grade;
}

/** The lowest grade the bands name: where a 一票否决 puts a unit whatever its score. */
export function lowestGrade(bands: readonly GradeBand[]): Grade {
  let worst: Grade = 'excellent';
  for (const b of bands) if (GRADES.indexOf(b.grade) > GRADES.indexOf(worst)) worst = b.grade;
  return bands.length === 0 ? 'fail' : worst;
}

export function gradeOf(total: number, rank: number, vetoed: boolean, bands: readonly GradeBand[]): Grade {
  const lowest = lowestGrade(bands);
  if (vetoed) return lowest;
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  for (const b of ordered) {
    if (total < b.min) continue;
    if (b.topN !== undefined && b.topN !== null && rank > b.topN) continue;
    return b.grade;
  }
  return lowest;
}

/**
 * Ranks within each group only, highest total first; ties share a rank and the next skips (1, 1, 3).
 * Totals compare at two decimals, as shown. Tied units are listed by id so the order is stable.
 * A 一票否决 does not move a unit's rank, only its grade.
 */
export function rankAndGrade(rows: readonly RankInput[], bands: readonly GradeBand[]): RankedRow[] {
  const groups = new Map<string, RankInput[]>();
  for (const r of rows) {
    const list = groups.get(r.group) ?? [];
    list.push(r);
    groups.set(r.group, list);
  }
  const out: RankedRow[] = [];
  for (const [, members] of groups) {
    const sorted = members
      .map((r) => ({ r, key: round2(r.total) }))
      .sort((a, b) => b.key - a.key || (a.r.unitId < b.r.unitId ? -1 : a.r.unitId > b.r.unitId ? 1 : 0));
    let rank = 0;
    sorted.forEach(({ r, key }, i) => {
      if (i === 0 || key !== sorted[i - 1]!.key) rank = i + 1;
      out.push({ ...r, rank, groupSize: sorted.length, grade: gradeOf(r.total, rank, r.vetoed, bands) });
    });
  }
  return out;
}
