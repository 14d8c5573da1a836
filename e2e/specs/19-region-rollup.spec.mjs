/* global document -- used inside page.evaluate, which runs in the browser */
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

/** Menu entries and buttons that write: none may show in a region followed from above. */
const WRITE_MENU = ['工作台', '导入计划', 'Excel导入', '单位与账号'];

async function noWriteMenu(s, what) {
  const menu = s.page.locator('.tz-sider .ant-menu');
  await menu.waitFor();
  const text = await menu.innerText();
  for (const label of WRITE_MENU) ok(!text.includes(label), `${what}: no “${label}” in the menu (${text})`);
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
