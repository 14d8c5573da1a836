import { join } from 'node:path';
import { equal, ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

const shot = (s, screenshots, name) =>
  s.page.screenshot({ path: join(screenshots, name), fullPage: true, animations: 'disabled' });

/** The number in the 督办 inbox's title, and the cards below it. */
async function inboxCounts(page) {
  const inbox = page.getByTestId('notice-inbox');
  const title = await inbox.locator('.ant-card-head-title').first().innerText();
  return { shown: Number(/\((\d+)\)/.exec(title)?.[1]), cards: await inbox.locator('.tz-notice').count() };
}

/** A date some weeks ahead, as the DatePicker takes it typed. */
function daysAhead(n) {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

export const tests = [
  {
    name: 'office records a meeting with decisions; a decision becomes a directive; the lead unit answers 部署; the status shows',
    async run({ browser, base, screenshots }) {
      const topic = `区政府专题会议（e2e ${Date.now() % 100000}）`;
      const decision = `推进住房保障项目前期工作（e2e ${Date.now() % 100000}）`;
      const { regionId, directiveId } = await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/meetings`);
          await s.page.getByTestId('meeting-record').click();
          const form = s.page.getByTestId('meeting-form');
          await form.getByTestId('meeting-topic').fill(topic);
          await form.getByTestId('meeting-decisions').fill(`${decision}\n研究社区养老服务设施布局`);
          await s.page.getByRole('button', { name: /确\s*定|OK/ }).click();
          await s.page.getByTestId('meeting-page').waitFor();
          await s.page.getByTestId('meeting-tally').getByText('确定事项2件，已完成0件').waitFor();

          const row = s.page.getByTestId('decision').filter({ hasText: decision });
          await row.getByTestId('decision-to-directive').click();
          const handOn = s.page.getByTestId('hand-on-form');
          await handOn.getByTestId('hand-on-lead').click();
          await s.page.keyboard.type('住房');
          await s.page.keyboard.press('Enter');
          await handOn.getByTestId('hand-on-due').click();
          await s.page.keyboard.type(daysAhead(60));
          await s.page.keyboard.press('Enter');
          await s.page.getByRole('button', { name: /确\s*定|OK/ }).click();
          await s.page.getByText('已转交落实').waitFor();
          await row.getByText('落实中').waitFor();
          const href = await row.getByTestId('decision-directive').getAttribute('href');
          const directiveId = /directives\/([^/?#]+)/.exec(href ?? '')?.[1];
          ok(directiveId, 'the decision links to its directive');
          return { regionId, directiveId };
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.zjj.reporter',
        async (s) => {
          await s.goto(`/r/${regionId}/directives`);
          await s.page.getByTestId('directive-link').filter({ hasText: decision }).click();
          await s.page.getByTestId('directive-page').waitFor();
          const deployed = s.page.getByTestId('checkpoint-deployed');
          await deployed.getByTestId('answer-deployed').fill('局党组专题研究，印发工作方案，明确专人负责。');
          await deployed.getByRole('button', { name: '反馈落实情况' }).click();
          await s.page.getByText('已反馈').first().waitFor();
          await s.page.locator('[data-testid="checkpoint-deployed"][data-state="met"]').waitFor();
          await deployed.getByText('局党组专题研究').waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/directives/${directiveId}`);
          await s.page.locator('[data-testid="checkpoint-deployed"][data-state="met"]').waitFor();
          await s.page.getByTestId('checkpoint-deployed').getByText('按时').waitFor();
          await s.page.getByTestId('checkpoint-acting').getByText('待反馈').waitFor();
          const detail = await s.api(`/api/directives/${directiveId}`);
          ok(detail.checkpoints[0].state === 'met', 'the API agrees: 部署 met');
        },
        { screenshots },
      );
    },
  },
  {
    name: 'the demo’s missed directive is urged in its lead unit’s 督办 inbox until the unit answers the checkpoint',
    async run({ browser, base, screenshots }) {
      // The demo's 常务会 hands its fourth decision to the fourth unit (区委政法委), which never showed 行动.
      const content = '推进老旧小区改造年度计划，汛期前完成排水改造';
      await asUser(
        browser,
        base,
        'nanhai.zfw.reporter',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/work`);
          const inbox = s.page.getByTestId('notice-inbox');
          const card = inbox.locator('[data-testid^="directive-urge-"]').filter({ hasText: content });
          await card.waitFor();
          await card.getByText('交办事项催办').waitFor();
          await card.getByText(/行动情况应于\d{4}年\d{1,2}月\d{1,2}日前反馈/).waitFor();
          await card.getByTestId('overdue-tag').waitFor();
          const before = await inboxCounts(s.page);
          equal(before.shown, before.cards, 'the inbox counts the urge with the notices');
          ok(before.shown >= 1, 'the urge is counted');
          await shot(s, screenshots, 'work-directive-urge-zh-375.png');
          await s.page.setViewportSize({ width: 1440, height: 900 });
          await shot(s, screenshots, 'work-directive-urge-zh-1440.png');

          await card.getByRole('link', { name: '去反馈' }).click();
          await s.page.getByTestId('directive-page').waitFor();
          const acting = s.page.getByTestId('checkpoint-acting');
          await acting
            .getByTestId('answer-acting')
            .fill('已完成首批12个小区排水管网改造，其余列入汛前计划。');
          await acting.getByRole('button', { name: '反馈落实情况' }).click();
          await s.page.locator('[data-testid="checkpoint-acting"][data-state="late"]').waitFor();

          await s.goto(`/r/${regionId}/work`);
          await inbox.waitFor();
          await inbox
            .locator('[data-testid^="directive-urge-"]')
            .filter({ hasText: content })
            .waitFor({ state: 'detached' });
          const after = await inboxCounts(s.page);
          equal(after.shown, before.shown - 1, 'the answered urge leaves the count');
          equal(after.cards, after.shown, 'the count still matches the cards');
          const urges = await s.api(`/api/regions/${regionId}/directive-urges`);
          ok(!urges.some((u) => u.content === content), 'the API agrees: no open urge on it');
        },
        { screenshots, width: 375, height: 812 },
      );
    },
  },
];
