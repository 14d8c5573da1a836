// A ledger's 进展情况 cells: the unit's reported narrative for the period, and beside it the office's ledger
// note (台账进展备注). The office may note what it knows in the cell, never write the unit's report: an
// edited cell is read back as the office's note, and the unit's words stay the unit's.

/** Marks the office's part of a progress cell, so a reader of the sheet tells it from the unit's report. */
export const NOTE_MARK = '【台账备注】';

/** The cell as exported: the unit's narrative, then the office's note under its mark. */
export function progressCell(narrative: string, note: string): string {
  if (!note) return narrative;
  return narrative ? `${narrative}\n${NOTE_MARK}${note}` : `${NOTE_MARK}${note}`;
}

/**
 * The office's note a progress cell holds, given the unit's narrative exported in it: what follows the
 * narrative when the cell still starts with it, otherwise the whole cell (an edit of the unit's words is
 * kept as the office's note, never written into the report). The mark is dropped.
 */
export function noteFromCell(cell: string, narrative: string): string {
  let rest = cell.trim();
  if (narrative && rest.startsWith(narrative)) rest = rest.slice(narrative.length).trim();
  if (rest.startsWith(NOTE_MARK)) rest = rest.slice(NOTE_MARK.length).trim();
  return rest;
}

export type Cadence = 'monthly' | 'quarterly';

/** The period a progress column stands for: 2026-05, or 2026-Q2 for a quarterly plan. */
export function periodOfColumn(year: number, cadence: Cadence, index: number): string {
  return cadence === 'monthly' ? `${year}-${String(index + 1).padStart(2, '0')}` : `${year}-Q${index + 1}`;
}

/** The progress column of a period within the plan's year, or -1. */
export function columnOfPeriod(period: string, year: number, cadence: Cadence): number {
  if (!period.startsWith(`${year}-`)) return -1;
  const rest = period.slice(5);
  if (cadence === 'monthly') return /^\d{2}$/.test(rest) ? Number(rest) - 1 : -1;
  return /^Q[1-4]$/.test(rest) ? Number(rest.slice(1)) - 1 : -1;
}

export interface ReportedText {
  task_id: string;
  period: string;
  narrative: string;
  problems: string;
  next_steps: string;
}

/**
 * Each task's narrative per progress column of the plan's year, and its latest report's problems and
 * next steps (下步打算). Reports come oldest first, so of two reports for one period the later is shown.
 */
export function reportedTexts(reports: readonly ReportedText[], year: number, cadence: Cadence) {
  const narratives = new Map<string, string[]>();
  const problems = new Map<string, { period: string; text: string }>();
  const nextSteps = new Map<string, { period: string; text: string }>();
  for (const r of reports) {
    const i = columnOfPeriod(r.period, year, cadence);
    if (i >= 0) {
      const list = narratives.get(r.task_id) ?? [];
      list[i] = r.narrative;
      narratives.set(r.task_id, list);
    }
    const last = problems.get(r.task_id);
    if (!last || last.period <= r.period) {
      problems.set(r.task_id, { period: r.period, text: r.problems });
      nextSteps.set(r.task_id, { period: r.period, text: r.next_steps });
    }
  }
  return { narratives, problems, nextSteps };
}
