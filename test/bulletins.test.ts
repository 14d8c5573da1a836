/**
 * Bulletins (通报) through the API on each dialect: a quarter's draft computed from the ledger with figures
 * equal to the battle map's for the same day, the 文号 sequence without gaps or duplicates, edits that keep
 * figures linked, publication that locks and notifies, downloads, and the refusals of bad input.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../src/domain/task-status.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

interface Counts {
  total: number;
  done: number;
  ahead: number;
  on_pace: number;
  behind: number;
  other: number;
}

describe.each(dialects)('bulletins on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1', 'reporter2', 'leader', 'officeB']);
  const create = (payload: Record<string, unknown>, cookie = suite.cookies.office) =>
    send(suite.w.app, cookie, { method: 'POST', url: `/api/regions/${suite.w.regionA}/bulletins`, payload });
  const get = async (id: string) =>
    (await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/bulletins/${id}` })).json();

  it('drafts the quarter with the battle map’s figures for the same day, every figure computed', async () => {
    const res = await create({ period: '2026-Q2', template: 'tracking' });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b.documentNumber).toBe('测改办〔2026〕1号');
    expect(b.title).toBe('关于2026年第二季度测试区改革任务推进情况的通报');
    expect(b.status).toBe('draft');
    expect(b.can).toEqual({ edit: true, publish: true, readings: false });

    const map = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/dashboard`,
      })
    ).json<{ total: { total: number; counts: Record<TaskStatus, number> }; timeElapsed: number }>();
    const counts = b.counts as Counts;
    expect(counts.total).toBe(map.total.total);
    expect(counts.done).toBe(map.total.counts.done);
    expect(counts.ahead + counts.on_pace).toBe(map.total.counts.on_track);
    expect(counts.behind).toBe(map.total.counts.at_risk + map.total.counts.delayed);
    expect(counts.other).toBe(map.total.counts.not_started);

    const overview = b.sections.find((s: { key: string }) => s.key === 'overview');
    expect(overview.heading).toBe('一、总体情况');
    expect(overview.figures).toMatchObject({
      total: map.total.total,
      done: map.total.counts.done,
      behind: map.total.counts.at_risk + map.total.counts.delayed,
      other: map.total.counts.not_started,
      timeElapsed: map.timeElapsed,
    });
    // No placeholder is left unfilled in what is printed.
    for (const s of b.sections) expect(s.text).not.toMatch(/\{\w+\}/);
    const problems = b.sections.find((s: { key: string }) => s.key === 'problems');
    const delayed = map.total.counts.delayed;
    if (delayed > 0) expect(problems.figures.delayedCount).toBe(delayed);
    expect(b.sections.map((s: { heading: string | null }) => s.heading)).toEqual([
      null,
      '一、总体情况',
      '二、主要成效',
      '三、存在问题',
      '四、下步工作要求',
    ]);
    // 附件2 lists every task; every unit of the region appears, in its fixed order.
    const table = b.attachments.find((a: { title: string }) => a.title === '改革任务推进情况表');
    expect(table.rowCount).toBe(map.total.total);
  });

  it('numbers 文号 without gaps and refuses a duplicate or a skipped number', async () => {
    const dup = await create({ period: '2026-Q2', template: 'tracking', sequence: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.reason).toBe('bulletin.number_taken');
    const gap = await create({ period: '2026-Q2', template: 'tracking', sequence: 9 });
    expect(gap.statusCode).toBe(409);
    expect(gap.json().error).toMatchObject({ reason: 'bulletin.number_gap', params: { next: 2 } });
    const next = await create({ period: '2026-Q1', template: 'supervision', sequence: 2 });
    expect(next.statusCode).toBe(201);
    expect(next.json().documentNumber).toBe('测改办〔2026〕2号');
  });

  it('refuses a quarter without data, one not started, a month, and other callers', async () => {
    const none = await create({ period: '2025-Q4', template: 'tracking' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({
      reason: 'bulletin.no_data',
      message: expect.stringContaining('2025年第四季度'),
    });
    const future = await create({ period: '2026-Q4', template: 'tracking' });
    expect(future.json().error.reason).toBe('bulletin.period_not_started');
    expect((await create({ period: '2026-05', template: 'tracking' })).statusCode).toBe(400);
    expect(
      (await create({ period: '2026-Q2', template: 'tracking' }, suite.cookies.reporter1)).statusCode,
    ).toBe(403);
    expect(
      (await create({ period: '2026-Q2', template: 'tracking' }, suite.cookies.officeB)).statusCode,
    ).toBe(403);
    // Refusals spent no number: the next draft still takes 3.
    const list = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/bulletins`,
      })
    ).json();
    expect(list.map((b: { sequence: number }) => b.sequence)).toEqual([2, 1]);
  });

  it('keeps figures linked in edited text, publishes, locks and notifies the units named', async () => {
    const b = (await create({ period: '2026-Q2', template: 'tracking' })).json();
    const edit = await send(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/bulletins/${b.id as string}`,
      headers: { 'if-match': `"${b.version as number}"` },
      payload: { sections: { overview: '经逐项核查，全区共有改革任务{total}项，其中已完成{done}项。' } },
    });
    expect(edit.statusCode).toBe(200);
    const edited = edit.json().sections.find((s: { key: string }) => s.key === 'overview');
    expect(edited.edited).toBe(true);
    expect(edited.text).toBe(
      `经逐项核查，全区共有改革任务${edited.figures.total as number}项，其中已完成${edited.figures.done as number}项。`,
    );
    const unknown = await send(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/bulletins/${b.id as string}`,
      headers: { 'if-match': `"${edit.json().version as number}"` },
      payload: { sections: { nonsense: '文字' } },
    });
    expect(unknown.json().error.reason).toBe('bulletin.unknown_section');

    // Drafts are the office's: a unit neither lists nor reads them.
    expect(
      (
        await send(suite.w.app, suite.cookies.reporter1, {
          method: 'GET',
          url: `/api/bulletins/${b.id as string}`,
        })
      ).statusCode,
    ).toBe(404);

    const stale = await send(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/bulletins/${b.id as string}/publish`,
      headers: { 'if-match': `"${b.version as number}"` },
    });
    expect(stale.statusCode).toBe(412);
    const published = await send(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/bulletins/${b.id as string}/publish`,
      headers: { 'if-match': `"${edit.json().version as number}"` },
    });
    expect(published.statusCode).toBe(200);
    const p = published.json();
    expect(p.status).toBe('published');
    expect(p.can).toEqual({ edit: false, publish: false, readings: true });
    expect(p.notifiedUnitIds).toEqual(p.namedUnits.map((u: { id: string }) => u.id));

    const locked = await send(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/bulletins/${b.id as string}`,
      headers: { 'if-match': `"${p.version as number}"` },
      payload: { sections: { overview: '改写' } },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.reason).toBe('bulletin.published');
    expect((await get(b.id as string)).sections).toEqual(p.sections);

    // Published: the region reads it, the archive finds it by 文号 or title.
    const asUnit = await ok(suite.w.app, suite.cookies.reporter1, {
      method: 'GET',
      url: `/api/bulletins/${b.id as string}`,
    });
    expect(asUnit.json().title).toBe(p.title);
    const found = (
      await ok(suite.w.app, suite.cookies.reporter1, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/bulletins?q=${encodeURIComponent(p.documentNumber as string)}`,
      })
    ).json();
    expect(found.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it('downloads the .docx, and answers 503 with nothing written when LibreOffice is missing or hangs', async () => {
    const list = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/bulletins`,
      })
    ).json();
    const id = list[0].id as string;
    const docx = await ok(suite.w.app, suite.cookies.office, {
      method: 'GET',
      url: `/api/bulletins/${id}/docx`,
    });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.headers['content-disposition']).toContain('attachment');

    const ctx = suite.w.ctx as { pdf?: { binary?: string; timeoutMs?: number } };
    const before = ctx.pdf;
    try {
      ctx.pdf = { binary: '/nonexistent/soffice' };
      const missing = await send(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/bulletins/${id}/pdf`,
      });
      expect(missing.statusCode).toBe(503);
      expect(missing.json().error.reason).toBe('pdf.converter_missing');

      const dir = mkdtempSync(join(tmpdir(), 'taizhang-hung-'));
      const hung = join(dir, 'soffice');
      writeFileSync(hung, '#!/bin/sh\nsleep 30\n');
      chmodSync(hung, 0o755);
      ctx.pdf = { binary: hung, timeoutMs: 500 };
      const started = Date.now();
      const timeout = await send(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/bulletins/${id}/pdf`,
      });
      expect(timeout.statusCode).toBe(503);
      expect(timeout.json().error).toMatchObject({ reason: 'pdf.converter_timeout', params: { seconds: 1 } });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      ctx.pdf = before;
    }
  });

  it('prints a 督查通知单 and a 催办通知书 from a notice', async () => {
    const notice = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept1}/notices`,
        payload: { kind: 'urge', body: '请于期限内报送整改进展' },
      })
    ).json();
    for (const kind of ['notification', 'urge']) {
      const res = await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/notices/${notice.id as string}/sheet?kind=${kind}`,
      });
      expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    }
    const bad = await send(suite.w.app, suite.cookies.office, {
      method: 'GET',
      url: `/api/notices/${notice.id as string}/sheet?kind=other`,
    });
    expect(bad.statusCode).toBe(400);
  });
  it('speaks of the region’s indicators and accepted experiences, each figure recomputed from the database', async () => {
    const target = async (body: Record<string, unknown>, period: string, value: number) => {
      const id = (
        await ok(suite.w.app, suite.cookies.office, {
          method: 'POST',
          url: `/api/plans/${suite.w.planId}/targets`,
          payload: { unitId: suite.w.units.dept2, ...body },
        })
      ).json<{ id: string }>().id;
      await ok(suite.w.app, suite.cookies.reporter2, {
        method: 'POST',
        url: `/api/targets/${id}/values`,
        payload: { period, value },
      });
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/targets/${id}/values/confirm`,
        payload: { period },
      });
    };
    // 60 / 120 = 50% against 序时 41.7%: on pace; a growth of 5 against 6 左右 (5.7 accepted): behind.
    await target(
      { indicator: '固定资产投资额', measure: 'level', comparator: '>=', value: 120, unit: '亿元' },
      '2026-05',
      60,
    );
    await target(
      { indicator: '地区生产总值增长', measure: 'growth', comparator: '~', value: 6, unit: '%' },
      '2026-05',
      5,
    );
    const proposed = await send(suite.w.app, suite.cookies.reporter2, {
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.dept2}/experiences`,
      payload: {
        title: '企业开办“一网通办”',
        reason: '开办企业需分别到多个窗口办理，耗时较长。',
        measures: '整合登记、刻章、申领发票和社保登记，一次提交、并联办理。',
        effects: '企业开办时间压缩至一个工作日。',
        abstract: '以一网通办为抓手，企业开办一日办结。',
      },
    });
    expect(proposed.statusCode).toBe(201);
    await ok(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/experiences/${proposed.json<{ id: string }>().id}/accept`,
    });

    const project = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/regions/${suite.w.regionA}/projects`,
        payload: {
          name: '智能制造产业园项目',
          stage: 'started',
          stageDate: '2026-02-10',
          nature: 'new',
          level: 'city',
          category: '产业项目',
          town: '东城街道',
          totalInvestment: 50000,
          yearPlan: 12000,
          planYear: 2026,
          investedBefore: 0,
          leadUnitId: suite.w.units.dept2,
        },
      })
    ).json<{ id: string }>();
    for (const [month, investment] of [
      ['2026-04', 2000],
      ['2026-05', 1500],
    ] as const)
      await ok(suite.w.app, suite.cookies.reporter2, {
        method: 'POST',
        url: `/api/projects/${project.id}/reports`,
        payload: { month, investment, progress: '主体施工' },
      });

    const b = (await create({ period: '2026-Q2', template: 'tracking' })).json();
    const summary = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/progress-summary?month=2026-06`,
      })
    ).json<{
      elapsed: number;
      projects: { yearPlan: number; yearToDate: number; completion: number };
      indicators: {
        counts: {
          total: number;
          met: number;
          onPace: number;
          behind: number;
          missed: number;
          noData: number;
        };
      };
    }>();
    const c = summary.indicators.counts;
    const overview = b.sections.find((s: { key: string }) => s.key === 'overview');
    expect(overview.figures).toMatchObject({
      indicatorCount: c.total - c.noData,
      indicatorsOnPace: c.met + c.onPace,
      indicatorsBehind: c.behind + c.missed,
    });
    // 万元 in the ledger, 亿元 in the bulletin: 3500 / 12000 against 序时 50%.
    expect(overview.figures).toMatchObject({
      projectPlanned: summary.projects.yearPlan / 10000,
      projectInvested: summary.projects.yearToDate / 10000,
      projectTimeElapsed: summary.elapsed,
    });
    expect(overview.text).toContain(
      `重点项目年度计划投资1.2亿元，累计完成0.35亿元，完成率${summary.projects.completion}%，序时进度50%。`,
    );
    expect(overview.figures.indicatorsBehindNames).toContain('地区生产总值增长');
    expect(overview.figures.indicatorsBehindNames).not.toContain('固定资产投资额');
    expect(overview.text).toContain('达到序时进度1项，未达序时进度1项：地区生产总值增长');
    const sheet = b.attachments.find((a: { title: string }) => a.title === '主要指标完成情况表');
    expect(sheet.columns).toEqual(['指标', '单位', '年度目标', '累计完成', '完成率/增速', '序时', '位次']);
    expect(sheet.rowCount).toBe(c.total - c.noData);

    const accepted = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/experiences`,
      })
    )
      .json<{ title: string; status: string; decidedAt: string | null }[]>()
      .filter((e) => e.status === 'accepted');
    const achievements = b.sections.find((s: { key: string }) => s.key === 'achievements');
    expect(achievements.figures.experienceCount).toBe(accepted.length);
    expect(achievements.text).toContain('本期形成可复制推广经验1项：“企业开办“一网通办””（');
    for (const s of b.sections) expect(s.text).not.toMatch(/\{\w+\}/);
  });
  it('tallies the year’s meeting decisions as the meeting itself counts them', async () => {
    const held = await send(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/meetings`,
      payload: {
        kind: 'executive',
        heldOn: '2026-05-10',
        topic: '区政府常务会议',
        decisions: ['推进老旧小区改造', '完善企业服务专员制度'],
      },
    });
    expect(held.statusCode).toBe(201);
    const meeting = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/meetings/${held.json<{ id: string }>().id}`,
      })
    ).json<{ tally: { total: number; done: number; sentence: string } }>();
    const b = (await create({ period: '2026-Q2', template: 'supervision' })).json();
    const section = b.sections.find((s: { key: string }) => s.key === 'meeting_follow_through');
    expect(section.heading).toMatch(/会议确定事项落实情况$/);
    expect(section.figures).toMatchObject({
      meeting0: '2026年5月10日区政府常务会议',
      tally0: meeting.tally.sentence,
      decision0_0: '“推进老旧小区改造”：尚未交办。',
    });
    expect(section.text).toContain(`2026年5月10日区政府常务会议${meeting.tally.sentence}。`);
    expect(meeting.tally).toMatchObject({ total: 2, done: 0 });
  });
  it('ranks each group as the quarter’s assessment round does, once the round is made public', async () => {
    const scheme = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/regions/${suite.w.regionA}/assessment-schemes`,
        payload: { year: 2026, title: '2026年度改革工作考核方案', docNo: '测改办〔2026〕9号' },
      })
    ).json<{ id: string }>();
    const roundId = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${scheme.id}/rounds`,
        payload: { period: '2026-Q2' },
      })
    ).json<{ id: string }>().id;
    const ranking = async () =>
      (await create({ period: '2026-Q2', template: 'tracking' }))
        .json()
        .sections.find((s: { key: string }) => s.key === 'assessment_ranking');
    // While units still score themselves the ranking is not public: the bulletin says nothing of it.
    expect(await ranking()).toBeUndefined();
    for (let i = 0; i < 3; i++)
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/assessment-rounds/${roundId}/advance`,
      });
    const round = (
      await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/assessment-rounds/${roundId}` })
    ).json<{ stage: string; rows: { unitId: string; groupCode: string; total: number; rank: number }[] }>();
    expect(round.stage).toBe('publicity');
    const section = await ranking();
    expect(section.figures.group0).toBe('区直单位');
    const departments = round.rows
      .filter((r) => r.groupCode === 'department')
      .sort((a, b) => a.rank - b.rank)
      .map((r) => `${r.rank}.`);
    const listed = String(section.figures.ranking0).split('、');
    expect(listed.map((x) => x.slice(0, x.indexOf('.') + 1))).toEqual(departments);
    const town = round.rows.find((r) => r.unitId === suite.w.units.town1)!;
    expect(section.figures).toMatchObject({ group1: '镇街' });
    expect(section.figures.ranking1).toContain(`${town.rank}.`);
    expect(section.figures.ranking1).toContain(`（${Math.round(town.total * 100) / 100}分）`);
  });
});
