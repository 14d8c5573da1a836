// The 改革任务台账 sheet as offices lay it out (see LEDGER_COLUMNS), from a model the service builds.
import { LEDGER_COLUMNS, progressLabels } from '../../domain/ledger-columns.js';
import type { CellFill, CellValue, SheetColumn } from './sheet-kit.js';
import { writeWorkbook } from './sheet-kit.js';

export interface LedgerSheetTask {
  kind: 'task';
  id: string;
  code: string;
  title: string;
  measures: string;
  leadUnit: string;
  coUnits: string;
  leader: string;
  due: string;
  output: string;
  /** One note per period of the plan's year, in order (12 months or 4 quarters). */
  progress: readonly string[];
  status: { label: string; fill: CellFill };
  problems: string;
  nextSteps: string;
  remark: string;
}

export type LedgerSheetLine = { kind: 'area'; text: string } | LedgerSheetTask;

export interface LedgerSheetModel {
  title: string;
  info: [string, string, string];
  cadence: 'monthly' | 'quarterly';
  lines: Iterable<LedgerSheetLine>;
}

function columnsOf(cadence: 'monthly' | 'quarterly'): SheetColumn[] {
  const out: SheetColumn[] = [];
  for (const c of LEDGER_COLUMNS) {
    if (c.key === 'progress') {
      for (const label of progressLabels(cadence))
        out.push({ header: label, group: c.header, width: cadence === 'monthly' ? 12 : 18 });
      continue;
    }
    out.push({
      header: c.header,
      width: c.width,
      hidden: c.key === 'id',
      align: c.key === 'seq' || c.key === 'status' || c.key === 'due' ? 'center' : 'left',
    });
  }
  return out;
}

function cellsOf(task: LedgerSheetTask, periods: number): CellValue[] {
  const progress = Array.from({ length: periods }, (_, i) => task.progress[i] ?? '');
  return [
    task.code,
    task.title,
    task.measures,
    task.leadUnit,
    task.coUnits,
    task.leader,
    task.due,
    task.output,
    ...progress,
    task.status.label,
    task.problems,
    task.nextSteps,
    task.remark,
    task.id,
  ];
}

/** Writes the ledger workbook: one sheet named 台账. */
export function writeLedgerWorkbook(model: LedgerSheetModel): Promise<Buffer> {
  const columns = columnsOf(model.cadence);
  const periods = progressLabels(model.cadence).length;
  const statusIndex = LEDGER_COLUMNS.findIndex((c) => c.key === 'status') - 1 + periods;
  return writeWorkbook((add) => {
    const sheet = add({ name: '台账', title: model.title, info: model.info, columns });
    for (const line of model.lines) {
      if (line.kind === 'area') sheet.band(line.text);
      else sheet.row(cellsOf(line, periods), new Map([[statusIndex, line.status.fill]]));
    }
    sheet.done();
  });
}
