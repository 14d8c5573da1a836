/* global window -- used inside page.evaluate, which runs in the browser */
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ok } from '../lib/expect.mjs';
import { pickOption } from '../lib/select.mjs';
import { Session } from '../lib/session.mjs';

const SAVE = /保\s*存|Save/;

async function shoot(session, dir, name, locale, width) {
  await session.page.waitForLoadState('networkidle');
  await session.page.evaluate(() => window.scrollTo(0, 0));
  await session.page.screenshot({
    path: join(dir, `21-${name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

async function office(browser, base, locale = 'zh-CN', width = 1440) {
  const session = await Session.open(browser, base, { locale, width, height: width > 400 ? 900 : 812 });
  await session.login('nanhai.office');
  return session;
}

/** The office names the stages as the region does and sets the report's due day; lists and the map follow. */
async function settings({ browser, base, screenshots }) {
  const s = await office(browser, base);
  try {
    const regionId = s.regionId();
    // The refused save (400) is what this test provokes; the browser logs it as a failed resource.
    s.allowed.push(/status of 400/);
    await s.goto(`/r/${regionId}/projects`);
    await s.page.getByTestId('region-settings').click();
    const modal = s.page.locator('.ant-modal').filter({ has: s.page.getByTestId('settings-form') });
    await modal.getByTestId('settings-dueDay').fill('20');
    await modal.getByTestId('settings-stage-reserve').fill('新储备');
    await modal.getByTestId('settings-stage-started').fill('新动工');
    await modal.getByTestId('settings-stage-operating').fill('新投产');
    await s.page.screenshot({ path: join(screenshots, '21-settings-zh-1440.png'), animations: 'disabled' });
    // Two stages under one name are refused with the reason, and nothing is saved.
    await modal.getByTestId('settings-stage-signed').fill('新动工');
    await modal.getByRole('button', { name: SAVE }).click();
    await s.page.getByText('各阶段名称不能重复').waitFor();
    ok((await s.api(`/api/regions/${regionId}/settings`)).projectStageLabels.started === '开工', 'unchanged');
    await modal.getByTestId('settings-stage-signed').fill('签约');
    await modal.getByRole('button', { name: SAVE }).click();
    await s.page.getByText('设置已保存').waitFor();

    await s.page.getByTestId('filter-stage').click();
    await pickOption(s.page, '新动工');
    await s.page.locator('.ant-table-row').first().getByText('新动工').waitFor();
    await s.goto(`/r/${regionId}`);
    const stages = await s.page.getByTestId('project-stages').innerText();
    ok(stages.includes('新储备') && stages.includes('新投产'), `battle map names the stages: ${stages}`);
    s.assertNoConsoleErrors();
  } finally {
    await s.close();
  }
}

/** The office creates a project with its whole record, edits it, and a stale edit says so. */
async function createAndEdit({ browser, base, screenshots }) {
  const s = await office(browser, base);
  try {
    const regionId = s.regionId();
    // The stale save (412) is what this test provokes; the browser logs it as a failed resource.
    s.allowed.push(/status of 412/);
    await s.goto(`/r/${regionId}/projects`);
    await s.page.getByTestId('new-project').click();
    const form = s.page.locator('.ant-modal').filter({ has: s.page.getByTestId('project-form') });
    await form.getByTestId('project-name').fill('南海智能装备产业园二期');
    await form.getByTestId('project-stage').click();
    await pickOption(s.page, '签约');
    await form.getByTestId('project-category').fill('产业项目');
    await form.getByTestId('project-industry').fill('智能制造');
    await form.getByTestId('project-town').fill('狮山镇');
    await form.getByTestId('project-park').fill('南海高新区');
    await form.getByTestId('project-totalInvestment').fill('86000');
    await form.getByTestId('project-yearPlan').fill('12000');
    await form.getByTestId('project-leader').fill('李某某');
    await form.getByTestId('project-leadUnit').click();
    await pickOption(s.page, '发展');
    await s.page.screenshot({
      path: join(screenshots, '21-new-project-zh-1440.png'),
      animations: 'disabled',
    });
    await form.getByRole('button', { name: SAVE }).click();
    await s.page.getByTestId('project-page').waitFor();
    await s.page.getByText('南海智能装备产业园二期').first().waitFor();
    const projectId = /projects\/([^/?#]+)/.exec(s.page.url())?.[1];
    const created = await s.api(`/api/projects/${projectId}`);
    ok(created.stage === 'signed' && created.town === '狮山镇' && created.yearPlan === 12000, 'record saved');
    ok(created.totalInvestment === 86000 && created.leader === '李某某', 'investment and leader saved');

    await s.page.getByTestId('edit-project').click();
    const edit = s.page.locator('.ant-modal').filter({ has: s.page.getByTestId('project-form') });
    await edit.getByTestId('project-town').fill('大沥镇');
    await edit.getByRole('button', { name: SAVE }).click();
    await s.page.getByText('项目信息已保存').waitFor();
    ok((await s.api(`/api/projects/${projectId}`)).town === '大沥镇', 'the edit is saved');

    // Someone else saves while this form is open: saving answers that the data changed, and keeps theirs.
    await s.page.getByTestId('edit-project').click();
    await edit.getByTestId('project-town').fill('桂城街道');
    const now = await s.api(`/api/projects/${projectId}`);
    const other = await s.context.request.patch(`${base}/api/projects/${projectId}`, {
      headers: { 'if-match': `"${now.version}"` },
      data: { park: '三山新城' },
    });
    ok(other.ok(), `the other edit: ${other.status()}`);
    await edit.getByRole('button', { name: SAVE }).click();
    await s.page.getByText('数据已被他人修改').waitFor();
    const after = await s.api(`/api/projects/${projectId}`);
    ok(after.town === '大沥镇' && after.park === '三山新城', 'the stale edit changed nothing');
    s.assertNoConsoleErrors();
  } finally {
    await s.close();
  }
}

/** A PNG of `size`×`size` grey pixels, drawn here so the test needs no file from outside. */
function greyPng(size) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 0;
  const raw = Buffer.alloc((size + 1) * size, 0x99);
  for (let y = 0; y < size; y++) raw[y * (size + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The lead unit's reporter adds a 形象进度照片 to its open month; a PDF posing as a picture is refused with
 * the reason; the thumbnails open full size, and a photo added by mistake is taken back. Demo projects
 * already carry photos.
 */
async function photos({ browser, base, screenshots }, width) {
  const o = await office(browser, base);
  let setup;
  try {
    const regionId = o.regionId();
    const accounts = await o.api(`/api/regions/${regionId}/accounts`);
    const { items } = await o.api(`/api/regions/${regionId}/projects?limit=200`);
    let demoPhotos = 0;
    for (const item of items) {
      const project = await o.api(`/api/projects/${item.id}`);
      demoPhotos += project.photos.length;
      const open = project.reports.find((r) => r.status === 'submitted');
      const reporter = accounts.find((a) => a.role === 'reporter' && a.unitId === project.leadUnitId);
      // A month that already shows a demo photo is preferred, so the screenshots show one.
      const shown = open && project.photos.some((p) => p.reportId === open.id);
      if (open && reporter && (!setup || (shown && !setup.shown)))
        setup = { regionId, project, open, shown, reporter: reporter.username };
    }
    ok(demoPhotos >= 2, `demo projects carry photos: ${demoPhotos}`);
    ok(setup, 'a project with an open month and a reporter of its lead unit');
  } finally {
    await o.close();
  }
  const { regionId, project, open, reporter } = setup;
  const s = await Session.open(browser, base, { locale: 'zh-CN', width, height: width > 400 ? 900 : 812 });
  try {
    await s.login(reporter);
    // The refused upload (415) is what this test provokes; the browser logs it as a failed resource.
    s.allowed.push(/status of 415/);
    await s.goto(`/r/${regionId}/projects/${project.id}`);
    const month = s.page.getByTestId(`photos-${open.month}`);
    const before = project.photos.filter((p) => p.reportId === open.id).length;
    const input = month.locator('input[type=file]');
    await input.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: greyPng(64) });
    await s.page.getByText('照片已上传').waitFor();
    await month.locator('img').nth(before).waitFor();
    await input.setInputFiles({
      name: '伪装.png',
      mimeType: 'image/png',
      buffer: Buffer.from('%PDF-1.4 not a picture'),
    });
    await s.page.getByText('形象进度照片仅支持JPG、PNG、WebP图片').waitFor();
    const after = await s.api(`/api/projects/${project.id}`);
    ok(
      after.photos.filter((p) => p.reportId === open.id).length === before + 1,
      'one photo added, none refused',
    );
    await s.page.getByTestId('project-photos').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: join(screenshots, `21-photos-zh-${width}.png`), animations: 'disabled' });
    await month.locator('img').first().click();
    await s.page.locator('.ant-image-preview img').first().waitFor();
    // The preview zooms in; the picture is taken once it stands still.
    await s.page.waitForTimeout(500);
    await s.page.screenshot({
      path: join(screenshots, `21-photo-preview-zh-${width}.png`),
      animations: 'disabled',
    });
    // The photo just added is taken back, after a confirmation: the month is as it was.
    await s.page.keyboard.press('Escape');
    await s.page.locator('.ant-image-preview').waitFor({ state: 'hidden' });
    await month.getByTestId('project-photo').nth(before).getByRole('button', { name: '删除' }).click();
    await s.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await s.page.getByText('照片已删除').waitFor();
    const removed = await s.api(`/api/projects/${project.id}`);
    ok(removed.photos.filter((p) => p.reportId === open.id).length === before, 'the added photo taken back');
    s.assertNoConsoleErrors();
  } finally {
    await s.close();
  }
}

/** The list, a project page and the forms at desktop and phone widths in both languages. */
async function screens({ browser, base, screenshots }, locale, width) {
  const s = await office(browser, base, locale, width);
  try {
    const regionId = s.regionId();
    await s.goto(`/r/${regionId}/projects`);
    await s.page.locator('.ant-table-row').first().waitFor();
    await shoot(s, screenshots, 'projects', locale, width);
    const { items } = await s.api(`/api/regions/${regionId}/projects?limit=200`);
    const planned = items.find((p) => p.figures.yearPlan !== null) ?? items[0];
    await s.goto(`/r/${regionId}/projects/${planned.id}`);
    await s.page.getByTestId('report-due').waitFor();
    await shoot(s, screenshots, 'project', locale, width);
    await s.page.getByTestId('edit-project').click();
    await s.page.getByTestId('project-form').waitFor();
    await shoot(s, screenshots, 'edit-project', locale, width);
    await s.page.keyboard.press('Escape');
    await s.goto(`/r/${regionId}/projects`);
    await s.page.getByTestId('region-settings').click();
    await s.page.getByTestId('settings-form').waitFor();
    await shoot(s, screenshots, 'settings', locale, width);
    s.assertNoConsoleErrors();
  } finally {
    await s.close();
  }
}

export const tests = [
  { name: 'the office names the stages and the due day; list, filter and battle map follow', run: settings },
  {
    name: 'the office creates a key project with its record and edits it; a stale edit says so',
    run: createAndEdit,
  },
  ...[1440, 375].map((width) => ({
    name: `a unit adds a progress photo to its open month; a PDF posing as one is refused (${width} px)`,
    run: (env) => photos(env, width),
  })),
  ...['zh-CN', 'en-US'].flatMap((locale) =>
    [1440, 375].map((width) => ({
      name: `key-project list, page and forms (${locale}, ${width} px) with no console errors`,
      run: (env) => screens(env, locale, width),
    })),
  ),
];
