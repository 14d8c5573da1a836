import type { TaskStatus } from '../api/types';

/** Red first: the order the office reads a battle map in. */
export const STATUS_ORDER: readonly TaskStatus[] = ['delayed', 'at_risk', 'on_track', 'done', 'not_started'];

/** The colours users already know from paper battle maps: red, yellow, green, blue, grey. */
export const STATUS_COLOR: Readonly<Record<TaskStatus, string>> = {
  delayed: '#e02424',
  at_risk: '#f5b301',
  on_track: '#2fa84f',
  done: '#1d6fdc',
  not_started: '#9aa1a9',
};

/** Text drawn on each colour, chosen for contrast (yellow takes dark text). */
export const STATUS_TEXT: Readonly<Record<TaskStatus, string>> = {
  delayed: '#fff',
  at_risk: '#1f1f1f',
  on_track: '#fff',
  done: '#fff',
  not_started: '#fff',
};

export function isTaskStatus(value: string): value is TaskStatus {
  return (STATUS_ORDER as readonly string[]).includes(value);
}
