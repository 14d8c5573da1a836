/* global document, window -- used inside page.evaluate, which runs in the browser */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

/** The 1-based column whose row-3 header is `text`. */
function columnOf(ws, text) {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(3, c).text === text) return c;
  throw new Error(`no column ${text}`);
}

export const tests = [
  {
    name: 'office exports the ledger from the ledger page, edits a due date, re-imports it through the wizard, sees the dry run, applies it',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          const plans = await s.api(`/api/regions/${regionId}/plans`);
          const plan = plans[0];
          await s.goto(`/r/${regionId}/ledger?plan=${plan.id}`);
          await s.page.getByTestId('ledger-count').waitFor();
          const [download] = await Promise.all([
            s.page.waitForEvent('download'),
            s.page.getByTestId('ledger-export').click(),
          ]);
          const file = join(tmpdir(), `e2e-ledger-${Date.now()}.xlsx`);
          await download.saveAs(file);
          ok(download.suggestedFilename().endsWith('.xlsx'), 'an .xlsx download');

          // Edit one due date as a person would in Excel.
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(readFileSync(file));
          const ws = wb.worksheets[0];
          ok(ws.getCell('I3').text === '进展情况', 'the merged 进展情况 header');
          const idCol = columnOf(ws, '系统编号(勿改)');
          let row = 5;
          while (!ws.getCell(row, idCol).text) row++;
          ws.getCell(row, columnOf(ws, '完成时限')).value = '2026年12月25日';
          writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

          await s.goto(`/r/${regionId}/excel`);
          await s.page.getByTestId('excel-import').locator('input[type=file]').setInputFiles(file);
          await s.page.getByTestId('excel-columns').waitFor();
          await s.page.getByTestId('excel-columns').getByText('完成时限').waitFor();
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/17-excel-columns.png`, fullPage: true });
          await s.page.getByTestId('excel-next').click();
          const preview = s.page.getByTestId('excel-preview');
          await preview.waitFor();
          await preview.getByText('2026-12-25').waitFor();
          const counts = await s.page.getByTestId('excel-counts').innerText();
          ok(/更新\s*1/.test(counts), `one update in the preview: ${counts}`);
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/17-excel-preview.png`, fullPage: true });
          await s.page.getByTestId('excel-apply').click();
          await s.page.getByTestId('excel-done').waitFor();
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/17-excel-done.png`, fullPage: true });
          const tasks = await s.api(`/api/plans/${plan.id}/tasks`);
          ok(
            tasks.some((t) => t.dueDate === '2026-12-25'),
            'the edited due date is stored',
          );
        },
        { screenshots },
      );
    },
  },
  {
    name: 'on a phone (375 px) the export button and the wizard fit the screen',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/ledger`);
          await s.page.getByTestId('ledger-export').waitFor();
          if (screenshots) await s.page.screenshot({ path: `${screenshots}/17-excel-ledger-375.png` });
          await s.goto(`/r/${regionId}/excel`);
          await s.page.getByTestId('excel-import').waitFor();
          const overflow = await s.page.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth,
          );
          ok(!overflow, 'no sideways scrolling');
          if (screenshots) await s.page.screenshot({ path: `${screenshots}/17-excel-wizard-375.png` });
        },
        { screenshots, width: 375, height: 740 },
      );
    },
  },
];
