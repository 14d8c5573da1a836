/* global window -- used inside page.evaluate, which runs in the browser */
import { join } from 'node:path';
import { ok } from '../lib/expect.mjs';
import { Session } from '../lib/session.mjs';

async function shoot(session, dir, name, locale, width) {
  await session.page.waitForLoadState('networkidle');
  await session.page.evaluate(() => window.scrollTo(0, 0));
  await session.page.screenshot({
    path: join(dir, `${name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

/** The directives and meetings pages on the demo's 常务会, in both languages at desktop and phone widths. */
async function pages(browser, base, dir, locale, width) {
  const session = await Session.open(browser, base, { locale, width, height: width > 400 ? 900 : 812 });
  try {
    await session.login('nanhai.office');
    const regionId = session.regionId();
    await session.goto(`/r/${regionId}/meetings`);
    await session.page.getByTestId('meeting-link').first().waitFor();
    await shoot(session, dir, 'meetings', locale, width);
    const meetings = await session.api(`/api/regions/${regionId}/meetings`);
    const executive = meetings.find((m) => m.kind === 'executive');
    ok(executive, 'the demo has a 常务会');
    await session.goto(`/r/${regionId}/meetings/${executive.id}`);
    await session.page.getByTestId('decision').first().waitFor();
    await shoot(session, dir, 'meeting', locale, width);
    await session.goto(`/r/${regionId}/directives`);
    await session.page.getByTestId('directive-link').first().waitFor();
    await shoot(session, dir, 'directives', locale, width);
    const directives = await session.api(`/api/regions/${regionId}/directives?state=late`);
    ok(directives.length > 0, 'the demo has a late directive');
    await session.goto(`/r/${regionId}/directives/${directives[0].id}`);
    await session.page.getByTestId('checkpoint-timeline').waitFor();
    await shoot(session, dir, 'directive', locale, width);
    session.assertNoConsoleErrors();
  } finally {
    await session.close();
  }
}

export const tests = ['zh-CN', 'en-US'].flatMap((locale) =>
  [1440, 375].map((width) => ({
    name: `directives and meetings pages (${locale}, ${width} px) with no console errors`,
    run: ({ browser, base, screenshots }) => pages(browser, base, screenshots, locale, width),
  })),
);
