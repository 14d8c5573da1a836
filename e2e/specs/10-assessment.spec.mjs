import { join } from 'node:path';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

const BASIS = '本季度牵头出台住房保障改革实施方案（e2e）';

export const tests = [
  {
    name: 'a unit self-assesses, the office finalises, the ranking shows both groups, a leader opens a cell’s basis',
    async run({ browser, base, screenshots }) {
      // 自评: the housing bureau's reporter scores its own specific indicator in the open quarter.
      const { regionId, roundId, unitId } = await asUser(
        browser,
        base,
        'nanhai.zjj.reporter',
        async (s) => {
          const regionId = s.regionId();
          const [scheme] = await s.api(`/api/regions/${regionId}/assessment-schemes`);
          const detail = await s.api(`/api/assessment-schemes/${scheme.id}`);
          const open = detail.rounds.find((r) => r.stage === 'self');
          ok(open, 'an open quarter in the demo');
          const me = await s.api('/api/auth/me');
          await s.goto(`/r/${regionId}/assessment?round=${open.id}&tab=score`);
          const form = s.page.getByTestId('assess-sheet-form');
          await form.getByLabel('G5得分').fill('12');
          await form.getByLabel('G5评分依据').fill(BASIS);
          await s.page.screenshot({ path: join(screenshots, 'assessment-self-zh-375.png'), fullPage: true });
          await s.page.getByTestId('assess-save').click();
          await s.page.getByText('评分已保存').waitFor();
          // Before 公示 a unit sees no other unit's scores.
          await s.page.getByRole('tab', { name: '成绩表' }).click();
          await s.page.getByText('成绩公示前，仅可查看本单位的自评与得分。').waitFor();
          return { regionId, roundId: open.id, unitId: me.unitId };
        },
        { screenshots, width: 375, height: 812 },
      );

      // The office walks the quarter through 初评, 复核, 公示 to 定等次.
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/assessment?round=${roundId}`);
          for (const next of ['初评', '复核', '公示', '已定等次']) {
            await s.page.getByTestId('assess-advance').click();
            await s.page.getByRole('button', { name: /确\s*定/ }).click();
            await s.page.getByTestId('assess-stage').filter({ hasText: next }).waitFor();
          }
          ok(
            (await s.page.getByTestId('assess-advance').count()) === 0,
            'a finalised quarter has no next step',
          );
          await s.page.getByRole('tab', { name: '排名与概览' }).click();
          await s.page.getByTestId('summary-department').waitFor();
          await s.page.getByTestId('summary-town').waitFor();
          await s.page.getByTestId('assess-ranking-chart').locator('canvas').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-ranking-zh-1440.png'),
            fullPage: true,
          });
          // The finished demo quarter: its 公示 view with the answered objection, and the indicators.
          const [scheme] = await s.api(`/api/regions/${regionId}/assessment-schemes`);
          const detail = await s.api(`/api/assessment-schemes/${scheme.id}`);
          const done = detail.rounds.find((r) => r.id !== roundId && r.stage === 'finalized');
          await s.goto(`/r/${regionId}/assessment?round=${done.id}&tab=publicity`);
          await s.page.getByTestId('assess-objection').getByText('已答复').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-publicity-zh-1440.png'),
            fullPage: true,
          });
          await s.page.getByRole('tab', { name: '考核指标' }).click();
          await s.page.getByTestId('assess-indicators').getByText('重点改革任务推进成效').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-indicators-zh-1440.png'),
            fullPage: true,
          });
        },
        { screenshots },
      );

      // A leader reads the score table of both groups and opens the basis of the unit's cell.
      await asUser(
        browser,
        base,
        'nanhai.leader',
        async (s) => {
          await s.goto(`/r/${regionId}/assessment?round=${roundId}`);
          await s.page.getByTestId('assess-group-department').waitFor();
          await s.page.getByTestId('assess-group-town').waitFor();
          await s.page.getByTestId(`cell-${unitId}-G5`).click();
          const drawer = s.page.getByTestId('assess-basis');
          await drawer.getByText(BASIS, { exact: false }).waitFor();
          await s.page.screenshot({ path: join(screenshots, 'assessment-basis-zh-375.png') });
        },
        { screenshots, width: 375, height: 812 },
      );

      await asUser(
        browser,
        base,
        'nanhai.leader',
        async (s) => {
          await s.goto(`/r/${regionId}/assessment?round=${roundId}&tab=ranking`);
          await s.page.getByTestId('assess-summary').waitFor();
          await s.page.getByText('Ranking & summary').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-summary-en-375.png'),
            fullPage: true,
          });
        },
        { screenshots, width: 375, height: 812, locale: 'en-US' },
      );
    },
  },
];
