/**
 * A roll-up's cold build reads the standings of every region below together: one query per kind over all of
 * them, each naming the regions (`region_id in (…)`, so a distributed database routes it to their shards),
 * and each region's standing comes out as it does when read on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import type { Actor } from '../src/services/actor.js';
import { today, type ServiceContext } from '../src/services/context.js';
import { prepareRollUps, regionDashboard, regionRollUp } from '../src/services/dashboard-service.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { setRegionParent } from '../src/db/repositories/region-repository.js';
import { regionStandings } from '../src/services/region-standing.js';
import { QueryRecorder } from './helpers/query-recorder.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, PASSWORD, TODAY, type World } from './helpers/world.js';
import { login } from '../src/services/auth-service.js';
import { addMilestone } from '../src/services/milestone-service.js';

const REGION_TABLES = ['units', 'plans', 'tasks', 'milestones', 'targets', 'measurements', 'reports'];

describe.each(dialects)('the standings of many regions, read together, on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  const recorder = new QueryRecorder();
  let ctx: ServiceContext;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    ctx = {
      storage: { ...storage, db: storage.db.withPlugin(recorder) },
      filesDir: '/nonexistent',
      now: () => TODAY,
    };
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  const recordedSql = () =>
    recorder.nodes.map((node) => storage.db.getExecutor().compileQuery(node, { queryId: '' }).sql);

  it('reads each kind once for all the regions, every query naming them by region_id', async () => {
    recorder.nodes = [];
    await regionStandings(ctx, [w.regionA], today(ctx), 10);
    const alone = recordedSql().length;
    recorder.nodes = [];
    await regionStandings(ctx, [w.regionA, w.regionB], today(ctx), 10);
    const sqls = recordedSql();
    expect(sqls.length).toBe(alone);
    // Plans, tasks, two of milestones, units, digests, targets, measurements and the red lists' heads' names.
    expect(sqls.length).toBeLessThanOrEqual(10);
    const onRegionData = sqls.filter((s) => REGION_TABLES.some((t) => new RegExp(`from "${t}"`).test(s)));
    expect(onRegionData.length).toBe(sqls.length);
    expect(onRegionData.filter((s) => !/"region_id" in \(/.test(s))).toEqual([]);
  });

  it('gives each region the standing it has when read on its own', async () => {
    const day = today(ctx);
    const together = await regionStandings(ctx, [w.regionA, w.regionB], day, 10);
    for (const regionId of [w.regionA, w.regionB]) {
      const alone = await regionStandings(ctx, [regionId], day, 10);
      expect(together.get(regionId)).toEqual(alone.get(regionId));
    }
    expect(together.get(w.regionA)!.total.total).toBeGreaterThan(0);
    expect(together.get(w.regionB)!.total.total).toBeGreaterThan(0);
  });

  it('counts a done milestone whose date is no calendar day, as the battle map does', async () => {
    // Written around the services, as an older version or a hand edit could have left it: the milestone
    // reads as not done, so its task is overdue since its due date.
    const [milestone] = await storage.db
      .selectFrom('milestones')
      .select('id')
      .where('task_id', '=', w.tasks.dept1)
      .execute();
    await storage.db
      .updateTable('milestones')
      .set({ due_date: '2026-03-02', done_date: '2026-02-30' })
      .where('id', '=', milestone!.id)
      .execute();
    const office: Actor = {
      accountId: 'test',
      username: 'test',
      displayName: '测试',
      role: 'office',
      regionId: w.regionA,
      unitId: null,
    };
    const dashboard = await regionDashboard(ctx, office, w.regionA);
    const standing = (await regionStandings(ctx, [w.regionA, w.regionB], today(ctx), 10)).get(w.regionA)!;
    expect(dashboard.redList.map((l) => l.taskId)).toContain(w.tasks.dept1);
    expect(standing.total).toEqual(dashboard.total);
    expect(standing.redList).toEqual(dashboard.redList.slice(0, 10));
  });

  it('reads nothing for no region', async () => {
    recorder.nodes = [];
    expect((await regionStandings(ctx, [], today(ctx), 10)).size).toBe(0);
    expect(recorder.nodes).toEqual([]);
  });

  it('builds the standings a roll-up reads ahead of it, so the roll-up reads no task', async () => {
    await setRegionParent(storage.db, w.regionA, w.regionB);
    const fresh: ServiceContext = { ...ctx };
    expect(await prepareRollUps(fresh)).toBe(1);
    recorder.nodes = [];
    const rollUp = await regionRollUp(fresh, SYSTEM_ACTOR, w.regionB);
    expect(rollUp.children.map((c) => c.id)).toEqual([w.regionA]);
    expect(recordedSql().filter((sql) => /from "tasks"/.test(sql))).toEqual([]);
  });

  it('keeps a standing across the writes it does not show, and builds it again after one it shows', async () => {
    // Left by the test before: region A sits below region B.
    const server: ServiceContext = { ...ctx };
    expect(await prepareRollUps(server)).toBe(1);
    const before = await regionRollUp(server, SYSTEM_ACTOR, w.regionB);
    // A login is a write in region A's chain: the roll-up still reads no task.
    await login(server, { username: 'a.office', password: PASSWORD }, '127.0.0.1');
    recorder.nodes = [];
    expect(await regionRollUp(server, SYSTEM_ACTOR, w.regionB)).toEqual(before);
    expect(recordedSql().filter((sql) => /from "tasks"/.test(sql))).toEqual([]);
    // A milestone overdue since March: region A's standing changes, and is read again.
    await addMilestone(server, SYSTEM_ACTOR, w.tasks.dept2, { title: '完成方案', dueDate: '2026-03-02' });
    recorder.nodes = [];
    const after = await regionRollUp(server, SYSTEM_ACTOR, w.regionB);
    expect(recordedSql().filter((sql) => /from "tasks"/.test(sql)).length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await regionRollUp({ ...ctx }, SYSTEM_ACTOR, w.regionB));
  });
});
