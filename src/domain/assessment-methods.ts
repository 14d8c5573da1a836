// Scoring methods of an assessment indicator (考核指标的计分方法), each a pure function of what was
// measured. A method answers null when the item is not assessed for the unit (no target set): the item
// then drops out and the unit's other items scale up to the full points (see assessment-sheet.ts).

export const SCORING_METHODS = [
  /** 完成率 × 分值: points × actual / target, at most the cap. */
  'ratio',
  /** 达到目标得 X%，每高（低）1个百分点加（减）k 分，封顶. */
  'target_step',
  /** 按排名计分: a list (60/57/54 …) or first/last with linear interpolation. */
  'rank',
  /** 每发生一次扣 k 分，扣完为止. */
  'per_occurrence',
  /** 发生即不得分. */
  'any_zero',
  /** 按评分折算: points × rating / ratingMax. */
  'rating',
  /** 人工评分，须写明依据. */
  'manual',
] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export interface MethodParams {
  /** target_step: share of the points (percent) reaching the target earns; 100 when unset. */
  reachPercent?: number | undefined;
  /** target_step: points added or taken per percentage point above or below the target. */
  stepPerPoint?: number | undefined;
  /** rank: the score of rank 1, 2, 3 …; ranks past the list get its last entry. */
  rankScores?: readonly number[] | undefined;
  /** rank: without a list, the first gets firstScore, the last lastScore, the rest in between. */
  firstScore?: number | undefined;
  lastScore?: number | undefined;
  /** per_occurrence: points off per occurrence. */
  perOccurrence?: number | undefined;
  /** rating: top of the rating scale (100 when unset). */
  ratingMax?: number | undefined;
}

/** What was measured for one unit on one indicator; each method reads its own field. */
export interface Measured {
  actual?: number | null | undefined;
  /** The unit's target; null or unset means not assessed for this unit. */
  target?: number | null | undefined;
  rank?: number | undefined;
  /** How many units were ranked. */
  of?: number | undefined;
  occurrences?: number | undefined;
  rating?: number | undefined;
  /** manual: the score a person gave. */
  score?: number | undefined;
}

export interface IndicatorRule {
  method: ScoringMethod;
  /** The indicator's points for this unit (its own points where units differ). */
  points: number;
  params: MethodParams;
  /** Per-item cap; the points when unset. A method may earn above the points only up to it. */
  cap?: number | null | undefined;
  /** 难度系数: the earned score is multiplied by it (1 when unset), then capped. */
  difficulty?: number | null | undefined;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}

/** The highest score an item can earn for a unit. */
export function capOf(rule: Pick<IndicatorRule, 'points' | 'cap' | 'difficulty'>): number {
  if (rule.cap !== undefined && rule.cap !== null) return rule.cap;
  return rule.points * Math.max(1, rule.difficulty ?? 1);
}

function raw(rule: IndicatorRule, m: Measured): number | null {
  const p = rule.params;
  switch (rule.method) {
    case 'ratio': {
      if (m.target === null || m.target === undefined || m.target <= 0) return null;
      return (rule.points * Math.max(0, m.actual ?? 0)) / m.target;
    }
    case 'target_step': {
      if (m.target === null || m.target === undefined || m.target <= 0) return null;
      const percent = ((m.actual ?? 0) / m.target) * 100;
      return (rule.points * (p.reachPercent ?? 100)) / 100 + (percent - 100) * (p.stepPerPoint ?? 0);
    }
    case 'rank': {
      if (m.rank === undefined || m.rank < 1) return null;
      const list = p.rankScores ?? [];
      if (list.length > 0) return list[Math.min(m.rank, list.length) - 1]!;
      const first = p.firstScore ?? rule.points;
      const last = p.lastScore ?? 0;
      const of = Math.max(m.of ?? 1, m.rank);
      return of === 1 ? first : first + ((last - first) * (m.rank - 1)) / (of - 1);
    }
    case 'per_occurrence':
      return rule.points - (p.perOccurrence ?? 1) * Math.max(0, m.occurrences ?? 0);
    case 'any_zero':
      return (m.occurrences ?? 0) > 0 ? 0 : rule.points;
    case 'rating': {
      if (m.rating === undefined) return null;
      const max = p.ratingMax ?? 100;
      return (rule.points * clamp(m.rating, 0, max)) / max;
    }
    case 'manual':
      return m.score ?? null;
  }
}

/**
 * The unit's score on the item, two decimals, between 0 and the cap; null when the item is not
 * assessed for the unit. The difficulty coefficient multiplies what the method earned.
 */
export function scoreIndicator(rule: IndicatorRule, measured: Measured): number | null {
  const r = raw(rule, measured);
  if (r === null) return null;
  return round2(clamp(r * (rule.difficulty ?? 1), 0, capOf(rule)));
}

export type ScoreFault = 'above_cap' | 'negative' | 'not_finite';

/** Checks a score a person typed (自评, 初评, 复核): never above the item's cap, never negative. */
export function scoreFault(
  rule: Pick<IndicatorRule, 'points' | 'cap' | 'difficulty'>,
  score: number,
): ScoreFault | null {
  if (!Number.isFinite(score)) return 'not_finite';
  if (score < 0) return 'negative';
  if (score > capOf(rule) + 1e-9) return 'above_cap';
  return null;
}
