import { equal, ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';
import { Session } from '../lib/session.mjs';

export const tests = [
  {
    name: 'a stale draft save (412) shows the other person’s change and lets the reporter redo theirs, never overwriting',
    async run({ browser, base, screenshots }) {
      const head = await Session.open(browser, base);
      await head.login('nanhai.gxj.head');
      try {
        await asUser(
          browser,
          base,
          'nanhai.gxj.reporter',
          async (s) => {
            // The 412 is what this test provokes; the browser logs it as a failed resource.
            s.allowed.push(/status of 412/);
            const regionId = s.regionId();
            const me = await s.api('/api/auth/me');
            const dashboard = await s.api(`/api/regions/${regionId}/dashboard`);
            const period = dashboard.asOf.slice(0, 7);
            const plans = await s.api(`/api/regions/${regionId}/plans`);
            const tasks = (await Promise.all(plans.map((p) => s.api(`/api/plans/${p.id}/tasks`))))
              .flat()
              .filter((t) => t.leadUnit?.id === me.unitId && t.status !== 'done');
            let task;
            for (const candidate of tasks) {
              const detail = await s.api(`/api/tasks/${candidate.id}`);
              if (!detail.reports.some((r) => r.period === period)) {
                task = candidate;
                break;
              }
            }
            ok(task, 'a task of the unit without a report this period');
            const created = await s.context.request.post(`${base}/api/tasks/${task.id}/reports`, {
              data: { period, progress: 55, narrative: '初稿', submit: false },
            });
            ok(created.ok(), 'draft created');
            const draft = await created.json();

            await s.goto(`/r/${regionId}/tasks/${task.id}`);
            await s.page.getByTestId('report-open').click();
            await s.page.locator('#narrative').fill('我的修改：完成调研报告');

            // Meanwhile the unit head edits the same draft.
            const theirs = await head.context.request.patch(`${base}/api/reports/${draft.id}`, {
              headers: { 'If-Match': `"${draft.version}"` },
              data: { narrative: '负责人的修改：补充数据', progress: 60 },
            });
            ok(theirs.ok(), 'head saved first');

            await s.page.getByRole('button', { name: '保存草稿' }).click();
            await s.page.getByText('数据已被他人修改').waitFor();
            await s.page.locator('.ant-modal').getByText('负责人的修改：补充数据').waitFor();
            await s.page.locator('.ant-modal').getByText('我的修改：完成调研报告').waitFor();
            // Nothing was overwritten.
            equal(
              (await s.api(`/api/reports/${draft.id}`)).narrative,
              '负责人的修改：补充数据',
              'stored narrative after the refused save',
            );

            await s.page.getByRole('button', { name: '在最新版本上重做' }).click();
            equal(
              await s.page.locator('#narrative').inputValue(),
              '负责人的修改：补充数据',
              'form shows the latest version',
            );
            await s.page.getByRole('button', { name: '填入我的修改' }).click();
            equal(
              await s.page.locator('#narrative').inputValue(),
              '我的修改：完成调研报告',
              'form holds the redone change',
            );
            await s.page.getByRole('button', { name: '保存草稿' }).click();
            await s.page.getByText('草稿已保存').waitFor();
            const stored = await s.api(`/api/reports/${draft.id}`);
            equal(stored.narrative, '我的修改：完成调研报告', 'redone change stored');
            equal(stored.version, draft.version + 2, 'saved on top of the head’s version');
          },
          { screenshots },
        );
      } finally {
        await head.close();
      }
    },
  },
];
