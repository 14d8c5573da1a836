import { equal, tileCount } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

/** A red task whose lead unit has not reported for the current period yet, with that unit's reporter and head. */
async function pickRedTask(office, regionId) {
  const dashboard = await office.api(`/api/regions/${regionId}/dashboard`);
  const accounts = await office.api(`/api/regions/${regionId}/accounts`);
  const period = dashboard.asOf.slice(0, 7);
  for (const red of dashboard.redList) {
    const reporter = accounts.find((a) => a.unitId === red.leadUnitId && a.role === 'reporter' && a.active);
    const head = accounts.find((a) => a.unitId === red.leadUnitId && a.role === 'unit_head' && a.active);
    if (!reporter || !head) continue;
    const task = await office.api(`/api/tasks/${red.taskId}`);
    if (task.reports.some((r) => r.period === period && r.status !== 'draft' && r.status !== 'returned'))
      continue;
    return { red, reporter, head };
  }
  throw new Error('no red task without a report for this period');
}

export const tests = [
  {
    name: 'reporter submits a completion report on a red task; head approves; office accepts; battle map updates',
    async run({ browser, base, screenshots }) {
      const setup = await asUser(
        browser,
        base,
        'nanhai.office',
        async (office) => {
          await office.page.getByTestId('battle-map').waitFor();
          const regionId = office.regionId();
          return {
            regionId,
            redCount: await tileCount(office.page, 'delayed'),
            doneCount: await tileCount(office.page, 'done'),
            ...(await pickRedTask(office, regionId)),
          };
        },
        { screenshots },
      );
      const { regionId, red, reporter, head } = setup;
      const taskPath = `/r/${regionId}/tasks/${red.taskId}`;

      await asUser(
        browser,
        base,
        reporter.username,
        async (s) => {
          await s.goto(taskPath);
          await s.page.getByTestId('report-open').click();
          await s.page.locator('#narrative').fill('任务各项工作已全部完成，配套政策已出台并通过验收。');
          await s.page.locator('#problems').fill('无');
          await s.page.locator('#claimsCompletion').check();
          // The client refuses a fake PDF before uploading anything.
          await s.page.locator('.ant-drawer input[type=file]').setInputFiles({
            name: '伪装.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('not a pdf'),
          });
          await s.page.getByText('内容与扩展名不符').waitFor();
          await s.page.locator('.ant-drawer input[type=file]').setInputFiles({
            name: '验收材料.txt',
            mimeType: 'text/plain',
            buffer: Buffer.from('验收意见：同意销号。'),
          });
          await s.page.getByText('已上传“验收材料.txt”').waitFor();
          await s.page.getByTestId('report-submit').click();
          await s.page.locator('[data-report-status="awaiting_head"]').first().waitFor();
          await s.page.getByText('验收材料.txt').first().waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        head.username,
        async (s) => {
          await s.goto(`/r/${regionId}/work`);
          const queue = s.page.getByTestId('report-queue');
          await queue.getByText(red.title.slice(0, 10)).first().waitFor();
          await queue.getByRole('button', { name: '同意上报' }).first().click();
          await s.page.getByText('已同意上报').waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/work`);
          const card = s.page
            .locator('.tz-report-card', { hasText: red.title.slice(0, 10) })
            .filter({ hasText: '申请销号' })
            .first();
          await card.getByRole('button', { name: '审核通过' }).click();
          await s.page.locator('.ant-modal .ant-rate-star').nth(3).click();
          await s.page
            .locator('.ant-modal')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await s.page.getByText('已审核通过').waitFor();
          await s.goto(`/r/${regionId}`);
          await s.page.getByTestId('battle-map').waitFor();
          equal(await tileCount(s.page, 'delayed'), setup.redCount - 1, 'red count after acceptance');
          equal(await tileCount(s.page, 'done'), setup.doneCount + 1, 'done count after acceptance');
          await s.goto(taskPath);
          await s.page.getByTestId('task-page').locator('[data-status="done"]').first().waitFor();
        },
        { screenshots },
      );
    },
  },
];
