import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';
import { Session } from '../lib/session.mjs';
import { startServer } from '../lib/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const DAY = 86_400_000;
const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A task led by 区住房和城乡建设局, whose reporter is nanhai.zjj.reporter. */
async function housingTask(s) {
  const regionId = s.regionId();
  const units = await s.api(`/api/regions/${regionId}/units`);
  const unitId = units.find((u) => u.name === '区住房和城乡建设局').id;
  const plans = await s.api(`/api/regions/${regionId}/plans`);
  const task = (await Promise.all(plans.map((p) => s.api(`/api/plans/${p.id}/tasks`))))
    .flat()
    .find((t) => t.leadUnit?.id === unitId);
  ok(task, 'a task led by 区住房和城乡建设局');
  return { regionId, task };
}

async function shoot(browser, base, screenshots, path, ready, name) {
  for (const locale of ['zh-CN', 'en-US'])
    for (const width of [1440, 375]) {
      const s = await Session.open(browser, base, { locale, width, height: width > 400 ? 900 : 812 });
      try {
        await s.login('nanhai.office');
        await s.goto(path);
        await ready(s.page);
        await s.page.waitForLoadState('networkidle');
        await s.page.screenshot({
          path: join(screenshots, `${name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}.png`),
          fullPage: true,
          animations: 'disabled',
        });
        s.assertNoConsoleErrors();
      } finally {
        await s.close();
      }
    }
}

export const tests = [
  {
    name: 'a notice issued with a deadline of 2 working days shows 逾期 once the server’s clock passes it',
    async run({ browser, screenshots }) {
      const body = `请于2个工作日内报送整改措施（e2e ${Date.now() % 100000}）`;
      const dataDir = mkdtempSync(join(tmpdir(), 'taizhang-e2e-clock-'));
      // The server's clock is set a week ahead, never behind: the browser drops a session cookie whose
      // expiry, stamped by the server's clock, is already past by its own.
      const issuedOn = dateOf(Date.now() + 7 * DAY);
      try {
        let server = await startServer(root, { dataDir, env: { TAIZHANG_NOW: `${issuedOn}T02:00:00Z` } });
        let regionId;
        let due;
        try {
          ({ regionId, due } = await asUser(
            browser,
            server.base,
            'nanhai.office',
            async (s) => {
              const { regionId, task } = await housingTask(s);
              const expected = await s.api('/api/calendar/deadline?workingDays=2');
              ok(expected.from === issuedOn, `server today ${expected.from}, wanted ${issuedOn}`);
              await s.goto(`/r/${regionId}/tasks/${task.id}`);
              const form = s.page.locator('.tz-issue-form').first();
              await form.locator('#body').fill(body);
              await form.locator('.tz-deadline-days input').fill('2');
              const [y, m, d] = expected.due.split('-').map(Number);
              await form.getByTestId('deadline-preview').getByText(`${y}年${m}月${d}日`).waitFor();
              await form.getByRole('button', { name: '发出督办' }).click();
              await s.page.getByText('督办已发出').waitFor();
              const notices = await s.api(`/api/regions/${regionId}/notices?taskId=${task.id}`);
              const issued = notices.find((n) => n.body === body);
              ok(issued?.responseDue === expected.due, `due ${expected.due}, got ${issued?.responseDue}`);
              ok(issued.overdueDays === 0, 'not overdue when issued');
              return { regionId, due: expected.due };
            },
            { screenshots },
          ));
        } finally {
          await server.stop();
        }

        // Three days past the deadline, on the same data: unanswered, so overdue.
        const later = dateOf(Date.parse(`${due}T02:00:00Z`) + 3 * DAY);
        server = await startServer(root, { dataDir, env: { TAIZHANG_NOW: `${later}T02:00:00Z` } });
        try {
          await asUser(
            browser,
            server.base,
            'nanhai.office',
            async (s) => {
              await s.goto(`/r/${regionId}/notices?state=overdue`);
              const row = s.page.getByTestId('notice-table').locator('.ant-table-row', { hasText: body });
              await row.getByTestId('overdue-tag').getByText('逾期3天').waitFor();
              // The state filter lives in the URL: the segmented control shows it after a reload.
              await s.page.reload();
              await s.page.locator('.ant-segmented-item-selected', { hasText: '已逾期' }).waitFor();
              await row.waitFor();
            },
            { screenshots },
          );
          await asUser(
            browser,
            server.base,
            'nanhai.zjj.reporter',
            async (s) => {
              await s.goto(`/r/${regionId}/work`);
              const notice = s.page.getByTestId('notice-inbox').locator('.tz-notice', { hasText: body });
              await notice.getByText('逾期3天').waitFor();
            },
            { screenshots },
          );
          await shoot(
            browser,
            server.base,
            screenshots,
            `/r/${regionId}/notices?state=overdue`,
            (page) => page.getByTestId('notice-table').locator('.ant-table-row').first().waitFor(),
            'notices-overdue',
          );
        } finally {
          await server.stop();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'a leader’s instruction reaches the lead unit’s inbox with its deadline; the unit replies and the leader sees it',
    async run({ browser, base, screenshots }) {
      const body = `请住建局加快推进，3个工作日内报告进展（e2e ${Date.now() % 100000}）`;
      const reply = '已召开专题会议部署，本周内报送推进方案。';
      const { regionId, task } = await asUser(
        browser,
        base,
        'nanhai.leader',
        async (s) => {
          const { regionId, task } = await housingTask(s);
          await s.goto(`/r/${regionId}/tasks/${task.id}`);
          const form = s.page.locator('.tz-instruct-form');
          await form.getByPlaceholder('请输入批示内容').fill(body);
          // The lead unit is the default addressee.
          await form.locator('.tz-instruct-unit').getByText('区住房和城乡建设局').waitFor();
          await form.locator('.tz-deadline-days input').fill('3');
          await form.getByTestId('deadline-preview').waitFor();
          await form.getByRole('button', { name: '写批示' }).click();
          await s.page.getByText('批示已发出').waitFor();
          const item = s.page.locator('.tz-instruction-item', { hasText: body });
          await item.getByText('交区住房和城乡建设局办理').waitFor();
          await item.getByText('待回复').waitFor();
          return { regionId, task };
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.zjj.reporter',
        async (s) => {
          await s.goto(`/r/${regionId}/work`);
          const item = s.page
            .getByTestId('instruction-inbox')
            .locator('.tz-instruction-item', { hasText: body });
          await item.locator('textarea').fill(reply);
          await item.getByRole('button', { name: /回\s*复/ }).click();
          await s.page.getByText('已回复').first().waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.leader',
        async (s) => {
          await s.goto(`/r/${regionId}/tasks/${task.id}`);
          await s.page.locator('.tz-instruction-item', { hasText: body }).getByText(reply).waitFor();
          await s.goto(`/r/${regionId}/notices?tab=instructions`);
          const row = s.page.getByTestId('instruction-table').locator('.ant-table-row', { hasText: body });
          await row.getByText('已回复').waitFor();
          await row.locator('.ant-table-row-expand-icon').click();
          await s.page.getByTestId('instruction-table').getByText(reply).waitFor();
        },
        { screenshots },
      );
      await shoot(
        browser,
        base,
        screenshots,
        `/r/${regionId}/notices?tab=instructions`,
        (page) => page.getByTestId('instruction-table').locator('.ant-table-row').first().waitFor(),
        'notices-instructions',
      );
    },
  },
];
