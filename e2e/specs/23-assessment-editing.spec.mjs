import { join } from 'node:path';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';
import { pickOption } from '../lib/select.mjs';

const SCHEME = '2026年度营商环境改革专项考核方案（e2e）';
const RANKED = '营商环境改革排名（e2e）';
const EVIDENCE = '排名通报（e2e）.txt';
const CORRECTION = '复查发现统计口径有误，予以更正（e2e）';

const option = (page, title) =>
  page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();

export const tests = [
  {
    name: 'the office sets up a scheme (by-rank indicator, groups and grades), a unit uploads evidence, a locked result is corrected',
    async run({ browser, base, screenshots }) {
      // The office makes a scheme of its own: an indicator scored by rank, the grade bands, a quarter.
      const { regionId, schemeId, roundId, code } = await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/assessment`);
          await s.page.getByRole('button', { name: '新建方案' }).click();
          await s.page.getByLabel('方案名称').fill(SCHEME);
          await s.page.getByRole('button', { name: /确\s*定|OK/ }).click();
          await s.page.getByText('方案已创建').waitFor();

          await s.page.getByRole('tab', { name: '考核指标' }).click();
          await s.page.getByRole('button', { name: '添加指标' }).click();
          const dialog = s.page.getByRole('dialog');
          await dialog.getByLabel('指标', { exact: true }).fill(RANKED);
          await dialog.getByLabel('计分方法').click();
          await option(s.page, '按排名计分');
          await dialog.getByLabel('各名次得分').fill('10/9/8/7');
          await dialog.getByLabel('数据来源').fill('区营商环境评价报告');
          await dialog.getByTestId('assess-unit-targets').waitFor();
          await s.page.screenshot({ path: join(screenshots, 'assessment-indicator-rank-zh-1440.png') });
          await dialog.getByRole('button', { name: /确\s*定/ }).click();
          await s.page.getByText('指标已保存').waitFor();
          await s.page.getByTestId('assess-indicators').getByText(RANKED).waitFor();

          await s.page.getByRole('tab', { name: '分组与等次' }).click();
          await s.page.getByLabel('优秀限组内前几名').fill('3');
          await s.page.getByTestId('assess-settings-save').click();
          await s.page.getByText('方案设置已保存').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-settings-zh-1440.png'),
            fullPage: true,
          });

          await s.page.getByLabel('新考核期次').fill('2026-Q4');
          await s.page.getByRole('button', { name: '开展考核' }).click();
          await s.page.getByTestId('assess-stage').waitFor();
          const schemes = await s.api(`/api/regions/${regionId}/assessment-schemes`);
          const scheme = schemes.find((x) => x.title === SCHEME);
          ok(scheme, 'the new scheme is listed');
          const detail = await s.api(`/api/assessment-schemes/${scheme.id}`);
          const ranked = detail.indicators.find((i) => i.name === RANKED);
          ok(ranked.method === 'rank', 'the indicator is scored by rank');
          ok(ranked.params.rankScores.join('/') === '10/9/8/7', 'the rank list is stored');
          ok(detail.gradeBands.find((b) => b.grade === 'excellent').topN === 3, '优秀 within the top 3');
          ok(detail.rounds.length === 1, 'one quarter opened');
          return { regionId, schemeId: scheme.id, roundId: detail.rounds[0].id, code: ranked.code };
        },
        { screenshots },
      );

      // A unit attaches evidence to its self-assessment of that indicator, on a phone.
      await asUser(
        browser,
        base,
        'nanhai.zjj.reporter',
        async (s) => {
          await s.goto(`/r/${regionId}/assessment?scheme=${schemeId}&round=${roundId}&tab=score`);
          const files = s.page.getByTestId(`files-${code}`);
          await files.locator('input[type=file]').setInputFiles({
            name: EVIDENCE,
            mimeType: 'text/plain',
            buffer: Buffer.from('本单位在全区营商环境评价中列第二名。'),
          });
          await s.page.getByText('文件已上传').waitFor();
          await files.getByRole('link', { name: EVIDENCE }).waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-evidence-zh-375.png'),
            fullPage: true,
          });
        },
        { screenshots, width: 375, height: 812 },
      );

      // The settings read in English on a phone, and the office corrects a locked demo result.
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/assessment?scheme=${schemeId}&tab=settings`);
          await s.page.getByText('Grade bands').waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-settings-en-375.png'),
            fullPage: true,
          });
          // The indicator editor in English on a phone, with the rank list and the per-unit table.
          await s.page.getByRole('tab', { name: 'Indicators' }).click();
          await s.page.getByRole('button', { name: 'Add indicator' }).click();
          const dialog = s.page.getByRole('dialog');
          await dialog.getByLabel('Method', { exact: true }).click();
          await option(s.page, 'By rank');
          await s.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
          await dialog.getByLabel('Scores by rank').fill('60/57/54');
          await dialog.getByTestId('assess-unit-targets').scrollIntoViewIfNeeded();
          await s.page.screenshot({ path: join(screenshots, 'assessment-indicator-rank-en-375.png') });
        },
        { screenshots, width: 375, height: 812, locale: 'en-US' },
      );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const schemes = await s.api(`/api/regions/${regionId}/assessment-schemes`);
          const demo = schemes.find((x) => x.title !== SCHEME);
          const detail = await s.api(`/api/assessment-schemes/${demo.id}`);
          const done = detail.rounds.find((r) => r.period === '2026-Q3');
          const round = await s.api(`/api/assessment-rounds/${done.id}`);
          const unit = round.units.find((u) => u.groupCode === 'department');
          await s.goto(`/r/${regionId}/assessment?scheme=${demo.id}&round=${done.id}&tab=publicity`);
          const card = s.page.getByTestId('assess-corrections');
          await card.getByLabel('单位').click();
          await pickOption(s.page, unit.name);
          await card.getByLabel('指标', { exact: true }).click();
          await option(s.page, 'G5 重点改革任务推进成效');
          await card.getByLabel('更正后分数').fill('12');
          await card.getByLabel('更正理由').fill(CORRECTION);
          await card.getByRole('button', { name: '记录更正' }).click();
          await s.page.getByText('更正已记录').waitFor();
          await card.getByText(CORRECTION).waitFor();
          await s.page.screenshot({
            path: join(screenshots, 'assessment-corrections-zh-1440.png'),
            fullPage: true,
          });

          // The 问责 form offers the unit's tasks, notices and assessment items to link.
          await s.goto(`/r/${regionId}/accountability`);
          await s.page.getByRole('button', { name: '登记问责' }).click();
          const dialog = s.page.getByRole('dialog');
          await dialog.getByLabel('单位', { exact: true }).click();
          await pickOption(s.page, unit.name);
          await dialog.getByLabel('关联考核加减分事项（可选）').click();
          await s.page.locator('.ant-select-dropdown:visible').waitFor();
          await s.page.screenshot({ path: join(screenshots, 'accountability-links-zh-1440.png') });
        },
        { screenshots },
      );
    },
  },
];
