/* global window -- used inside page.evaluate, which runs in the browser */
import { join } from 'node:path';
import { Session } from '../lib/session.mjs';

/** Each main page, waited on until its data is drawn, in both languages at desktop and phone widths. */
async function shoot(session, dir, name, locale, width, fullPage = true) {
  await session.page.waitForLoadState('networkidle');
  // Clicks may have scrolled the page; start full-page shots from the top so the sticky header sits there.
  await session.page.evaluate(() => window.scrollTo(0, 0));
  await session.page.screenshot({
    path: join(dir, `${name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}.png`),
    fullPage,
    animations: 'disabled',
  });
}

async function pages(browser, base, dir, locale, width) {
  const height = width > 400 ? 900 : 812;
  const office = await Session.open(browser, base, { locale, width, height });
  try {
    await office.goto('/login');
    await office.page.locator('#username').waitFor();
    await shoot(office, dir, 'login', locale, width);
    await office.login('nanhai.office');
    const regionId = office.regionId();
    await office.page.getByTestId('trend-chart').waitFor();
    await shoot(office, dir, 'battle-map', locale, width);
    await office.goto(`/r/${regionId}/ledger`);
    await office.page.getByTestId('ledger').locator('.ant-table-row').first().waitFor();
    await shoot(office, dir, 'ledger', locale, width);
    const dashboard = await office.api(`/api/regions/${regionId}/dashboard`);
    const taskId =
      dashboard.redList[0]?.taskId ?? (await office.api(`/api/plans/${dashboard.plans[0].id}/tasks`))[0].id;
    await office.goto(`/r/${regionId}/tasks/${taskId}`);
    await office.page.getByTestId('task-source').waitFor();
    await shoot(office, dir, 'task', locale, width);
    await office.goto(`/r/${regionId}/work`);
    await office.page.getByTestId('work-page').waitFor();
    await shoot(office, dir, 'work-office', locale, width);
    await office.goto(`/r/${regionId}/import`);
    await office.page.getByTestId('import-upload').waitFor();
    await shoot(office, dir, 'import', locale, width);
    const plans = await office.api(`/api/regions/${regionId}/plans`);
    await office.goto(`/r/${regionId}/import/${plans[0].id}`);
    await office.page.getByTestId('import-review').locator('.ant-table-row').first().click();
    await shoot(office, dir, 'import-review', locale, width);
    await office.goto(`/r/${regionId}/admin`);
    await office.page.getByTestId('admin-page').locator('.ant-table-row').first().waitFor();
    await shoot(office, dir, 'admin', locale, width);
    office.assertNoConsoleErrors();
  } finally {
    await office.close();
  }

  // The operator sees every region and switches between them.
  const admin = await Session.open(browser, base, { locale, width, height });
  try {
    await admin.login('admin');
    await admin.page.getByTestId('trend-chart').waitFor();
    await admin.page.locator('.tz-region-select').waitFor();
    await shoot(admin, dir, 'battle-map-admin', locale, width);
    admin.assertNoConsoleErrors();
  } finally {
    await admin.close();
  }

  const reporter = await Session.open(browser, base, { locale, width, height });
  try {
    await reporter.login('nanhai.gxj.reporter');
    await reporter.goto(`/r/${reporter.regionId()}/work`);
    await reporter.page.getByTestId('my-tasks').locator('.ant-list-item').first().waitFor();
    await shoot(reporter, dir, 'work-reporter', locale, width);
    await reporter.page.getByTestId('my-tasks').locator('.ant-list-item a').first().click();
    await reporter.page.getByTestId('report-open').click();
    await reporter.page.locator('.ant-drawer #narrative').waitFor();
    // Let the drawer finish sliding in; a drawer is a viewport overlay, so shoot the viewport.
    await reporter.page.waitForTimeout(600);
    await shoot(reporter, dir, 'report-editor', locale, width, false);
    reporter.assertNoConsoleErrors();
  } finally {
    await reporter.close();
  }
}

export const tests = ['zh-CN', 'en-US'].flatMap((locale) =>
  [1440, 375].map((width) => ({
    name: `screenshots of every main page (${locale}, ${width} px) with no console errors`,
    run: ({ browser, base, screenshots }) => pages(browser, base, screenshots, locale, width),
  })),
);
