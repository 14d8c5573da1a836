import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

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
];
