import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

export const tests = [
  {
    name: 'office issues a notice; it reaches the unit’s inbox and takes a response; office closes it; leader adds an instruction',
    async run({ browser, base, screenshots }) {
      const body = `请于本周内报送整改措施（e2e ${Date.now() % 100000}）`;
      const { regionId, task } = await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          const accounts = await s.api(`/api/regions/${regionId}/accounts`);
          const unitId = accounts.find((a) => a.username === 'nanhai.zjj.reporter').unitId;
          const plans = await s.api(`/api/regions/${regionId}/plans`);
          const task = (await Promise.all(plans.map((p) => s.api(`/api/plans/${p.id}/tasks`))))
            .flat()
            .find((t) => t.leadUnit?.id === unitId);
          ok(task, 'a task led by 区住房和城乡建设局');
          await s.goto(`/r/${regionId}/tasks/${task.id}`);
          const form = s.page.locator('.tz-issue-form');
          await form.locator('#body').fill(body);
          await form.getByRole('button', { name: '发出督办' }).click();
          await s.page.getByText('督办已发出').waitFor();
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
          const notice = s.page.getByTestId('notice-inbox').locator('.tz-notice', { hasText: body });
          await notice.locator('textarea').fill('已召开专题会议，本周五前报送整改措施。');
          await notice.getByRole('button', { name: /反\s*馈/ }).click();
          await s.page.getByText('已反馈').first().waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/work`);
          const notice = s.page.getByTestId('notice-inbox').locator('.tz-notice', { hasText: body });
          await notice.getByText('已召开专题会议').waitFor();
          await notice.getByRole('button', { name: /办\s*结/ }).click();
          await s.page.getByText('已办结').first().waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.leader',
        async (s) => {
          await s.goto(`/r/${regionId}/tasks/${task.id}`);
          await s.page.getByPlaceholder('请输入批示内容').fill('请住建局加快推进，月底前见成效。');
          await s.page.getByRole('button', { name: '写批示' }).click();
          await s.page.getByText('批示已发出').waitFor();
          await s.page.getByText('请住建局加快推进，月底前见成效。').first().waitFor();
        },
        { screenshots },
      );
    },
  },
];
