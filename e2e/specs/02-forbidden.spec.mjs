import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

export const tests = [
  {
    name: 'a reporter cannot open another unit’s task and is told so in Chinese (无权)',
    async run({ browser, base, screenshots }) {
      const { regionId, other } = await asUser(
        browser,
        base,
        'nanhai.office',
        async (office) => {
          const regionId = office.regionId();
          const accounts = await office.api(`/api/regions/${regionId}/accounts`);
          const fgj = accounts.find((a) => a.username === 'nanhai.fgj.reporter');
          const plans = await office.api(`/api/regions/${regionId}/plans`);
          const tasks = (await Promise.all(plans.map((p) => office.api(`/api/plans/${p.id}/tasks`)))).flat();
          const other = tasks.find(
            (t) => t.leadUnit && t.leadUnit.id !== fgj.unitId && !t.coUnits.some((u) => u.id === fgj.unitId),
          );
          return { regionId, other };
        },
        { screenshots },
      );
      ok(other, 'a task of another unit exists');

      await asUser(
        browser,
        base,
        'nanhai.fgj.reporter',
        async (s) => {
          // The API's 403 is the point of this test; the browser logs it as a failed resource.
          s.allowed.push(/status of 403/);
          await s.goto(`/r/${regionId}/tasks/${other.id}`);
          await s.page.getByText('无权查看该任务').waitFor();
          ok(!(await s.page.getByText(other.title).isVisible()), 'the task title is not shown');
        },
        { screenshots },
      );
    },
  },
  {
    name: 'an office of another region is refused in English when the page is in English, never in the server’s Chinese',
    async run({ browser, base, screenshots }) {
      const task = await asUser(
        browser,
        base,
        'nanhai.office',
        async (office) => {
          const plans = await office.api(`/api/regions/${office.regionId()}/plans`);
          return (await office.api(`/api/plans/${plans[0].id}/tasks`))[0];
        },
        { screenshots },
      );
      ok(task, 'a task of nanhai exists');

      await asUser(
        browser,
        base,
        'zjkfq.office',
        async (s) => {
          s.allowed.push(/status of 403/);
          await s.goto(`/r/${s.regionId()}/tasks/${task.id}`);
          await s.page.getByText('You have no access to this task').waitFor();
          await s.page.getByText('You have no access to another region’s data').waitFor();
          ok(
            !(await s.page.getByText('无权访问其他地区的数据').isVisible()),
            'the server’s Chinese is not shown',
          );
        },
        { screenshots, locale: 'en-US' },
      );
    },
  },
];
