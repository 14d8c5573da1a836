/* global getComputedStyle -- used inside page.evaluate, which runs in the browser */
import { equal, ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';
import { Session } from '../lib/session.mjs';

const ERROR_RED = 'rgb(200, 22, 29)';

export const tests = [
  {
    name: 'the login button reads 登录 without an inserted space, and a focused input is not outlined in the error red',
    async run({ browser, base }) {
      const s = await Session.open(browser, base);
      try {
        await s.goto('/login');
        const button = s.page.locator('button[type=submit]');
        equal((await button.innerText()).trim(), '登录', 'the two-character button text');
        await s.page.locator('#username').focus();
        const border = await s.page
          .locator('.ant-input-affix-wrapper-focused')
          .first()
          .evaluate((el) => getComputedStyle(el).borderTopColor);
        ok(border !== ERROR_RED, `a focused input's border (${border}) is not the red of errors`);
        const primary = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
        ok(primary !== ERROR_RED, `the primary button (${primary}) is not the red of errors`);
        s.assertNoConsoleErrors();
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'the battle map names every area apart, states how units are ranked, and puts areas under their plan when there are two',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'zjkfq.office',
        async (s) => {
          const grid = s.page.getByTestId('area-grid');
          await grid.waitFor();
          const labels = await grid.locator('tbody td:first-child a').allInnerTexts();
          ok(labels.length > 0, 'the area grid has areas');
          equal(new Set(labels).size, labels.length, `every area label differs (${labels.join(' | ')})`);
          // Cut at the end, all ten headings read 围绕建设现代化产业体…: each short name shows whole.
          const cut = await grid
            .locator('tbody td:first-child')
            .evaluateAll((cells) =>
              cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.innerText),
            );
          equal(cut.length, 0, `area labels cut short (${cut.join(' | ')})`);
          const rule = await s.page.getByTestId('ranking-rule').innerText();
          ok(rule.includes('红灯') && rule.includes('进度'), `the ranking rule is stated: ${rule}`);
        },
        { screenshots },
      );
      await asUser(
        browser,
        base,
        'jinwan.office',
        async (s) => {
          const plans = await s.api(`/api/regions/${s.regionId()}/plans`);
          const published = plans.filter((p) => p.status === 'published');
          await s.page.getByTestId('area-grid').waitFor();
          const heads = await s.page.getByTestId('area-grid-plan').allInnerTexts();
          ok(published.length > 1, 'the demo region has two published plans');
          {
            equal(heads.length, published.length, 'one plan heading per plan in the area grid');
            ok(
              heads.every((h) => !/^计划\d/.test(h)),
              `plan headings are names, not numbers: ${heads.join(' | ')}`,
            );
            equal(
              (await s.page.getByTestId('area-progress-plan').allInnerTexts()).length,
              published.length,
              'one plan heading per plan in the progress panel',
            );
          }
        },
        { screenshots },
      );
    },
  },
  {
    name: 'a status tag in the ledger leaves room before what follows it',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        'zjkfq.office',
        async (s) => {
          await s.goto(`/r/${s.regionId()}/ledger`);
          const tag = s.page.locator('[data-status]').first();
          await tag.waitFor();
          const margin = await tag.evaluate((el) => parseFloat(getComputedStyle(el).marginInlineEnd));
          ok(margin >= 4, `a status tag keeps ${margin}px after it`);
        },
        { screenshots },
      );
    },
  },
];
