import { pickOption } from '../lib/select.mjs';
import { equal, ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

// A short programme: items numbered through the document, a lead unit written as an abbreviation (区发改局,
// 区住建局), one task with no lead unit that names a town, and a time limit the import cannot read.
const programme = (stamp) => `源城区2026年民生实事工作方案（${stamp}）

一、教育提升
1.建设新校区。新建公办学校一所，2026年秋季学期前投入使用。（牵头单位：区教育局）
2.推进集团化办学。完善集团章程和考核办法。（牵头单位：区发改局；配合单位：区财政局）

二、城市提升
3.整治背街小巷。支持上城街道先行探索，形成可复制的做法。（配合单位：区财政局）
4.完善社区公共服务设施。新建社区服务中心两个。（牵头单位：区住建局）
`;

export const tests = [
  {
    name: 'office gives several imported tasks one lead unit, takes up the suggested ones, and sees the unread time limit',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'yuancheng.office',
        async (s) => {
          const regionId = s.regionId();
          const stamp = Date.now().toString(36);
          await s.goto(`/r/${regionId}/import`);
          await s.page
            .getByTestId('import-upload')
            .locator('input[type=file]')
            .setInputFiles({
              name: `bulk-${stamp}.txt`,
              mimeType: 'text/plain',
              buffer: Buffer.from(programme(stamp), 'utf8'),
            });
          const review = s.page.getByTestId('import-review');
          await review.waitFor({ timeout: 60_000 });
          const planId = /\/import\/([^/?#]+)/.exec(s.page.url())[1];
          let tasks = await s.api(`/api/plans/${planId}/tasks`);
          // The document's own numbering, not 1.1, 1.2, 2.1, 2.2.
          equal(tasks.map((t) => t.code).join(','), '1,2,3,4', 'codes kept from the document');
          const byCode = Object.fromEntries(tasks.map((t) => [t.code, t]));
          ok(!byCode['1'].dueDate, 'the unread limit sets no due date');
          await review.getByTestId('unread-deadline').filter({ hasText: '2026年秋季学期前' }).waitFor();
          await review.getByText('任务1的时限“2026年秋季学期前”未能识别为日期', { exact: false }).waitFor();

          // Suggestions beside the tasks whose lead the region does not have under that name.
          await review
            .getByTestId(`suggest-${byCode['2'].id}`)
            .filter({ hasText: '区发展和改革局' })
            .waitFor();
          await review.getByTestId(`suggest-${byCode['3'].id}`).filter({ hasText: '上城街道' }).waitFor();

          // Select tasks 2 and 4 and give both one unit.
          for (const code of ['2', '4']) {
            await review
              .locator(`tr[data-row-key="${byCode[code].id}"]`)
              .locator('.ant-checkbox-input')
              .check();
          }
          await review.getByTestId('bulk-lead').getByText('已选 2 项').waitFor();
          await review.getByTestId('bulk-unit').click();
          await pickOption(s.page, '区委办公室');
          await review.getByTestId('bulk-assign').click();
          await s.page.getByText('已为 2 项任务设置牵头单位').waitFor();
          tasks = await s.api(`/api/plans/${planId}/tasks`);
          for (const code of ['2', '4'])
            equal(tasks.find((t) => t.code === code).leadUnit?.name, '区委办公室', `task ${code} lead`);

          // The one suggestion left (task 3, the town it names) is taken up with one click.
          await review.getByTestId('bulk-accept').filter({ hasText: '（1）' }).click();
          await s.page.getByText('已为 1 项任务设置牵头单位').waitFor();
          tasks = await s.api(`/api/plans/${planId}/tasks`);
          equal(
            tasks.find((t) => t.code === '3').leadUnit?.name,
            '上城街道',
            'task 3 lead from the suggestion',
          );
          equal(tasks.find((t) => t.code === '1').leadUnit?.name, '区教育局', 'task 1 keeps its lead');
        },
        { screenshots },
      );
    },
  },
  {
    name: 'office splits a task to a town from the task page; the sub-task shows its parent and sits under it in the ledger',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'yuancheng.office',
        async (s) => {
          const regionId = s.regionId();
          const plans = await s.api(`/api/regions/${regionId}/plans`);
          const plan = plans.find((p) => p.status === 'published');
          const tasks = await s.api(`/api/plans/${plan.id}/tasks`);
          const parent = tasks.find((t) => !t.parentTaskId && t.leadUnit && t.leadUnit.name !== '源南镇');
          await s.goto(`/r/${regionId}/tasks/${parent.id}`);
          await s.page.getByTestId('task-page').waitFor();
          await s.page.getByTestId('sub-task-open').click();
          const form = s.page.getByTestId('sub-task-form');
          await form.waitFor();
          await form.locator('.ant-select').first().click();
          await pickOption(s.page, '源南镇');
          const title = `源南镇：${parent.title}`;
          equal(await form.locator('#title').inputValue(), title, 'title named after the town');
          const code = await form.locator('#code').inputValue();
          ok(code.startsWith(`${parent.code}.`), `code under the parent's (${code})`);
          await s.page
            .locator('.ant-modal')
            .getByRole('button', { name: /创建子任务/ })
            .click();
          await s.page.getByText('子任务已创建').waitFor();
          const item = s.page.getByTestId('sub-task').filter({ hasText: title });
          await item.waitFor();
          await item.getByText('源南镇', { exact: true }).waitFor();

          const stored = await s.api(`/api/tasks/${parent.id}`);
          const sub = stored.subTasks.find((t) => t.title === title);
          ok(sub, 'the parent lists the sub-task');
          await item.getByRole('link').click();
          await s.page.getByTestId('task-parent').getByText(`${parent.code} ${parent.title}`).waitFor();

          // The ledger puts the sub-task right under its parent.
          await s.goto(`/r/${regionId}/ledger?plan=${plan.id}&q=${encodeURIComponent(parent.title)}`);
          const rows = s.page.getByTestId('ledger').locator('.ant-table-row');
          await rows.nth(1).waitFor();
          const texts = await rows.allTextContents();
          const at = texts.findIndex((t) => t.includes(parent.title) && !t.includes('源南镇：'));
          ok(
            at >= 0 && texts[at + 1]?.includes(`↳${sub.code}`),
            `sub-task under its parent: ${texts.join(' | ')}`,
          );
        },
        { screenshots },
      );
    },
  },
];
