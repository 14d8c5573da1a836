import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

/** A figure that puts a lagging indicator back on pace (or meets it). */
function goodValue(indicator) {
  const inverted = indicator.comparator === '<' || indicator.comparator === '<=';
  const rate = indicator.measure === 'growth' || indicator.measure === 'share';
  if (rate)
    return inverted ? Math.round(indicator.value * 50) / 100 : Math.round(indicator.value * 150) / 100 + 1;
  return inverted ? 0 : indicator.value;
}

export const tests = [
  {
    name: 'a unit reports a project’s month and an indicator’s value, the office confirms, the battle map’s panels change',
    async run({ browser, base, screenshots }) {
      // The office finds a lagging indicator and a key project of the same unit, and what the map says now.
      const setup = await asUser(browser, base, 'nanhai.office', async (s) => {
        const regionId = s.regionId();
        const summary = await s.api(`/api/regions/${regionId}/progress-summary`);
        const accounts = await s.api(`/api/regions/${regionId}/accounts`);
        const projects = (await s.api(`/api/regions/${regionId}/projects?limit=200`)).items;
        const reporterOf = (unitId) =>
          accounts.find((a) => a.role === 'reporter' && a.unitId === unitId)?.username;
        const plans = await s.api(`/api/regions/${regionId}/plans`);
        for (const plan of plans) {
          const page = await s.api(`/api/plans/${plan.id}/indicators`);
          for (const indicator of page.indicators.filter((i) => i.result.status === 'behind' && i.unitId)) {
            const project = projects.find(
              (p) => p.leadUnitId === indicator.unitId && p.figures.yearPlan !== null,
            );
            const reporter = reporterOf(indicator.unitId);
            if (project && reporter) return { regionId, summary, indicator, project, reporter };
          }
        }
        throw new Error('no lagging indicator whose unit also leads a project with a plan this year');
      });
      const { regionId, summary, indicator, project, reporter } = setup;
      const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
        .format(new Date())
        .slice(0, 7);

      await asUser(
        browser,
        base,
        reporter,
        async (s) => {
          await s.goto(`/r/${regionId}/indicators?plan=${indicator.planId}`);
          const row = s.page.locator(`tr[data-row-key="${indicator.id}"]`);
          await row.getByTestId('report-value').click();
          const modal = s.page.locator('.ant-modal').filter({ hasText: indicator.indicator });
          await modal.getByLabel(/数值/).fill(String(goodValue(indicator)));
          await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
          // The dialog closes only when the write went through; the 3-second message may be gone by the
          // time a loaded machine looks, so the month's row awaiting the office is what the unit checks.
          await modal.waitFor({ state: 'hidden' });
          await row.locator('.ant-table-row-expand-icon').click();
          await s.page
            .locator(`.tz-indicator-detail tr[data-row-key="${month}"]`)
            .getByText('待确认')
            .waitFor();

          await s.goto(`/r/${regionId}/projects/${project.id}`);
          await s.page.getByTestId('report-month').click();
          const form = s.page.locator('.ant-modal');
          await form.getByLabel(/本月投资/).fill('50000');
          await form.getByLabel(/形象进度/).fill('主体结构完成，进入设备安装');
          await form.getByRole('button', { name: /确\s*定|OK/ }).click();
          await form.waitFor({ state: 'hidden' });
          await s.page.getByTestId('project-reports').getByText('主体结构完成，进入设备安装').waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-project-zh-1440.png`, fullPage: true });
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/indicators?plan=${indicator.planId}`);
          const row = s.page.locator(`tr[data-row-key="${indicator.id}"]`);
          await row.locator('.ant-table-row-expand-icon').click();
          await s.page.getByTestId(`confirm-value-${month}`).click();
          await s.page
            .locator('.ant-modal')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await s.page.getByText('已确认').first().waitFor();
          await s.page.getByTestId('indicator-chart').first().waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-indicators-zh-1440.png`, fullPage: true });

          await s.goto(`/r/${regionId}/projects/${project.id}`);
          await s.page.getByTestId(`confirm-month-${month}`).click();
          await s.page.getByTestId('project-reports').getByText('已确认').first().waitFor();

          await s.goto(`/r/${regionId}`);
          const counts = s.page.getByTestId('indicator-counts');
          await counts.waitFor();
          const after = await s.api(`/api/regions/${regionId}/progress-summary`);
          ok(after.projects.yearToDate > summary.projects.yearToDate, 'the project’s month adds to the year');
          await s.page
            .getByTestId('indicator-panel')
            .getByText(`低于序时${after.indicators.counts.behind}项`, { exact: false })
            .waitFor();
          ok(
            after.indicators.counts.behind + after.indicators.counts.missed <
              summary.indicators.counts.behind + summary.indicators.counts.missed,
            'fewer indicators lag',
          );
          await s.page.screenshot({ path: `${screenshots}/13-battle-map-zh-1440.png`, fullPage: true });

          await s.goto(`/r/${regionId}/projects?stage=started`);
          await s.page.getByTestId('project-totals').waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-projects-zh-1440.png`, fullPage: true });
        },
        { screenshots },
      );

      // The phone: the same pages stay usable at 375 px.
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/projects`);
          await s.page.getByTestId('project-totals').waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-projects-zh-375.png`, fullPage: true });
          await s.goto(`/r/${regionId}/projects/${project.id}`);
          await s.page.getByTestId('project-figures').waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-project-zh-375.png`, fullPage: true });
          await s.goto(`/r/${regionId}/indicators?plan=${indicator.planId}`);
          await s.page.getByTestId('indicators-page').locator('tr.ant-table-row').first().waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-indicators-zh-375.png`, fullPage: true });
        },
        { screenshots, width: 375, height: 812 },
      );
      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/projects/${project.id}`);
          await s.page.getByTestId('project-figures').waitFor();
          await s.page.screenshot({ path: `${screenshots}/13-project-en-1440.png`, fullPage: true });
        },
        { screenshots, locale: 'en-US' },
      );
    },
  },
];
