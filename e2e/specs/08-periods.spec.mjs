import { equal, ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

const REPORTER = 'nanhai.kjj.reporter';

export const tests = [
  {
    name: 'a reporter sees what is owed; a closed period takes no report until the office reopens it',
    async run({ browser, base, screenshots }) {
      // The reporter's work page lists what the unit owes, with due dates; pick the first owed period.
      const owed = await asUser(
        browser,
        base,
        REPORTER,
        async (s) => {
          const regionId = s.regionId();
          const list = await s.api(`/api/regions/${regionId}/owed-reports`);
          const item = list.find((o) => o.report === null);
          ok(item, 'a period the science bureau still owes, without a draft');
          await s.goto(`/r/${regionId}/work`);
          const row = s.page.getByTestId(`owed-${item.taskId}-${item.period}`);
          await row.waitFor();
          await row.getByText(/前报送|后不再受理/).waitFor();
          return { regionId, ...item };
        },
        { screenshots },
      );
      const taskPath = `/r/${owed.regionId}/tasks/${owed.taskId}`;

      // The office closes that period for the task from the task page.
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(taskPath);
          const period = s.page.getByTestId(`period-${owed.period}`);
          await period.getByTestId(`period-${owed.period}-action`).click();
          await s.page
            .locator('.ant-popconfirm')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await s.page.locator(`[data-testid="period-${owed.period}"][data-state="closed"]`).waitFor();
        },
        { screenshots },
      );

      // The reporter can no longer report into it: the API refuses, and the work page no longer lists it.
      await asUser(
        browser,
        base,
        REPORTER,
        async (s) => {
          const res = await s.context.request.post(`${base}/api/tasks/${owed.taskId}/reports`, {
            data: { period: owed.period, progress: 50, narrative: '逾期报送' },
          });
          equal(res.status(), 409, 'a report into a closed period');
          equal((await res.json()).error.reason, 'period.closed', 'the refusal');
          await s.goto(`/r/${owed.regionId}/work`);
          await s.page.getByTestId('owed-reports').waitFor();
          equal(
            await s.page.getByTestId(`owed-${owed.taskId}-${owed.period}`).count(),
            0,
            'the closed period in the owed list',
          );
        },
        { screenshots },
      );

      // The office reopens it for a late report (补报).
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(taskPath);
          const period = s.page.getByTestId(`period-${owed.period}`);
          await period.getByRole('button', { name: '开放补报' }).click();
          await s.page
            .locator('.ant-popconfirm')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await s.page.locator(`[data-testid="period-${owed.period}"][data-state="reopened"]`).waitFor();
        },
        { screenshots },
      );

      // Now the report goes in: from the owed list into the editor on that period; at 100% the editor asks
      // about 申请销号 first.
      await asUser(
        browser,
        base,
        REPORTER,
        async (s) => {
          await s.goto(`/r/${owed.regionId}/work`);
          const row = s.page.getByTestId(`owed-${owed.taskId}-${owed.period}`);
          await row.getByRole('button', { name: /去\s*填\s*报/ }).click();
          await s.page.waitForURL(/\?report=/);
          await s.page.locator('#narrative').fill('经改革办同意补报：本期完成专项调研并形成工作方案。');
          await s.page.getByRole('spinbutton', { name: '完成进度' }).fill('100');
          await s.page.locator('.ant-drawer input[type=file]').setInputFiles({
            name: '补报说明.txt',
            mimeType: 'text/plain',
            buffer: Buffer.from('补报说明：经改革办同意补报。'),
          });
          await s.page.getByText('已上传“补报说明.txt”').waitFor();
          await s.page.getByTestId('report-submit').click();
          await s.page.getByText('进度已达100%，是否申请销号？').waitFor();
          await s.page.getByTestId('completion-skip').click();
          await s.page.getByText('已提交').first().waitFor();
          const reports = await s.api(`/api/tasks/${owed.taskId}/reports`);
          const filed = reports.find((r) => r.period === owed.period);
          ok(filed, 'the late report');
          equal(filed.status, 'awaiting_head', 'the late report’s status');
          equal(filed.claimsCompletion, false, 'the report applies for completion');
        },
        { screenshots },
      );

      // The unit head sees the evidence on the queue card, and sends the report back with a reason.
      const reason = '请补充调研报告正文';
      await asUser(
        browser,
        base,
        'nanhai.kjj.head',
        async (s) => {
          await s.goto(`/r/${owed.regionId}/work`);
          const card = s.page
            .getByTestId('report-queue')
            .locator('.tz-report-card', { hasText: owed.taskTitle });
          const link = card.getByRole('link', { name: /补报说明\.txt/ });
          await link.waitFor();
          ok((await link.getAttribute('href'))?.startsWith('/api/files/'), 'the evidence link');
          await card.getByRole('button', { name: /退\s*回\s*修\s*改/ }).click();
          await s.page.locator('.ant-modal textarea').fill(reason);
          await s.page
            .locator('.ant-modal')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await s.page.getByText('已退回修改').first().waitFor();
        },
        { screenshots },
      );

      // The reporter sees it labelled as sent back, with the reason and the way to resubmit.
      await asUser(
        browser,
        base,
        REPORTER,
        async (s) => {
          await s.goto(`/r/${owed.regionId}/work`);
          const card = s.page
            .getByTestId('report-queue')
            .locator('.tz-report-card', { hasText: owed.taskTitle });
          await card.locator('[data-report-status="draft"]', { hasText: '已退回修改' }).waitFor();
          await card.getByText(reason).waitFor();
          await card.getByRole('button', { name: '修改后重新提交' }).click();
          await s.page.waitForURL(/\?report=/);
          await s.page.locator('.ant-drawer').getByText(reason).waitFor();
        },
        { screenshots },
      );
    },
  },
];
