// Accountability (问责) and fault tolerance (容错免责): the closed lists the records and requests use.

/** 就事论事 / 就人论事 / 就廉论事. */
export const ACCOUNTABILITY_KINDS = ['matter', 'person', 'integrity'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

/**
 * The measures a decision may carry, mildest first: 提醒谈话, 约谈, 责令书面检查, 通报批评, 诫勉,
 * 组织调整, 党纪政务处分 (handed to the 纪委监委's own procedure, recorded here as decided).
 */
export const ACCOUNTABILITY_MEASURES = [
  'reminder_talk',
  'interview',
  'written_review',
  'criticism',
  'admonition',
  'reassignment',
  'discipline',
] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];

/** What a 容错免责 request is about: the deduction it asks to have removed comes from one of these. */
export const TOLERANCE_SOURCE_KINDS = ['notice', 'assessment_item', 'task'] as const;
export type ToleranceSourceKind = (typeof TOLERANCE_SOURCE_KINDS)[number];

export type ToleranceStatus = 'submitted' | 'granted' | 'refused';

/** Only an undecided request is decided; 一事一议: once decided it stays as decided. */
export function isToleranceOpen(status: ToleranceStatus): boolean {
  return status === 'submitted';
}

/** Measures as stored (JSON text), tolerant of a row written by hand: unknown codes are dropped, order kept. */
export function parseMeasures(json: string): AccountabilityMeasure[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const known = new Set<string>(ACCOUNTABILITY_MEASURES);
  return value.filter((m): m is AccountabilityMeasure => typeof m === 'string' && known.has(m));
}
