/**
 * The demo's assessments, on each dialect: every demo region has a scheme with both groups, a finished
 * quarter carrying self-, first- and final scores, one objection answered and one 一票否决, and the
 * current quarter open for self-assessment; in 南海区 a granted 容错免责 lifts a 督办 deduction of the
 * finished quarter.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { listExemptions } from '../src/db/repositories/accountability-repository.js';
import { listRegions } from '../src/db/repositories/region-repository.js';
import { loadDemoWorkspace } from '../src/demo/load-demo.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { schemeDetail, schemesOf } from '../src/services/assessment-scheme-service.js';
import { roundDetail, unitSheet } from '../src/services/assessment-service.js';
import { applyForTolerance, decideTolerance } from '../src/services/tolerance-service.js';
import type { ServiceContext } from '../src/services/context.js';
import { dialects } from './helpers/storage.js';

const NOW = new Date('2026-11-21T02:00:00Z');

describe.each(dialects)('demo assessments on $name', (dialect) => {
  let storage: Storage;
  let ctx: ServiceContext;

  beforeAll(async () => {
    vi.stubEnv('TAIZHANG_SEEDS_DIR', undefined);
    storage = await dialect.open();
    ctx = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-demo-files-')), now: () => NOW };
    await loadDemoWorkspace(ctx, { password: 'demo-password-1' });
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await storage.close();
  });

  it('gives every region a finished quarter ranked in both groups, with its objection and its veto', async () => {
    // The province and its cities follow the districts below them and hold no scheme of their own.
    const regions = (await listRegions(storage.db)).filter((r) => r.kind !== '省' && r.kind !== '市');
    expect(regions).toHaveLength(4);
    for (const region of regions) {
      const [scheme] = await schemesOf(ctx, SYSTEM_ACTOR, region.id);
      const detail = await schemeDetail(ctx, SYSTEM_ACTOR, scheme!.row.id);
      expect(detail.rounds.map((r) => [r.period, r.stage])).toEqual([
        ['2026-Q4', 'self'],
        ['2026-Q3', 'finalized'],
      ]);
      const done = await roundDetail(ctx, SYSTEM_ACTOR, detail.rounds[1]!.id);
      const rows = done.results!;
      expect(new Set(rows.map((r) => r.sheetRow.group_code))).toEqual(new Set(['department', 'town']));
      expect(rows.filter((r) => r.sheet.vetoed).map((r) => r.ranked.grade)).toEqual(['fail']);
      expect(done.objections.map((o) => o.reply !== null)).toEqual([true]);
      const manual = done.data.scores.filter((s) => s.self_score !== null);
      expect(manual.length).toBeGreaterThan(0);
      expect(manual.every((s) => s.first_score !== null && s.final_score !== null)).toBe(true);
      // Ranks restart in each group.
      for (const group of ['department', 'town'])
        expect(rows.filter((r) => r.sheetRow.group_code === group).some((r) => r.ranked.rank === 1)).toBe(
          true,
        );
    }
  });

  it('shows the granted 容错免责 lifting a deduction in the finished quarter', async () => {
    const region = (await listRegions(storage.db)).find((r) => r.name === '南海区')!;
    const [exemption, ...others] = await listExemptions(storage.db, region.id);
    expect(others).toEqual([]);
    expect(exemption!.sourceKind).toBe('assessment_item');
    const [scheme] = await schemesOf(ctx, SYSTEM_ACTOR, region.id);
    const detail = await schemeDetail(ctx, SYSTEM_ACTOR, scheme!.row.id);
    const finished = detail.rounds.find((r) => r.period === '2026-Q3')!;
    expect(finished.stage).toBe('finalized');
    const round = await roundDetail(ctx, SYSTEM_ACTOR, finished.id);
    const docked = round.adjustments.find((a) => a.id === exemption!.sourceId)!;
    expect(docked).toMatchObject({ kind: 'deduction', status: 'approved', unit_id: exemption!.unitId });
    expect(docked.points).toBeGreaterThan(0);
    const row = round.results!.find((r) => r.sheet.unitId === exemption!.unitId)!;
    // The lifted line stays visible, worth nothing, with the decision's note …
    expect(row.sheet.adjustmentBasis.filter((l) => l.exempted === true)).toEqual([
      {
        sourceKind: 'assessment_item',
        sourceId: docked.id,
        date: '',
        kind: 'deduction',
        effect: 0,
        exempted: true,
        note: exemption!.note,
      },
    ]);
    expect(exemption!.note).toContain('免除');
    // … and the unit's deduction counts only its other, unexempted items.
    const otherDeductions = round.adjustments
      .filter((a) => a.unit_id === row.sheet.unitId && a.kind === 'deduction' && a.status === 'approved')
      .filter((a) => a.id !== docked.id)
      .reduce((sum, a) => sum + a.points, 0);
    expect(row.sheet.deduction).toBe(otherDeductions);
    // The unit's own sheet of the locked round says the same.
    const sheet = await unitSheet(ctx, SYSTEM_ACTOR, finished.id, row.sheet.unitId);
    expect(
      sheet.result.sheet.adjustmentBasis.some((l) => l.sourceId === docked.id && l.exempted === true),
    ).toBe(true);
  });

  it('leaves a locked quarter as it was when a 容错免责 is granted after 定等次', async () => {
    const region = (await listRegions(storage.db)).find((r) => r.name === '南海区')!;
    const [scheme] = await schemesOf(ctx, SYSTEM_ACTOR, region.id);
    const detail = await schemeDetail(ctx, SYSTEM_ACTOR, scheme!.row.id);
    const finished = detail.rounds.find((r) => r.period === '2026-Q3')!;
    const before = await roundDetail(ctx, SYSTEM_ACTOR, finished.id);
    const exempted = new Set((await listExemptions(storage.db, region.id)).map((x) => x.sourceId));
    const docked = before.adjustments.find(
      (a) => a.kind === 'deduction' && a.status === 'approved' && !exempted.has(a.id),
    )!;
    // A day after the demo locked the quarter.
    const later = { ...ctx, now: () => new Date(NOW.getTime() + 86_400_000) };
    const request = await applyForTolerance(later, SYSTEM_ACTOR, region.id, {
      unitId: docked.unit_id,
      sourceKind: 'assessment_item',
      sourceId: docked.id,
      situation: '定等次之后才提出的申请。',
      pilotReason: '先行先试。',
      experimentReason: '探索性试验。',
      mistakeReason: '无意过失。',
    });
    await decideTolerance(later, SYSTEM_ACTOR, request.id, undefined, { grant: true, note: '予以容错。' });
    const after = await roundDetail(ctx, SYSTEM_ACTOR, finished.id);
    const totals = (d: typeof before) =>
      d.results!.map((r) => [r.sheet.unitId, r.sheet.deduction, r.sheet.total, r.ranked.rank]);
    expect(totals(after)).toEqual(totals(before));
  });
});
