/**
 * The demo's 常务会 shows what the directive pages are for, whatever day the demo is loaded on: two
 * directives met, one late, one missed (and urged), one just assigned, one decision not yet handed on.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoDirectives } from '../src/demo/directives.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { today } from '../src/services/context.js';
import { directivesOf } from '../src/services/directive-service.js';
import { meetingsOf } from '../src/services/meeting-service.js';
import { tallySentence } from '../src/domain/meetings.js';
import { dialects } from './helpers/storage.js';
import { ok } from './helpers/http.js';
import { login, worldSuite } from './helpers/world.js';

// Days the demo might be loaded on: an ordinary day, just after the Spring Festival, and inside National Day.
const DAYS = ['2026-06-15T04:00:00Z', '2026-03-02T04:00:00Z', '2026-10-05T04:00:00Z'];

describe.each(dialects)('demo directives on $name', (dialect) => {
  let now = new Date(DAYS[0]!);
  const suite = worldSuite(dialect, [], () => now);

  it.each(DAYS)('loaded on %s, the 常务会 shows met, late, missed and pending directives', async (day) => {
    now = new Date(day);
    const w = suite.w;
    const office = await w.ctx.storage.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', w.usernames.office)
      .executeTakeFirstOrThrow();
    await loadDemoDirectives(w.ctx.storage.db, {
      regionId: w.regionA,
      regionName: `测试区${day.slice(0, 10)}`,
      units: [
        { id: w.units.dept1, name: '区发展和改革局' },
        { id: w.units.dept2, name: '区教育局' },
        { id: w.units.town1, name: '东城街道' },
      ],
      leaders: ['区委书记', '区长', '常务副区长'],
      officeAccountId: office.id,
      reporterOf: () => office.id,
      asOf: today(w.ctx),
      createdAt: now.toISOString(),
    });
    const meeting = (await meetingsOf(w.ctx, SYSTEM_ACTOR, w.regionA)).find(
      (m) => m.meeting.topic === `测试区${day.slice(0, 10)}人民政府常务会议`,
    )!;
    expect(meeting.meeting.kind).toBe('executive');
    expect(tallySentence(meeting.tally)).toBe('确定事项6件，已完成3件');
    const ids = new Set(meeting.decisions.flatMap((d) => (d.directiveId ? [d.directiveId] : [])));
    const directives = (await directivesOf(w.ctx, SYSTEM_ACTOR, w.regionA, {})).filter((d) =>
      ids.has(d.directive.id),
    );
    const byContent = new Map(directives.map((d) => [d.directive.content, d.state]));
    expect([...byContent.values()].sort()).toEqual(['late', 'met', 'met', 'missed', 'pending']);
    expect(byContent.get('建立企业诉求“接诉即办”闭环机制')).toBe('late');
    expect(byContent.get('推进老旧小区改造年度计划，汛期前完成排水改造')).toBe('missed');
    // Its urge waits in the lead unit's 督办 inbox (dept1, the fourth of three units round the list).
    const missed = directives.find((d) => d.state === 'missed')!;
    const urges = (
      await ok(w.app, await login(w.app, w.usernames.reporter1), {
        method: 'GET',
        url: `/api/regions/${w.regionA}/directive-urges`,
      })
    ).json<{ directiveId: string; checkpoint: string; unit: { id: string } }[]>();
    expect(urges.filter((u) => u.directiveId === missed.directive.id)).toEqual([
      expect.objectContaining({ checkpoint: 'acting', unit: expect.objectContaining({ id: w.units.dept1 }) }),
    ]);
  });
});
