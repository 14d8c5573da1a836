import { pickOption } from '../lib/select.mjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

// A programme the repository ships, so the import is exercised in any clone.
const document = fileURLToPath(
  new URL('../../demo/programmes/yuancheng-2026-congress-tasks.txt', import.meta.url),
);

export const tests = [
  {
    name: 'office imports a programme document through the wizard, fixes a lead unit and publishes it',
    async run({ browser, base, screenshots }) {
      ok(existsSync(document), `the programme document ${document}`);
      await asUser(
        browser,
        base,
        'yuancheng.office',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/import`);
          await s.page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(document);
          const review = s.page.getByTestId('import-review');
          await review.waitFor({ timeout: 60_000 });

          // Each proposed task shows its source span in the document.
          const firstRow = review.locator('.ant-table-tbody tr.ant-table-row').first();
          await firstRow.locator('td').nth(1).click();
          await s.page.getByTestId('import-highlight').waitFor();

          // Fix the lead unit of the first task from the region's unit list.
          const planId = /\/import\/([^/?#]+)/.exec(s.page.url())[1];
          const tasks = await s.api(`/api/plans/${planId}/tasks`);
          // One the document does not already give to 区发展和改革局, so choosing it is a change.
          const task =
            tasks.find((t) => !t.leadUnit) ?? tasks.find((t) => t.leadUnit?.name !== '区发展和改革局');
          const select = s.page.getByTestId(`lead-${task.id}`);
          await select.click();
          await pickOption(s.page, '区发展和改革局');
          await s.page.getByText(`任务 ${task.code} 的牵头单位已保存`).waitFor();
          const saved = await s.api(`/api/tasks/${task.id}`);
          ok(saved.leadUnit?.name === '区发展和改革局', 'lead unit stored');

          // Another day: the import answer is gone from the tab, and the ledger still knows each task's sentence.
          await s.page.evaluate(() => sessionStorage.clear());
          await s.page.reload();
          await review.waitFor({ timeout: 60_000 });
          await review.locator('.ant-table-tbody tr.ant-table-row').first().locator('td').nth(1).click();
          const marked = await s.page.getByTestId('import-highlight').textContent();
          const { text } = await s.api(`/api/plans/${planId}/source`);
          ok(
            tasks[0].source && marked === text.slice(tasks[0].source.start, tasks[0].source.end),
            `the first task's own span is highlighted (${marked})`,
          );

          await s.page.getByTestId('import-publish').click();
          await s.page
            .locator('.ant-popconfirm')
            .getByRole('button', { name: /发\s*布/ })
            .click();
          await s.page.getByTestId('ledger').waitFor();
          ok(s.page.url().includes(`plan=${planId}`), 'ledger filtered to the new plan');
          const plan = await s.api(`/api/plans/${planId}`);
          ok(plan.plan.status === 'published', 'plan published');
          await s.page.getByTestId('ledger').locator('.ant-table-row').first().waitFor();
        },
        { screenshots },
      );
    },
  },
];
