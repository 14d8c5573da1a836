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
];
