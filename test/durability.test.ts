/**
 * Acknowledged writes survive `kill -9`: the real server, on its default SQLite storage in a data
 * directory, takes a stream of concurrent writes; it is killed without warning mid-stream and started
 * again on the same directory; every write that got a 2xx must be there, and the audit chain must hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { todayInShanghai } from '../src/domain/calendar.js';
import { Client, freePort, startServer, type RunningServer } from './helpers/server.js';

const ADMIN_PASSWORD = 'durable-admin-password';
const PASSWORD = 'durable-user-password';
/** Writes acknowledged before the kill; the streams keep going until it lands. */
const KILL_AFTER = 120;
/** More tasks than reports can be written before the kill, each taking one. */
const REPORT_TASKS = KILL_AFTER + 40;
const WORKERS = 6;

interface Acked {
  reports: Map<string, string>; // report id → task id
  tasks: string[];
}

describe('durability of acknowledged writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'taizhang-durable-'));
  const servers: RunningServer[] = [];
  const env = { TAIZHANG_DATA_DIR: dataDir, TAIZHANG_DEMO: '0', TAIZHANG_ADMIN_PASSWORD: ADMIN_PASSWORD };

  afterAll(async () => {
    for (const s of servers) {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        s.child.kill('SIGTERM');
        await Promise.race([s.exited, new Promise((r) => setTimeout(r, 3000))]);
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every write acknowledged before a SIGKILL, with an intact audit chain', async () => {
    const port = await freePort();
    const first = await startServer(env, port);
    servers.push(first);

    // Set up a tenant through the API, as an operator would.
    const admin = new Client(first.base);
    await admin.login('admin', ADMIN_PASSWORD);
    const region = await admin.ok<{ id: string }>('POST', '/api/regions', { name: '持久区', kind: '区' });
    const office = await admin.ok<{ id: string }>('POST', `/api/regions/${region.id}/units`, {
      name: '区委改革办',
      kind: 'office',
    });
    const dept = await admin.ok<{ id: string }>('POST', `/api/regions/${region.id}/units`, {
      name: '区发展和改革局',
      kind: 'department',
    });
    await admin.ok('POST', `/api/regions/${region.id}/accounts`, {
      username: 'd.office',
      displayName: '改革办',
      password: PASSWORD,
      role: 'office',
      unitId: office.id,
    });
    await admin.ok('POST', `/api/regions/${region.id}/accounts`, {
      username: 'd.reporter',
      displayName: '报送员',
      password: PASSWORD,
      role: 'reporter',
      unitId: dept.id,
    });
    const officeClient = new Client(first.base);
    await officeClient.login('d.office', PASSWORD);
    // The server runs on the real clock: this year's plan, reported for this month, the one period it takes.
    const today = todayInShanghai();
    const period = today.slice(0, 7);
    const plan = await officeClient.ok<{ id: string }>('POST', `/api/regions/${region.id}/plans`, {
      title: `${today.slice(0, 4)}年工作要点`,
      kind: 'work_points',
      year: Number(today.slice(0, 4)),
    });
    // A task takes one report per period, so every report goes to a task of its own.
    const taskIds: string[] = [];
    for (let i = 0; i < REPORT_TASKS; i++)
      taskIds.push(
        (
          await officeClient.ok<{ id: string }>('POST', `/api/plans/${plan.id}/tasks`, {
            title: `任务${i + 1}`,
            leadUnitId: dept.id,
          })
        ).id,
      );
    await officeClient.ok('POST', `/api/plans/${plan.id}/publish`);
    const reporter = new Client(first.base);
    await reporter.login('d.reporter', PASSWORD);

    // Concurrent streams of writes (reports from the unit, tasks from the office) until the kill lands mid-stream.
    const acked: Acked = { reports: new Map(), tasks: [] };
    let killed = false;
    let refusedBeforeKill = 0;
    const count = () => acked.reports.size + acked.tasks.length;
    let nextTask = 0;
    const worker = async (n: number): Promise<void> => {
      for (let i = 0; ; i++) {
        try {
          if (n === 0) {
            const res = await officeClient.request('POST', `/api/plans/${plan.id}/tasks`, {
              title: `追加任务${i}`,
              leadUnitId: dept.id,
            });
            if (res.status === 201) acked.tasks.push((res.json as { id: string }).id);
            else if (!killed) refusedBeforeKill++;
          } else {
            const taskId = taskIds[nextTask++];
            if (taskId === undefined) return;
            const res = await reporter.request('POST', `/api/tasks/${taskId}/reports`, {
              period,
              progress: i % 100,
              narrative: `第${n}路第${i}次报送`,
            });
            if (res.status === 201) acked.reports.set((res.json as { id: string }).id, taskId);
            else if (!killed) refusedBeforeKill++;
          }
        } catch {
          // Connection refused or reset: the server is gone, and this request was never acknowledged.
          if (killed) return;
          throw new Error(`request failed before the kill:\n${first.output()}`);
        }
        if (!killed && count() >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));
    expect(await first.exited).toBe('SIGKILL');
    expect(refusedBeforeKill).toBe(0);
    expect(count()).toBeGreaterThanOrEqual(KILL_AFTER);

    // Same directory, fresh process.
    const second = await startServer(env, await freePort());
    servers.push(second);
    const auditor = new Client(second.base);
    await auditor.login('admin', ADMIN_PASSWORD);
    const found = new Set<string>();
    for (const taskId of taskIds) {
      for (const r of await auditor.ok<{ id: string }[]>('GET', `/api/tasks/${taskId}/reports`))
        found.add(r.id);
    }
    const missingReports = [...acked.reports.keys()].filter((id) => !found.has(id));
    expect(missingReports).toEqual([]);
    const ledger = new Set(
      (await auditor.ok<{ id: string }[]>('GET', `/api/plans/${plan.id}/tasks`)).map((t) => t.id),
    );
    expect(acked.tasks.filter((id) => !ledger.has(id))).toEqual([]);

    const verify = await auditor.ok<{ ok: boolean; events: number }>('GET', '/api/audit/verify');
    expect(verify.ok).toBe(true);
    // Every acknowledged write left its audit event (plus set-up and logins).
    expect(verify.events).toBeGreaterThanOrEqual(count() + taskIds.length + 8);

    // And the operator's own check agrees, on the file the server keeps.
    second.child.kill('SIGTERM');
    await second.exited;
    const cli = await runCli(['verify-audit'], { TAIZHANG_DATA_DIR: dataDir });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`${verify.events} events`);
  });
});
