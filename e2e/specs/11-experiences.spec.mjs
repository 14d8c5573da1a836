import { ok } from '../lib/expect.mjs';
import { asUser } from '../lib/run-as.mjs';

const TITLE = '口袋公园“微改造”共建共享';

export const tests = [
  {
    name: 'a unit proposes an experience, its office accepts it, another region finds it by its words and adopts it',
    async run({ browser, base, screenshots }) {
      const regionId = await asUser(
        browser,
        base,
        'nanhai.zjj.reporter',
        async (s) => {
          const regionId = s.regionId();
          await s.goto(`/r/${regionId}/experiences?tab=region`);
          await s.page.getByRole('button', { name: '提炼经验' }).click();
          const dialog = s.page.getByRole('dialog');
          await dialog.locator('#taskId').click();
          await s.page.locator('.ant-select-item-option').first().click();
          await dialog.locator('#title').fill(TITLE);
          await dialog.locator('#reason').fill('老旧小区缺少休闲空间，边角地长期闲置。');
          await dialog
            .locator('#measures')
            .fill('盘活边角地，居民议事会共商设计，社区、物业、居民共建共管。');
          await dialog.locator('#effects').fill('一年建成口袋公园十二处，居民满意度显著提升。');
          await dialog
            .locator('#abstract')
            .fill('以微改造盘活闲置边角地，居民全程参与设计与管护，打造家门口的口袋公园。');
          await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
          await s.page.getByText('经验已提交改革办审核').waitFor();
          await s.page
            .getByTestId('experience-card')
            .filter({ hasText: TITLE })
            .getByText('待审核')
            .waitFor();
          return regionId;
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.office',
        async (s) => {
          await s.goto(`/r/${regionId}/experiences?tab=region&status=proposed`);
          await s.page.getByRole('link', { name: TITLE }).click();
          await s.page.getByRole('button', { name: '采纳入库' }).click();
          await s.page.getByText('已采纳入库').first().waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'jinwan.office',
        async (s) => {
          const own = s.regionId();
          ok(own !== regionId, 'another region');
          await s.goto(`/r/${own}/experiences`);
          // Two characters (a bigram) and a longer term both find it, across the tenant wall.
          const search = s.page.getByPlaceholder('搜索经验，如：一窗受理');
          await search.fill('口袋');
          await search.press('Enter');
          await s.page.getByRole('link', { name: TITLE }).waitFor();
          await search.fill('居民议事会');
          await search.press('Enter');
          await s.page.waitForURL(/q=/);
          await s.page.getByRole('link', { name: TITLE }).click();
          await s.page.getByRole('button', { name: '登记借鉴' }).click();
          const dialog = s.page.getByRole('dialog');
          await dialog.locator('#taskId').click();
          await s.page.locator('.ant-select-item-option').first().click();
          await dialog.locator('#note').fill('借鉴其居民共商共建做法。');
          await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
          await s.page.getByText('已登记借鉴').waitFor();
          await s.page
            .getByTestId('adoptions')
            .getByText(/金湾区/)
            .waitFor();
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'nanhai.viewer',
        async (s) => {
          await s.goto(`/r/${regionId}/experiences?q=${encodeURIComponent('口袋公园')}`);
          const card = s.page.getByTestId('experience-card').filter({ hasText: TITLE });
          await card.getByText('1个地区借鉴').waitFor();
          await card.getByRole('link', { name: TITLE }).click();
          await s.page
            .getByTestId('adoptions')
            .getByText(/金湾区/)
            .waitFor();
          await s.page.screenshot({ path: `${screenshots}/experience-1440.png`, fullPage: true });
        },
        { screenshots },
      );

      await asUser(
        browser,
        base,
        'jinwan.office',
        async (s) => {
          await s.goto(`/r/${s.regionId()}/experiences`);
          await s.page.getByTestId('experience-card').first().waitFor();
          await s.page.screenshot({ path: `${screenshots}/experiences-375.png`, fullPage: true });
        },
        { screenshots, width: 375, height: 800 },
      );
    },
  },
];
