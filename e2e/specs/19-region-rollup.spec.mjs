/* global document -- used inside page.evaluate, which runs in the browser */
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

/**
 * Menu entries that write, and pages that stay with the region's own accounts (交办事项, 会议, 问责容错,
 * 经验推广): none may show in a region followed from above.
 */
const WRITE_MENU = ['工作台', '导入计划', 'Excel导入', '单位与账号', '交办事项', '会议', '问责', '经验'];

async function noWriteMenu(s, what) {
  const menu = s.page.locator('.tz-sider .ant-menu');
  await menu.waitFor();
  const text = await menu.innerText();
  for (const label of WRITE_MENU) ok(!text.includes(label), `${what}: no “${label}” in the menu (${text})`);
}

/** Words on buttons that would write: a page read from above shows none of them. */
const WRITE_WORDS = ['新建', '新增', '起草', '编辑', '填报', '上报', '登记', '发布', '推进', '催办', '删除'];

async function readOnlyPage(s, testId, what) {
  await s.page.getByTestId(testId).waitFor();
  await s.page.getByTestId('read-only-note').waitFor();
  // Let the page's own reads settle before judging it: a refusal would show as an error alert.
  await s.page.waitForLoadState('networkidle');
  ok((await s.page.locator('.ant-alert-error').count()) === 0, `${what}: read without a refusal`);
  const buttons = await s.page.locator('.tz-content button:visible').allInnerTexts();
  for (const word of WRITE_WORDS)
    ok(!buttons.some((b) => b.includes(word)), `${what}: no “${word}” button (${buttons.join(' | ')})`);
  await noWriteMenu(s, what);
}

export const tests = [
  {
    name: 'a city office sees its districts rolled up, drills into one’s battle map and ledger, and can write nothing there',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'zhanjiang.office',
        async (s) => {
          const cityId = s.regionId();
          await s.page.getByTestId('rollup').waitFor();
          const cards = s.page.locator('[data-testid^="rollup-child-"]');
          ok((await cards.count()) >= 1, 'the city’s roll-up lists its districts');
          const card = cards.filter({ hasText: '湛江经开区' });
          await card.waitFor();
          ok(
            (await card.getByTestId('rollup-count-delayed').innerText()).includes('滞后'),
            'counts by status',
          );
          await s.page.screenshot({ path: `${screenshots}/19-rollup-city.png`, fullPage: true });

          // Into the district's battle map: read-only, and said so.
          await card.getByTestId('drill-map').click();
          await s.page.getByTestId('battle-map').waitFor();
          const districtId = s.regionId();
          ok(districtId !== cityId, 'the battle map is the district’s own');
          await s.page.getByTestId('read-only-note').waitFor();
          await noWriteMenu(s, 'battle map');
          await s.page.screenshot({ path: `${screenshots}/19-rollup-district-map.png`, fullPage: true });

          // Its ledger: rows to read, nothing to import.
          await s.goto(`/r/${cityId}`);
          await s.page.getByTestId('rollup').waitFor();
          await card.getByTestId('drill-ledger').click();
          await s.page.waitForURL(new RegExp(`/r/${districtId}/ledger`));
          await s.page.locator('.ant-table-row').first().waitFor();
          ok((await s.page.getByTestId('ledger-import').count()) === 0, 'no ledger import');
          await noWriteMenu(s, 'ledger');
          await s.page.screenshot({ path: `${screenshots}/19-rollup-district-ledger.png`, fullPage: false });

          // An overdue task from the red list opens in the district's ledger, found by its code.
          await s.goto(`/r/${cityId}`);
          const overdue = card.getByTestId('rollup-red-list').locator('a').first();
          const label = await overdue.innerText();
          await overdue.click();
          await s.page.waitForURL(new RegExp(`/r/${districtId}/ledger`));
          const row = s.page.locator('.ant-table-row').first();
          await row.waitFor();
          ok((await row.innerText()).includes(label.split(' ')[0]), `the ledger shows ${label}`);
          ok((await s.page.getByTestId('ledger-import').count()) === 0, 'still no ledger import');
        },
        { screenshots },
      );
    },
  },
  {
    name: 'a city office reads a district’s task, notices, indicators, projects, assessment and bulletins pages, with nothing to write',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'zhanjiang.office',
        async (s) => {
          await s.page.getByTestId('rollup').waitFor();
          const card = s.page.locator('[data-testid^="rollup-child-"]').filter({ hasText: '湛江经开区' });
          await card.getByTestId('rollup-laggard-count').waitFor();
          await card.getByTestId('drill-ledger').click();
          await s.page.locator('.ant-table-row').first().waitFor();
          const districtId = s.regionId();

          // A task from the ledger: its reports and roadmap to read, no report or edit button.
          await s.page.locator('.ant-table-row a[href*="/tasks/"]').first().click();
          await readOnlyPage(s, 'task-page', 'task page');
          for (const id of ['report-open', 'task-edit-open', 'milestone-add-open'])
            ok((await s.page.getByTestId(id).count()) === 0, `task page: no ${id}`);
          await s.page.screenshot({ path: `${screenshots}/19-district-task.png`, fullPage: true });

          for (const [path, testId] of [
            ['notices', 'notices-page'],
            ['indicators', 'indicators-page'],
            ['projects', 'projects-page'],
            ['assessment', 'assessment-page'],
            ['bulletins', 'bulletins-page'],
          ]) {
            await s.goto(`/r/${districtId}/${path}`);
            await readOnlyPage(s, testId, path);
            await s.page.screenshot({ path: `${screenshots}/19-district-${path}.png`, fullPage: true });
          }
          ok((await s.page.getByTestId('assess-advance').count()) === 0, 'no assessment step to take');
        },
        { screenshots },
      );
    },
  },
  {
    name: 'the province office sees its four cities rolled up on a phone',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'gd.office',
        async (s) => {
          await s.page.getByTestId('rollup').waitFor();
          const cards = s.page.locator('[data-testid^="rollup-child-"]');
          await cards.first().waitFor();
          ok((await cards.count()) === 4, `four cities, got ${await cards.count()}`);
          for (const city of ['佛山市', '珠海市', '河源市', '湛江市'])
            ok((await cards.filter({ hasText: city }).count()) === 1, `${city} rolled up`);
          const width = await s.page.evaluate(() => document.documentElement.scrollWidth);
          ok(width <= 375, `no sideways scrolling at 375 px (${width})`);
          await s.page.screenshot({ path: `${screenshots}/19-rollup-province-375.png`, fullPage: true });

          // A city opens on its own roll-up of the district below it.
          await cards.filter({ hasText: '湛江市' }).getByTestId('drill-map').click();
          await s.page.getByTestId('rollup').waitFor();
          await s.page.getByText('湛江经开区').first().waitFor();
          await s.page.getByTestId('read-only-note').waitFor();
        },
        { screenshots, width: 375, height: 812 },
      );
    },
  },
];
