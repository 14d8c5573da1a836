import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Storage } from '../../src/db/connection.js';
import { build } from '../../src/http/app.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { ensureAdmin } from '../../src/services/bootstrap-service.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createArea } from '../../src/services/area-service.js';
import { createPlan, publishPlan } from '../../src/services/plan-service.js';
import { createAccount } from '../../src/services/account-service.js';
import { createRegion } from '../../src/services/region-service.js';
import { createUnit } from '../../src/services/unit-service.js';
import { addMilestone } from '../../src/services/milestone-service.js';
import { createTask } from '../../src/services/task-service.js';

export const PASSWORD = 'correct-horse-battery';
export const TODAY = new Date('2026-06-15T04:00:00Z');
/** The world is set up, and its plans published, at the start of the year (or earlier, if the clock says so). */
export const SET_UP_AT = new Date('2026-01-05T01:00:00Z');

/** A small region with every role, plus a second region to prove tenants stay apart. */
export interface World {
  ctx: ServiceContext;
  app: FastifyInstance;
  regionA: string;
  regionB: string;
  units: { office: string; dept1: string; dept2: string; town1: string; officeB: string; deptB: string };
  planId: string;
  draftPlanId: string;
  areaId: string;
  tasks: { dept1: string; dept2: string; town1: string; regionB: string };
  usernames: Record<
    | 'admin'
    | 'office'
    | 'leader'
    | 'viewer'
    | 'head1'
    | 'reporter1'
    | 'head2'
    | 'reporter2'
    | 'officeB'
    | 'reporterB',
    string
  >;
}

export async function buildWorld(storage: Storage, now: () => Date = () => TODAY): Promise<World> {
  const ctx: ServiceContext = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-files-')), now };
  // Built as the office would have, early in the year: the plan was published in January, so the
  // months since are periods its tasks owe reports for.
  const early = () => new Date(Math.min(now().getTime(), SET_UP_AT.getTime()));
  const setup: ServiceContext = { ...ctx, now: early };
  await ensureAdmin(setup, PASSWORD);
  const sys = SYSTEM_ACTOR;
  const a = await createRegion(setup, sys, { name: '测试区', kind: '区', parentCity: '测试市' });
  const b = await createRegion(setup, sys, { name: '邻近区', kind: '区' });
  const office = await createUnit(setup, sys, a.id, { name: '区委改革办', kind: 'office' });
  const dept1 = await createUnit(setup, sys, a.id, { name: '区发展和改革局', kind: 'department' });
  const dept2 = await createUnit(setup, sys, a.id, { name: '区教育局', kind: 'department' });
  const town1 = await createUnit(setup, sys, a.id, { name: '东城街道', kind: 'town' });
  const officeB = await createUnit(setup, sys, b.id, { name: '邻区改革办', kind: 'office' });
  const deptB = await createUnit(setup, sys, b.id, { name: '邻区财政局', kind: 'department' });
  const accounts: [
    string,
    string,
    'office' | 'leader' | 'viewer' | 'unit_head' | 'reporter',
    string | null,
  ][] = [
    [a.id, 'a.office', 'office', office.id],
    [a.id, 'a.leader', 'leader', null],
    [a.id, 'a.viewer', 'viewer', null],
    [a.id, 'a.head1', 'unit_head', dept1.id],
    [a.id, 'a.reporter1', 'reporter', dept1.id],
    [a.id, 'a.head2', 'unit_head', dept2.id],
    [a.id, 'a.reporter2', 'reporter', dept2.id],
    [b.id, 'b.office', 'office', officeB.id],
    [b.id, 'b.reporter', 'reporter', deptB.id],
  ];
  for (const [regionId, username, role, unitId] of accounts) {
    await createAccount(setup, sys, regionId, {
      username,
      displayName: username,
      password: PASSWORD,
      role,
      unitId,
    });
  }
  const plan = await createPlan(setup, sys, a.id, {
    title: '2026年改革工作要点',
    kind: 'work_points',
    year: 2026,
  });
  const area = await createArea(setup, sys, plan.id, { title: '深化经济体制改革' });
  const t1 = await createTask(setup, sys, plan.id, {
    title: '推进投资审批制度改革',
    areaId: area.id,
    leadUnitId: dept1.id,
    dueDate: '2026-12-31',
  });
  const t2 = await createTask(setup, sys, plan.id, {
    title: '深化教育评价改革',
    areaId: area.id,
    leadUnitId: dept2.id,
    coUnitIds: [dept1.id],
    dueDate: '2026-05-31',
  });
  const t3 = await createTask(setup, sys, plan.id, {
    title: '推进基层治理改革',
    areaId: area.id,
    leadUnitId: town1.id,
    dueDate: '2026-12-31',
  });
  await addMilestone(setup, sys, t1.id, { title: '出台实施方案', dueDate: '2026-09-30' });
  await publishPlan(setup, sys, plan.id, undefined);
  const draft = await createPlan(setup, sys, a.id, { title: '草稿计划', kind: 'action_plan', year: 2026 });
  const planB = await createPlan(setup, sys, b.id, { title: '邻区计划', kind: 'work_points', year: 2026 });
  const tB = await createTask(setup, sys, planB.id, { title: '邻区任务', leadUnitId: deptB.id });
  await publishPlan(setup, sys, planB.id, undefined);
  const app = await build({ ctx, webRoot: null });
  await app.ready();
  return {
    ctx,
    app,
    regionA: a.id,
    regionB: b.id,
    units: {
      office: office.id,
      dept1: dept1.id,
      dept2: dept2.id,
      town1: town1.id,
      officeB: officeB.id,
      deptB: deptB.id,
    },
    planId: plan.id,
    draftPlanId: draft.id,
    areaId: area.id,
    tasks: { dept1: t1.id, dept2: t2.id, town1: t3.id, regionB: tB.id },
    usernames: {
      admin: 'admin',
      office: 'a.office',
      leader: 'a.leader',
      viewer: 'a.viewer',
      head1: 'a.head1',
      reporter1: 'a.reporter1',
      head2: 'a.head2',
      reporter2: 'a.reporter2',
      officeB: 'b.office',
      reporterB: 'b.reporter',
    },
  };
}

/** Logs in through the real route and returns the session cookie header. */
export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tz_session');
  if (!cookie) throw new Error('no session cookie');
  return `tz_session=${cookie.value}`;
}

type Caller = keyof World['usernames'];

/** A world for one describe block on one dialect, with signed-in sessions of the callers it names. */
export interface WorldSuite<C extends Caller> {
  readonly storage: Storage;
  readonly w: World;
  readonly cookies: Readonly<Record<C, string>>;
}

/**
 * Builds the world before the block's tests and closes it after them: the setup every API suite shares,
 * written once. Read the fields inside tests and hooks (they are filled by the block's beforeAll).
 */
export function worldSuite<C extends Caller>(
  dialect: { open: () => Promise<Storage> },
  callers: readonly C[],
  now?: () => Date,
): WorldSuite<C> {
  const suite = { cookies: {} } as { storage: Storage; w: World; cookies: Record<C, string> };
  beforeAll(async () => {
    suite.storage = await dialect.open();
    suite.w = await buildWorld(suite.storage, now);
    const cookies = await Promise.all(callers.map((c) => login(suite.w.app, suite.w.usernames[c])));
    callers.forEach((c, i) => (suite.cookies[c] = cookies[i]!));
  });
  afterAll(async () => {
    await suite.w.app.close();
    await suite.storage.close();
  });
  return suite;
}
