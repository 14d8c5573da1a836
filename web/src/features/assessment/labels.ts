import type { MessageKey } from '../../i18n/messages.zh';
import type { Grade, Stage } from './assessment-api';

export const GRADE_COLOR: Record<Grade, string> = {
  excellent: 'green',
  good: 'blue',
  pass: 'gold',
  fail: 'red',
};

export const STAGE_ORDER: readonly Stage[] = ['self', 'first', 'final', 'publicity', 'finalized'];

export const gradeKey = (g: Grade): MessageKey => `assess.grade.${g}`;
export const stageKey = (s: Stage): MessageKey => `assess.stage.${s}`;

/** One or two decimals as published, never a trailing ".00". */
export function points(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 100) / 100);
}
