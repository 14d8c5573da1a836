/* global window -- used inside page.evaluate, which runs in the browser */
import { join } from 'node:path';
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
  ...['zh-CN', 'en-US'].flatMap((locale) =>
    [1440, 375].map((width) => ({
      name: `key-project list, page and forms (${locale}, ${width} px) with no console errors`,
      run: (env) => screens(env, locale, width),
    })),
  ),
];
