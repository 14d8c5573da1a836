/**
 * The demo's assessments, on each dialect: every demo region has a scheme with both groups, a finished
 * quarter carrying self-, first- and final scores, one objection answered and one 一票否决, and the
 * current quarter open for self-assessment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { listRegions } from '../src/db/repositories/region-repository.js';
import { loadDemoWorkspace } from '../src/demo/load-demo.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { schemeDetail, schemesOf } from '../src/services/assessment-scheme-service.js';
import { roundDetail } from '../src/services/assessment-service.js';
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
});
