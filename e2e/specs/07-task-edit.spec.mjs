import { join } from 'node:path';
import { equal, ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';
import { Session } from '../lib/session.mjs';

const shot = (s, screenshots, name) =>
  s.page.screenshot({ path: join(screenshots, name), fullPage: true, animations: 'disabled' });

async function pickTask(s) {
  const regionId = s.regionId();
  const plans = await s.api(`/api/regions/${regionId}/plans`);
  const tasks = (await Promise.all(plans.map((p) => s.api(`/api/plans/${p.id}/tasks`))))
    .flat()
    .filter((t) => t.status !== 'done' && t.leadUnit);
  ok(tasks.length > 0, 'an open task with a lead unit');
  return { regionId, task: tasks[0] };
}

async function setDate(page, id, value) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export const tests = [
  {
    name: 'office edits a task (due date, leader), keeps its roadmap, and redoes a stale save (412) on the latest version',
    async run({ browser, base, screenshots }) {
      const stamp = Date.now() % 100000;
      const other = await Session.open(browser, base);
      await other.login('nanhai.office');
      try {
        await asUser(
          browser,
          base,
          'nanhai.office',
          async (s) => {
            s.allowed.push(/status of 412/);
            const { regionId, task } = await pickTask(s);
            await s.goto(`/r/${regionId}/tasks/${task.id}`);

            // 1. Edit the due date and the leader.
            await s.page.getByTestId('task-edit-open').click();
            const drawer = s.page.locator('.ant-drawer');
            await drawer.locator('#leaderName').fill(`李四${stamp}`);
            await setDate(s.page, 'dueDate', '2027-06-30');
            await shot(s, screenshots, 'task-edit-drawer-zh-1440.png');
            await s.page.getByTestId('task-edit-save').click();
            await s.page.getByText('任务已保存').waitFor();
            await s.page.getByTestId('task-page').getByText(`李四${stamp}`).waitFor();
            await s.page.getByTestId('task-page').getByText('2027年6月30日').waitFor();
            let stored = await s.api(`/api/tasks/${task.id}`);
            equal(stored.leaderName, `李四${stamp}`, 'leader stored');
            equal(stored.dueDate, '2027-06-30', 'due date stored');

            // 2. Roadmap: add a milestone and mark it done.
            const title = `完成试点评估（e2e ${stamp}）`;
            const roadmap = s.page.getByTestId('milestones');
            await roadmap.getByTestId('milestone-add-open').click();
            const form = roadmap.getByTestId('milestone-add-form');
            await form.locator('#title').fill(title);
            await setDate(s.page, 'dueDate', '2027-03-31');
            await form.getByRole('button', { name: '添加节点' }).click();
            await s.page.getByText('节点已添加').waitFor();
            const item = roadmap.getByTestId('milestone').filter({ hasText: title });
            await item.getByTestId('milestone-done').click();
            // The done date defaults to today; the user may pick an earlier day.
            await s.page.getByTestId('milestone-done-confirm').click();
            await s.page.getByText('节点已标记完成').waitFor();
            await item.getByText(/完成$/).waitFor();
            stored = await s.api(`/api/tasks/${task.id}`);
            const milestone = stored.milestones.find((m) => m.title === title);
            ok(milestone?.doneDate, 'milestone done');
            equal(
              milestone.doneDate,
              new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
              'done today in Shanghai',
            );

            // 3. A stale save: someone else saves first; nothing is overwritten; the user redoes theirs.
            await s.page.getByTestId('task-edit-open').click();
            await drawer.locator('#leaderName').fill(`王五${stamp}`);
            const theirs = await other.context.request.patch(`${base}/api/tasks/${task.id}`, {
              headers: { 'If-Match': `"${stored.version}"` },
              data: { leaderName: `赵六${stamp}`, workStandard: `对方的工作标准${stamp}` },
            });
            ok(theirs.ok(), `the other office saved first (${theirs.status()})`);
            await s.page.getByTestId('task-edit-save').click();
            const modal = s.page.locator('.ant-modal');
            await modal.getByText('数据已被他人修改').waitFor();
            await modal.getByText(`赵六${stamp}`).waitFor();
            await modal.getByText(`王五${stamp}`).waitFor();
            await shot(s, screenshots, 'task-edit-conflict-zh-1440.png');
            equal((await s.api(`/api/tasks/${task.id}`)).leaderName, `赵六${stamp}`, 'nothing overwritten');
            await modal.getByRole('button', { name: '在最新版本上重做' }).click();
            equal(
              await drawer.locator('#leaderName').inputValue(),
              `赵六${stamp}`,
              'form shows the latest version',
            );
            await drawer.getByRole('button', { name: '填入我的修改' }).click();
            equal(
              await drawer.locator('#leaderName').inputValue(),
              `王五${stamp}`,
              'form holds the redone change',
            );
            await s.page.getByTestId('task-edit-save').click();
            // The first save's message may still be on screen.
            await s.page.getByText('任务已保存').last().waitFor();
            await s.page.getByTestId('task-page').getByText(`王五${stamp}`).waitFor();
            stored = await s.api(`/api/tasks/${task.id}`);
            equal(stored.leaderName, `王五${stamp}`, 'redone change stored');
            equal(stored.workStandard, `对方的工作标准${stamp}`, 'the other person’s change kept');
            await shot(s, screenshots, 'task-edit-page-zh-1440.png');
          },
          { screenshots },
        );
      } finally {
        await other.close();
      }

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const { regionId, task } = await pickTask(s);
          await s.goto(`/r/${regionId}/tasks/${task.id}`);
          await s.page.getByTestId('task-edit-open').waitFor();
          await shot(s, screenshots, 'task-edit-page-zh-375.png');
          await s.page.getByTestId('task-edit-open').click();
          await s.page.locator('.ant-drawer #leaderName').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'task-edit-drawer-zh-375.png'),
            animations: 'disabled',
          });
        },
        { screenshots, width: 375, height: 812 },
      );
    },
  },
];
