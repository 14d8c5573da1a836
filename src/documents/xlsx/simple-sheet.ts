// A titled table of plain rows (督办件, 报送表): the sheet kit with one header row.
import type { CellValue, SheetColumn } from './sheet-kit.js';
import { writeWorkbook } from './sheet-kit.js';

export interface SimpleSheetModel {
  name: string;
  title: string;
  info?: readonly string[];
  columns: readonly SheetColumn[];
  rows: Iterable<readonly CellValue[]>;
}

export function writeSimpleWorkbook(model: SimpleSheetModel): Promise<Buffer> {
  return writeWorkbook((add) => {
    const sheet = add({
      name: model.name,
      title: model.title,
      columns: model.columns,
      ...(model.info && { info: model.info }),
    });
    for (const row of model.rows) sheet.row(row);
    sheet.done();
  });
}
