import { pickOption } from '../lib/select.mjs';
import { Session } from '../lib/session.mjs';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

export const tests = [
  {
    name: 'office creates an account, resets its password and disables it',
    async run({ browser, base, screenshots }) {
      const username = `e2e.reporter.${Date.now() % 100000}`;
      await asUser(
        browser,
        base,
        'jinwan.office',
        async (s) => {
          await s.goto(`/r/${s.regionId()}/admin`);
          const pageRoot = s.page.getByTestId('admin-page');
          await pageRoot.waitFor();
          await pageRoot.getByRole('button', { name: '新增账号' }).click();
          const dialog = s.page.locator('.ant-modal:visible');
          await dialog.locator('#username').fill(username);
          await dialog.locator('#displayName').fill('端到端测试填报员');
          await dialog.locator('#password').fill('first-pass-123');
          await dialog.locator('#unitId').click();
          await pickOption(s.page, '区财政局');
          await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
          await s.page.getByText('已创建').waitFor();

          const row = pageRoot.locator('tr', { hasText: username });
          await row.getByRole('button', { name: '重置密码' }).click();
          await s.page.locator('.ant-modal:visible #password').fill('second-pass-456');
          await s.page
            .locator('.ant-modal:visible')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await s.page.getByText('密码已重置').waitFor();
        },
        { screenshots },
      );

      // The new password works.
      const probe = await Session.open(browser, base);
      const login = await probe.context.request.post(`${base}/api/auth/login`, {
        data: { username, password: 'second-pass-456' },
      });
      ok(login.ok(), 'login with the reset password');
      await probe.close();

      await asUser(
        browser,
        base,
        'jinwan.office',
        async (s) => {
          await s.goto(`/r/${s.regionId()}/admin`);
          const row = s.page.getByTestId('admin-page').locator('tr', { hasText: username });
          await row.getByRole('button', { name: /停\s*用/ }).click();
          await s.page
            .locator('.ant-modal-confirm')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await row.getByText('已停用').waitFor();
        },
        { screenshots },
      );

      const again = await Session.open(browser, base);
      const refused = await again.context.request.post(`${base}/api/auth/login`, {
        data: { username, password: 'second-pass-456' },
      });
      ok(!refused.ok(), 'a disabled account cannot sign in');
      await again.close();
    },
  },
];
