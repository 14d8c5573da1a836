import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

export const tests = [
  {
    name: 'oversight reads every accountability record of the region; another unit is told the record does not exist',
    async run({ browser, base, screenshots }) {
      const { regionId, record } = await asUser(
        browser,
        base,
        'nanhai.viewer',
        async (s) => {
          const regionId = s.regionId();
          const records = await s.api(`/api/regions/${regionId}/accountability`);
          ok(records.length >= 2, 'the demo has accountability records');
          const record = records.find((r) => r.personName) ?? records[0];
          await s.goto(`/r/${regionId}/accountability`);
          await s.page
            .getByRole('link', { name: new RegExp(record.unitName) })
            .first()
            .click();
          await s.page.getByTestId('accountability-record').getByText(record.decision).waitFor();
          await s.page.screenshot({ path: `${screenshots}/accountability-record-1440.png`, fullPage: true });
          // The 容错免责 the demo granted is there too, with its decision.
          await s.goto(`/r/${regionId}/accountability?tab=tolerance`);
          await s.page.getByText('予以容错').first().waitFor();
          await s.page.locator('.ant-table-row-expand-icon').first().click();
          await s.page.getByText('先行先试，而非明知故犯').first().waitFor();
          await s.page.screenshot({ path: `${screenshots}/tolerance-1440.png`, fullPage: true });
          return { regionId, record };
        },
        { screenshots },
      );

      const accounts = await asUser(browser, base, 'nanhai.office', (s) =>
        s.api(`/api/regions/${regionId}/accounts`),
      );
      const other = accounts.find((a) => a.role === 'reporter' && a.unitId !== record.unitId);
      ok(other, 'a reporter of another unit');

      await asUser(
        browser,
        base,
        other.username,
        async (s) => {
          s.allowed.push(/status of 404/);
          await s.goto(`/r/${regionId}/accountability`);
          await s.page.getByTestId('accountability-page').waitFor();
          const mine = await s.api(`/api/regions/${regionId}/accountability`);
          ok(!mine.some((r) => r.id === record.id), 'the list leaves the other unit’s record out');
          await s.goto(`/r/${regionId}/accountability/${record.id}`);
          await s.page.getByText('未找到问责记录').waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.viewer',
        async (s) => {
          await s.goto(`/r/${regionId}/accountability`);
          await s.page.getByTestId('accountability-page').locator('tbody tr').first().waitFor();
          await s.page.screenshot({ path: `${screenshots}/accountability-375.png`, fullPage: true });
        },
        { screenshots, width: 375, height: 800 },
      );
    },
  },
];
