/* global document, window -- used inside page.evaluate, which runs in the browser */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

/** The 1-based column whose header in `row` is `text`. */
function columnOf(ws, text, row = 3) {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(row, c).text === text) return c;
  throw new Error(`no column ${text}`);
}

async function download(page, testId, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(tmpdir(), `e2e-${name}-${Date.now()}.xlsx`);
  await file.saveAs(path);
  ok(file.suggestedFilename().endsWith('.xlsx'), `${name}: an .xlsx download`);
  return path;
}

export const tests = [
  {
    name: 'office marks a task 长期坚持 and adds a progress note in Excel; the task page shows both, the note beside the unit’s words',
    async run({ browser, base, screenshots }) {
      let taskUrl = '';
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          const plan = (await s.api(`/api/regions/${regionId}/plans`))[0];
          await s.goto(`/r/${regionId}/ledger?plan=${plan.id}`);
          await s.page.getByTestId('ledger-count').waitFor();
          const file = await download(s.page, 'ledger-export', 'ledger');

          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(readFileSync(file));
          const ws = wb.worksheets[0];
          const idCol = columnOf(ws, '系统编号(勿改)');
          let row = 5;
          while (!ws.getCell(row, idCol).text) row++;
          const taskId = ws.getCell(row, idCol).text;
          ws.getCell(row, columnOf(ws, '完成时限')).value = '长期坚持';
          const march = ws.getCell(row, columnOf(ws, '3月', 4));
          march.value = march.text ? `${march.text}\n区督查室已现场核实` : '区督查室已现场核实';
          ws.getCell(row, columnOf(ws, '备注')).value = '列入重点督办';
          writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

          await s.goto(`/r/${regionId}/excel`);
          await s.page.getByTestId('excel-import').locator('input[type=file]').setInputFiles(file);
          await s.page.getByTestId('excel-columns').waitFor();
          await s.page.getByTestId('excel-next').click();
          const preview = s.page.getByTestId('excel-preview');
          await preview.waitFor();
          await preview.getByText('区督查室已现场核实').first().waitFor();
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/22-excel-notes-preview.png`, fullPage: true });
          await s.page.getByTestId('excel-apply').click();
          await s.page.getByTestId('excel-done').waitFor();

          taskUrl = `/r/${regionId}/tasks/${taskId}`;
          await s.goto(taskUrl);
          await s.page.getByTestId('task-ongoing').waitFor();
          await s.page.getByTestId(`ledger-note-${plan.year}-03`).getByText('区督查室已现场核实').waitFor();
          await s.page.getByText('列入重点督办').waitFor();
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/22-excel-notes-task.png`, fullPage: true });

          await s.goto(`/r/${regionId}/projects`);
          await download(s.page, 'projects-export', 'projects');
          await s.goto(`/r/${regionId}/indicators`);
          await download(s.page, 'indicators-export', 'indicators');
          if (screenshots) await s.page.screenshot({ path: `${screenshots}/22-excel-indicators.png` });
        },
        { screenshots },
      );
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(taskUrl);
          await s.page.getByTestId('task-ongoing').waitFor();
          const overflow = await s.page.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth,
          );
          ok(!overflow, 'no sideways scrolling on the task page');
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/22-excel-notes-task-375.png`, fullPage: true });
          await s.goto(`/r/${s.regionId()}/projects`);
          await s.page.getByTestId('projects-export').waitFor();
          if (screenshots) await s.page.screenshot({ path: `${screenshots}/22-excel-projects-375.png` });
        },
        { screenshots, width: 375, height: 740 },
      );
    },
  },
  {
    name: 'office re-imports the key-project table with one total edited: the wizard previews exactly that change and applies it',
    async run({ browser, base, screenshots }) {
      let file = '';
      let name = '';
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/projects`);
          file = await download(s.page, 'projects-export', 'projects-import');
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(readFileSync(file));
          const ws = wb.worksheets[0];
          const header = (() => {
            for (let r = 1; r <= 10; r++) if (ws.getCell(r, 2).text === '项目') return r;
            throw new Error('no header');
          })();
          const row = header + 2;
          name = ws.getCell(row, 2).text;
          const total = ws.getCell(row, columnOf(ws, '总投资', header));
          total.value = Number(total.text || '0') + 1;
          writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

          await s.page.getByTestId('projects-import').click();
          await s.page.getByTestId('excel-import').locator('input[type=file]').setInputFiles(file);
          await s.page.getByTestId('excel-columns').waitFor();
          await s.page.getByTestId('excel-next').click();
          const preview = s.page.getByTestId('excel-preview');
          await preview.waitFor();
          await preview.getByText(name).first().waitFor();
          ok((await preview.getByText('更新：').count()) === 1, 'exactly one project updated');
          if (screenshots)
            await s.page.screenshot({ path: `${screenshots}/22-excel-projects-preview.png`, fullPage: true });
          await s.page.getByTestId('excel-apply').click();
          await s.page.getByTestId('excel-done').waitFor();
        },
        { screenshots },
      );
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          // The same sheet again is now the record: nothing to change.
          await s.goto(`/r/${s.regionId()}/excel?kind=projects`);
          await s.page.getByTestId('excel-import').locator('input[type=file]').setInputFiles(file);
          await s.page.getByTestId('excel-next').click();
          await s.page.getByTestId('excel-preview').waitFor();
          ok(
            (await s.page.getByTestId('excel-preview').getByText('更新：').count()) === 0,
            'nothing left to update',
          );
          const overflow = await s.page.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth,
          );
          ok(!overflow, 'no sideways scrolling on the import preview');
          if (screenshots)
            await s.page.screenshot({
              path: `${screenshots}/22-excel-projects-preview-375.png`,
              fullPage: true,
            });
        },
        { screenshots, width: 375, height: 740 },
      );
    },
  },
];
