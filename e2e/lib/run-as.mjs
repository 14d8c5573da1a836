import { Session } from './session.mjs';

/**
 * Runs `work` with a signed-in session and always closes it; on failure saves a screenshot of where
 * the page stood, which is usually the quickest way to see why.
 */
export async function asUser(browser, base, username, work, options = {}) {
  const session = await Session.open(browser, base, options);
  try {
    await session.login(username);
    const result = await work(session);
    session.assertNoConsoleErrors();
    return result;
  } catch (error) {
    if (error instanceof Error) error.message += `\n    ${await session.whatWasShown()}`;
    if (options.screenshots)
      await session.page
        .screenshot({ path: `${options.screenshots}/failure-${username}.png`, fullPage: true })
        .catch(() => undefined);
    throw error;
  } finally {
    await session.close();
  }
}
