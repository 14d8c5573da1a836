/**
 * The demo workspace `npm start` builds on an empty database, on each dialect: the four regions of the
 * seed documents with their plans as the documents give them, every status colour on the battle map,
 * and task pages whose history tells the simulated year, on an unbroken audit chain.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { listAuditEvents, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { listAreas } from '../src/db/repositories/area-repository.js';
import { listPlans } from '../src/db/repositories/plan-repository.js';
import { listRegions } from '../src/db/repositories/region-repository.js';
import { loadDemoWorkspace } from '../src/demo/load-demo.js';
import { TASK_STATUSES, type TaskStatus } from '../src/domain/task-status.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { regionDashboard } from '../src/services/dashboard-service.js';
import { dialects } from './helpers/storage.js';

const NOW = new Date('2026-11-21T02:00:00Z');

describe.each(dialects)('demo workspace on $name', (dialect) => {
  let storage: Storage;
  let ctx: ServiceContext;

  beforeAll(async () => {
    storage = await dialect.open();
    ctx = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-demo-files-')), now: () => NOW };
    await loadDemoWorkspace(ctx, { password: 'demo-password-1' });
  }, 120_000);
  afterAll(async () => {
    await storage.close();
  });

  const regionNamed = async (name: string) => (await listRegions(storage.db)).find((r) => r.name === name)!;
  const areaCounts = async (name: string) => {
    const plans = await listPlans(storage.db, (await regionNamed(name)).id, false);
    return Promise.all(plans.map(async (p) => (await listAreas(storage.db, p.id)).length));
  };

  it('builds the four regions of the seed documents, with the areas their programmes name', async () => {
    expect((await listRegions(storage.db)).map((r) => r.name).sort()).toEqual(
      ['南海区', '湛江经开区', '源城区', '金湾区'].sort(),
    );
    expect(await areaCounts('湛江经开区')).toContain(10);
    expect(await areaCounts('源城区')).toContain(6);
  });

  it('shows every status colour on the battle maps', async () => {
    const seen = new Map<TaskStatus, number>();
    for (const region of await listRegions(storage.db)) {
      const dashboard = await regionDashboard(ctx, SYSTEM_ACTOR, region.id);
      for (const status of TASK_STATUSES)
        seen.set(status, (seen.get(status) ?? 0) + dashboard.total.counts[status]);
    }
    for (const status of TASK_STATUSES) expect(seen.get(status), status).toBeGreaterThan(0);
  });

  it('gives each reported task a history in the order things happened, on an intact chain', async () => {
    const accepted = await storage.db
      .selectFrom('reports')
      .select(['id', 'task_id'])
      .where('status', '=', 'accepted')
      .limit(1)
      .executeTakeFirstOrThrow();
    const history = await listAuditEvents(storage.db, 'task', accepted.task_id);
    const ofReport = history
      .filter((h) => (JSON.parse(h.data) as { reportId?: string }).reportId === accepted.id)
      .sort((a, b) => a.seq - b.seq);
    expect(ofReport.map((h) => h.action)).toEqual(['report.create', 'report.approve', 'report.accept']);
    // Named people did it: the unit's reporter and head, then the office.
    expect(ofReport.every((h) => h.actor_name)).toBe(true);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });
});
