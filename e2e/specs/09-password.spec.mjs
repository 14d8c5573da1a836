import { DEMO_PASSWORD } from '../lib/server.mjs';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';
import { Session } from '../lib/session.mjs';

const USERNAME = 'jinwan.viewer';
const NEW_PASSWORD = 'e2e-changed-pass-2026';

async function signsIn(browser, base, password) {
  const probe = await Session.open(browser, base);
  try {
    const res = await probe.context.request.post(`${base}/api/auth/login`, {
      data: { username: USERNAME, password },
    });
    return res.ok();
  } finally {
    await probe.close();
  }
}

/** Opens 修改密码 from the user menu. A click that lands while the menu is still opening or closing opens
 * nothing (seen in full runs), so the menu is opened again until the dialog shows. Before opening it again,
 * the menu is closed and gone: a click on its button while it is still open closes it instead. */
async function openPasswordDialog(s) {
  const dialog = s.page.locator('.ant-modal:visible');
  const item = s.page.getByRole('menuitem', { name: /修改密码|Change password/ });
  for (let attempt = 1; ; attempt++) {
    await s.page.getByTestId('user-menu').click();
    await item.click();
    try {
      await dialog.locator('#currentPassword').waitFor({ timeout: 5000 });
      return dialog;
    } catch (error) {
      if (attempt === 3) throw error;
      await s.page.keyboard.press('Escape');
      await item.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    }
  }
}

async function changeInMenu(s, from, to) {
  const dialog = await openPasswordDialog(s);
  await dialog.locator('#currentPassword').fill(from);
  await dialog.locator('#newPassword').fill(to);
  await dialog.locator('#confirmPassword').fill(to);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
}

export const tests = [
  {
    name: 'an account changes its own password from the user menu; a common one is refused in words',
    async run({ browser, base, screenshots }) {
      await asUser(
        browser,
        base,
        USERNAME,
        async (s) => {
          // A common password is refused with the server's reason, worded on the page.
          s.allowed.push(/status of 400/);
          await changeInMenu(s, DEMO_PASSWORD, 'password123');
          await s.page.getByText('密码过于常见或包含用户名，容易被猜到，请换一个').waitFor();
          await s.page
            .locator('.ant-modal:visible')
            .getByRole('button', { name: /取\s*消|Cancel/ })
            .click();

          await changeInMenu(s, DEMO_PASSWORD, NEW_PASSWORD);
          await s.page.getByText('密码已修改，其他设备上的登录已退出').waitFor();
        },
        { screenshots },
      );
      ok(await signsIn(browser, base, NEW_PASSWORD), 'the new password signs in');
      ok(!(await signsIn(browser, base, DEMO_PASSWORD)), 'the old password no longer does');

      // Put it back for the specs that sign in as this account.
      const s = await Session.open(browser, base);
      try {
        await s.context.request.post(`${base}/api/auth/login`, {
          data: { username: USERNAME, password: NEW_PASSWORD },
        });
        const back = await s.context.request.post(`${base}/api/auth/password`, {
          data: { currentPassword: NEW_PASSWORD, newPassword: DEMO_PASSWORD },
        });
        ok(back.ok(), `password restored: ${back.status()} ${await back.text()}`);
      } finally {
        await s.close();
      }
    },
  },
];
