// Target or actual, decided where the evidence is: the document's genre first (a 通报 reports, a 工作要点
// plans), then the table column a figure sits in (年度目标 vs 完成情况), then — in quantities.ts, through
// context.ts — the section heading and the clause's own tense words, which outrank the genre.
import type { Tense } from './context.js';
import type { Table } from './table.js';

/** What the whole document does: report results, or set out a plan. Undefined when it does both. */
export type Genre = 'report' | 'plan' | undefined;

// A 通报, a progress table, a summary: the document exists to report what was done.
const REPORT_TITLE =
  /(通报|情况的?报告|进展情况|完成情况|落实情况|执行情况|推进情况|进度情况|运行情况|运行分析|情况分析|统计公报|情况表|进展表|工作总结|年终总结|半年总结)/;
// Forward-looking kinds of document; a "…计划执行情况" is still a report, so these are read after it.
const PLAN_TITLE = /(工作要点|要点|计划|方案|清单|安排|意见|规划|任务分工|分解表|实施细则)/;

export function documentGenre(title: string): Genre {
  if (REPORT_TITLE.test(title)) return 'report';
  if (PLAN_TITLE.test(title)) return 'plan';
  return undefined;
}

/** The tense a clause falls back to when neither its own words nor its heading decide. */
export function genreDefault(genre: Genre): Tense | undefined {
  return genre === 'report' ? 'past' : undefined;
}

/** A clean-text range whose figures take a tense from their table column. */
export interface TenseRange {
  start: number;
  end: number;
  tense: Tense;
  /** The row's task or item cell: what a bare figure in the cell ("完成45公里") measures. */
  subject?: string;
}

/** Ranges of table cells whose column fixes the tense: progress columns report, goal columns plan. */
export function tableTenseRanges(tables: readonly Table[]): TenseRange[] {
  const out: TenseRange[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const subject = row.cells.find((c) => c.role === 'task')?.text;
      for (const cell of row.cells) {
        const tense = cell.role === 'progress' ? 'past' : cell.role === 'goal' ? 'future' : undefined;
        if (tense) out.push({ start: cell.start, end: cell.end, tense, ...(subject ? { subject } : {}) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Walks sorted ranges forward as offsets grow: one pass over a document, however many figures. */
export class TenseCursor {
  private i = 0;
  constructor(private readonly ranges: readonly TenseRange[]) {}

  at(offset: number): Tense | undefined {
    return this.rangeAt(offset)?.tense;
  }

  rangeAt(offset: number): TenseRange | undefined {
    const r = this.ranges;
    while (this.i < r.length && r[this.i]!.end <= offset) this.i++;
    const cur = r[this.i];
    return cur && cur.start <= offset ? cur : undefined;
  }
}
