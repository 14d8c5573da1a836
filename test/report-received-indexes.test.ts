/**
 * The digest's indexes on reports hold only what the office received (migration 20261213_0900), so a unit's
 * drafts skip them. A partial index serves a query only when the query's text proves its predicate: a status
 * passed as a parameter, or an IN list on SQLite, would leave these reads walking a task's whole history by
 * (task, period), correct but growing with every month reported. This runs the reads that lean on them and asks
 * each database for its plan: on PostgreSQL the generic plan a prepared statement keeps for any value.
 */
import { CompiledQuery, createQueryId, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { completedTaskIds } from '../src/db/repositories/meeting-repository.js';
import { reportDigestsOf, reportFactsChangedSince } from '../src/db/repositories/report-digest-repository.js';
import type { Database, ReportStatus } from '../src/db/schema.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createPlan } from '../src/services/plan-service.js';
import { createRegion } from '../src/services/region-service.js';
import { createTask } from '../src/services/task-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { QueryRecorder } from './helpers/query-recorder.js';
import { reportRow } from './helpers/report-rows.js';
import { dialects } from './helpers/storage.js';
import { TODAY } from './helpers/world.js';

const STATUSES: ReportStatus[] = ['accepted', 'accepted', 'submitted', 'draft', 'awaiting_head', 'returned'];
const YEARS = 30;

/** The plan the database would run `query` with, as text. */
async function planOf(storage: Storage, query: CompiledQuery): Promise<string> {
  if (storage.dialect === 'sqlite') {
    const rows = await storage.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    );
    return rows.rows.map((r) => r.detail).join('\n');
  }
  const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`;
  return storage.db.connection().execute(async (c: Kysely<Database>) => {
    await sql`SET plan_cache_mode = force_generic_plan`.execute(c);
    try {
      await c.executeQuery(CompiledQuery.raw(`PREPARE tz_plan AS ${query.sql}`));
      const rows = await c.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`EXPLAIN EXECUTE tz_plan(${query.parameters.map(literal).join(', ')})`),
      );
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`DEALLOCATE ALL`.execute(c);
      await sql`RESET plan_cache_mode`.execute(c);
    }
  });
}

describe.each(dialects)('reads served by the received reports’ indexes on $name', (dialect) => {
  let storage: Storage;
  let regionId: string;
  let planId: string;
  let taskId: string;
  const recorder = new QueryRecorder();

  beforeAll(async () => {
    storage = await dialect.open();
    const ctx = { storage, filesDir: '/nonexistent', now: () => TODAY };
    const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '索引区', kind: '区' });
    regionId = region.id;
    const unit = await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: '区发改局', kind: 'department' });
    planId = (
      await createPlan(ctx, SYSTEM_ACTOR, region.id, { title: '要点', kind: 'work_points', year: 2026 })
    ).id;
    taskId = (
      await createTask(ctx, SYSTEM_ACTOR, planId, {
        title: '长期任务',
        leadUnitId: unit.id,
        dueDate: '2026-12-31',
      })
    ).id;
    // A long history of every status, so walking it costs more than any seek and the planner says so.
    const rows = [];
    for (let y = 0; y < YEARS; y++)
      for (let m = 1; m <= 12; m++) {
        const period = `${1997 + y}-${String(m).padStart(2, '0')}`;
        rows.push(
          reportRow({
            id: `rpt_${period}`,
            regionId,
            taskId,
            unitId: unit.id,
            period,
            status: STATUSES[(y * 12 + m) % STATUSES.length]!,
            progress: m,
            claimsCompletion: y === YEARS - 1 && m === 12 ? 1 : 0,
            at: `${period}-15T08:00:00.000Z`,
          }),
        );
      }
    await storage.db.insertInto('reports').values(rows).execute();
    await sql`ANALYZE`.execute(storage.db);
  });
  afterAll(async () => {
    await storage.close();
  });

  async function plansOf(read: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
    recorder.nodes = [];
    await read(storage.db.withPlugin(recorder));
    const executor = storage.db.getExecutor();
    return Promise.all(
      recorder.nodes.map((node) => planOf(storage, executor.compileQuery(node, createQueryId()))),
    );
  }

  it('reads a past day’s digest by (task, status, updated_at) among received reports', async () => {
    const [plan] = await plansOf((db) =>
      reportDigestsOf(db, regionId, planId, '2026-06', '2020-06-30', [taskId]),
    );
    expect(plan).toContain('reports_task_received_updated');
    expect(plan).toContain('reports_task_completion_claims');
  });

  it('reads the reports changed since a day by the same index', async () => {
    const plans = await plansOf((db) =>
      reportFactsChangedSince(db, regionId, planId, '2026-05-31', null, [taskId]),
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain('reports_task_received_updated');
  });

  it('finds accepted completion claims among the few, not the task’s history', async () => {
    const [plan] = await plansOf((db) => completedTaskIds(db, [taskId]));
    expect(plan).toContain('reports_task_completion_claims');
  });

  it('serves the digest triggers’ reads of one task (their terms, as migration 20261212_0900 writes them)', async () => {
    const task = storage.dialect === 'sqlite' ? '?' : '$1';
    const latest = await planOf(
      storage,
      CompiledQuery.raw(
        `SELECT progress FROM reports WHERE task_id = ${task} AND status = 'accepted' ORDER BY updated_at DESC LIMIT 1`,
        [taskId],
      ),
    );
    expect(latest).toContain('reports_task_received_updated');
    const claimed = await planOf(
      storage,
      CompiledQuery.raw(
        `SELECT 1 FROM reports WHERE task_id = ${task} AND claims_completion = 1 AND status = 'accepted'`,
        [taskId],
      ),
    );
    expect(claimed).toContain('reports_task_completion_claims');
  });
});
