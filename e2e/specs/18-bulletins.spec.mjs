import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

export const tests = [
  {
    name: 'office generates the quarter’s bulletin, edits a section, previews the pages, publishes it; a unit reads it in the archive',
    async run({ browser, base, screenshots }) {
      const { regionId, bulletinId } = await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/bulletins`);
          await s.page.getByTestId('bulletins-page').waitFor();
          await s.page.getByRole('button', { name: '生成通报' }).click();
          await s.page.getByTestId('bulletin-page').waitFor();
          await s.page.getByText('一、总体情况').first().waitFor();
          const bulletinId = /bulletins\/([^/?#]+)/.exec(s.page.url())[1];

          // The office rewords the opening; the figure stays linked.
          const opening = s.page.getByTestId('section-opening');
          await opening.locator('textarea').fill('经全面核查，全区{total}项改革任务推进情况通报如下：');
          await s.page.getByRole('button', { name: '保存修改' }).click();
          await s.page.getByText('已保存').first().waitFor();
          // The toast can come before the re-read page: wait for the saved wording itself.
          await opening.locator('.tz-bulletin-text', { hasText: '经全面核查' }).waitFor();
          const text = await opening.locator('.tz-bulletin-text').innerText();
          ok(/^经全面核查，全区\d+项改革任务推进情况通报如下：$/.test(text), `opening filled: ${text}`);
          await s.page.screenshot({ path: `${screenshots}/bulletin-editor.png`, fullPage: true });

          // The pages as the PDF renders them.
          await s.page.getByTestId('bulletin-preview').click();
          await s.page.getByTestId('bulletin-pages').locator('img').first().waitFor({ timeout: 120_000 });
          await s.page.screenshot({ path: `${screenshots}/bulletin-preview.png`, fullPage: false });

          // The PDF itself, its pages saved as images to be looked at.
          const pdf = await s.context.request.get(`${base}/api/bulletins/${bulletinId}/pdf`, {
            timeout: 120_000,
          });
          ok(pdf.ok(), 'PDF downloaded');
          const dir = join(screenshots, 'bulletin-pages');
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'bulletin.pdf'), await pdf.body());
          execFileSync('pdftoppm', ['-r', '60', '-png', join(dir, 'bulletin.pdf'), join(dir, 'page')]);

          await s.page.getByRole('button', { name: /印\s*发/ }).click();
          await s.page
            .locator('.ant-modal-confirm')
            .getByRole('button', { name: /印\s*发/ })
            .click();
          await s.page.getByText('已印发').first().waitFor();
          return { regionId, bulletinId };
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.zjj.reporter',
        async (s) => {
          await s.goto(`/r/${regionId}/bulletins`);
          const row = s.page.locator(`a[href$="${bulletinId}"]`);
          await row.waitFor();
          await row.click();
          await s.page.getByTestId('bulletin-page').waitFor();
          ok((await s.page.getByRole('button', { name: '保存修改' }).count()) === 0, 'a unit cannot edit');
          await s.page.screenshot({ path: `${screenshots}/bulletin-unit.png`, fullPage: true });
        },
        { screenshots, width: 375, height: 800 },
      );
    },
  },
  {
    name: 'a unit named in the demo’s published bulletin finds it in 收到通报, marks it 已阅, and the office sees who has read it',
    async run({ browser, base, screenshots }) {
      // The demo publishes each district's latest finished quarter as 文号 1: find a reporter of a unit it names.
      const { regionId, bulletinId, reporter } = await asUser(browser, base, 'nanhai.office', async (s) => {
        const regionId = s.regionId();
        const get = async (path) => {
          const res = await s.context.request.get(`${base}${path}`);
          ok(res.ok(), `GET ${path}`);
          return res.json();
        };
        const archive = await get(`/api/regions/${regionId}/bulletins`);
        const published = archive.find((b) => b.status === 'published' && b.sequence === 1);
        ok(published, 'the demo archive holds a published bulletin');
        const named = (await get(`/api/bulletins/${published.id}`)).namedUnits.map((u) => u.id);
        const accounts = await get(`/api/regions/${regionId}/accounts`);
        const reporter = named
          .map((unitId) => accounts.find((a) => a.role === 'reporter' && a.unitId === unitId))
          .find(Boolean);
        ok(reporter, 'a reporter of a named unit');
        return { regionId, bulletinId: published.id, reporter: reporter.username };
      });

      for (const [width, height] of [
        [375, 800],
        [1440, 900],
      ])
        await asUser(
          browser,
          base,
          reporter,
          async (s) => {
            await s.goto(`/r/${regionId}/work`);
            const receipt = s.page.getByTestId(`receipt-${bulletinId}`);
            await receipt.waitFor();
            ok((await receipt.innerText()).includes('〔'), 'the receipt shows the 文号');
            await s.page.getByTestId('bulletin-receipts').scrollIntoViewIfNeeded();
            await s.page.screenshot({
              path: `${screenshots}/bulletin-receipt-${width}.png`,
              fullPage: width > 400,
            });
            const acknowledge = s.page.getByTestId(`acknowledge-${bulletinId}`);
            if (width === 375) {
              await acknowledge.click();
              await receipt
                .getByText(/日已阅/)
                .first()
                .waitFor();
              await acknowledge.waitFor({ state: 'detached' });
            } else ok((await acknowledge.count()) === 0, 'read once, no second 已阅');
          },
          { screenshots, width, height },
        );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/bulletins/${bulletinId}`);
          const readings = s.page.getByTestId('bulletin-readings');
          await readings.waitFor();
          await readings.locator('.ant-tag', { hasText: '已阅' }).first().waitFor();
          ok(/已阅1\//.test(await readings.innerText()), 'one unit has read it');
          await readings.scrollIntoViewIfNeeded();
          await s.page.screenshot({ path: `${screenshots}/bulletin-readings.png`, fullPage: true });
        },
        { screenshots },
      );
    },
  },
];
