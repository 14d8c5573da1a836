// How a bulletin (通报) words a task's progress. Offices write five classes; the battle map computes five
// colours. The mapping (kept here, the one place it is decided):
//
//   battle map (task-status.ts)          bulletin class
//   done        已完成                 → 已完成(含提前完成)  a task accepted as done, early or on time
//   on_track    正常推进, progress > 序时 → 超进度              ahead of the time elapsed
//   on_track    正常推进, progress ≤ 序时 → 达进度              within the 20-point band of 时间过半、任务过半
//   at_risk     进度滞后                 → 欠进度
//   delayed     逾期                     → 欠进度              (附件1 says how many days overdue)
//   not_started 未开始                   → 其他                not yet due to start
//
// So 已完成 = done, 超进度 + 达进度 = on_track, 欠进度 = at_risk + delayed and 其他 = not_started: every
// figure of 一、总体情况 adds up to the battle map's counts for the same day.
import type { TaskStatus } from './task-status.js';

export type ProgressClass = 'done' | 'ahead' | 'on_pace' | 'behind' | 'other';

export const PROGRESS_CLASSES: readonly ProgressClass[] = ['done', 'ahead', 'on_pace', 'behind', 'other'];

export const PROGRESS_CLASS_LABELS: Readonly<Record<ProgressClass, string>> = {
  done: '已完成（含提前完成）',
  ahead: '超进度',
  on_pace: '达进度',
  behind: '欠进度',
  other: '其他',
};

export function progressClassOf(status: TaskStatus, progress: number, timeElapsed: number): ProgressClass {
  switch (status) {
    case 'done':
      return 'done';
    case 'not_started':
      return 'other';
    case 'at_risk':
    case 'delayed':
      return 'behind';
    case 'on_track':
      return progress > timeElapsed ? 'ahead' : 'on_pace';
  }
}

/** A share as offices print it: one decimal, no trailing ".0" ("占12.5%", "占40%"). */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const value = Math.round((part / whole) * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}
