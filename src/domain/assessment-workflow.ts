// The steps of an assessment period (考核轮次): 自评 → 初评 → 复核 → 公示 → 定等次.
// Each step writes one column of the score sheet; once 定等次 the result is locked and changes only
// by a recorded correction.

export const ASSESSMENT_STAGES = ['self', 'first', 'final', 'publicity', 'finalized'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

/** The score columns people write, one per stage. */
export const SCORE_STAGES = ['self', 'first', 'final'] as const;
export type ScoreStage = (typeof SCORE_STAGES)[number];

export function nextStage(stage: AssessmentStage): AssessmentStage | null {
  const i = ASSESSMENT_STAGES.indexOf(stage);
  return i + 1 < ASSESSMENT_STAGES.length ? ASSESSMENT_STAGES[i + 1]! : null;
}

/** A column is written only while its stage is open: a unit cannot re-score itself once 初评 began. */
export function mayWriteColumn(stage: AssessmentStage, column: ScoreStage): boolean {
  return stage === column;
}

/** Results (and other units' sheets) are seen region-wide from 公示 on. */
export function isPublished(stage: AssessmentStage): boolean {
  return stage === 'publicity' || stage === 'finalized';
}

export function isLocked(stage: AssessmentStage): boolean {
  return stage === 'finalized';
}

/** Objections are taken only during 公示. */
export function takesObjections(stage: AssessmentStage): boolean {
  return stage === 'publicity';
}

/** Bonus and deduction items may be entered and decided until 公示 begins. */
export function takesAdjustments(stage: AssessmentStage): boolean {
  return stage === 'self' || stage === 'first' || stage === 'final';
}

/** Default 公示 period in calendar days. */
export const PUBLICITY_DAYS = 5;
