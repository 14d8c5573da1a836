// The battle map's colours (挂图作战), for what is drawn outside the web app: spreadsheets, documents.
// The same values as web/src/domain/status.ts.
import type { TaskStatus } from './task-status.js';

export const STATUS_FILL: Readonly<Record<TaskStatus, { background: string; text: string }>> = {
  delayed: { background: '#e02424', text: '#ffffff' },
  at_risk: { background: '#f5b301', text: '#1f1f1f' },
  on_track: { background: '#2fa84f', text: '#ffffff' },
  done: { background: '#1d6fdc', text: '#ffffff' },
  not_started: { background: '#9aa1a9', text: '#ffffff' },
};
