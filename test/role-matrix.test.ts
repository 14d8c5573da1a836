/**
 * Every route × every caller. The table below is the access policy of the API written out in full; the
 * first test proves it lists every route the app serves under /api (and nothing it does not), so a new
 * route cannot ship without someone deciding, here, who may call it.
 *
 * The subject of the task-scoped rows is the education task: lead unit dept2 (head2, reporter2), co-operating
 * unit dept1 (reporter1); the unrelated caller is a reporter of the town, which neither leads nor co-operates.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createPlan } from '../src/services/plan-service.js';
import { createAccount } from '../src/services/account-service.js';
import { createTask } from '../src/services/task-service.js';
import { multipart, ok, send, tinyPdf, uniqueName, uniquePeriod, type Call } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';
import { buildWorld, login, PASSWORD, type World } from './helpers/world.js';

const CALLERS = [
  'anonymous',
  'admin',
  'office',
  'leader',
  'viewer',
  'leadHead',
  'leadReporter',
  'coReporter',
  'otherReporter',
  'officeB',
] as const;
type Caller = (typeof CALLERS)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
type Outcome = 'allowed' | 'forbidden' | 'hidden' | 'unauthenticated';
const TOKEN: Readonly<Record<string, Outcome>> = {
  ok: 'allowed',
  '403': 'forbidden',
  '404': 'hidden',
  '401': 'unauthenticated',
};

/** What a route is about, for the policy checks on the table itself. */
type Scope = 'public' | 'session' | 'region' | 'task';

interface Env {
  w: World;
  app: FastifyInstance;
  cookie: Record<SignedIn, string>;
  task: string;
  fx: Fixtures;
}

interface Fixtures {
  targetId: string;
  victimAccountId: string;
  oversightAccountId: string;
  milestoneId: string;
  draftReportId: string;
  fileId: string;
  noticeId: string;
  draftTaskId: string;
}

interface Cell {
  call: Call;
  /** What a refused call must leave as it was, read back through the API. */
  state?: () => Promise<unknown>;
  /** A session of its own, for calls that end the session. */
  freshSession?: boolean;
}

interface Row {
  method: Call['method'];
  route: string;
  variant?: string;
  scope: Scope;
  expect: Record<Caller, Outcome>;
  cell: (e: Env, caller: Caller) => Promise<Cell> | Cell;
}

function row(
  method: Call['method'],
  route: string,
  scope: Scope,
  table: string,
  cell: Row['cell'],
  variant?: string,
): Row {
  const tokens = table.trim().split(/\s+/);
  if (tokens.length !== CALLERS.length)
    throw new Error(`${method} ${route}: ${tokens.length} outcomes for ${CALLERS.length} callers`);
  const expect = Object.fromEntries(
    CALLERS.map((c, i) => {
      const outcome = TOKEN[tokens[i]!];
      if (!outcome) throw new Error(`${method} ${route}: unknown outcome "${tokens[i]!}"`);
      return [c, outcome];
    }),
  ) as Record<Caller, Outcome>;
  return { method, route, scope, expect, cell, ...(variant !== undefined && { variant }) };
}

const keyOf = (r: { method: string; route: string }) => `${r.method} ${r.route}`;
const labelOf = (r: Row) => `${keyOf(r)}${r.variant ? ` [${r.variant}]` : ''}`;

// ---- fixtures made through the API, one per cell where a call changes what the next would see ----

async function readJson(e: Env, url: string): Promise<unknown> {
  return (await ok(e.app, e.cookie.admin, { method: 'GET', url })).json();
}

async function newReport(e: Env, state: 'draft' | 'awaiting_head' | 'submitted'): Promise<string> {
  const cookie = state === 'submitted' ? e.cookie.leadHead : e.cookie.leadReporter;
  // A task takes one report per open period: each fixture report gets a task of its own.
  const task = await freshReportTask(e.w);
  const res = await ok(e.app, cookie, {
    method: 'POST',
    url: `/api/tasks/${task}/reports`,
    payload: {
      period: CURRENT_PERIOD,
      progress: 30,
      narrative: '已完成调研',
      ...(state === 'draft' && { submit: false }),
    },
  });
  const report = res.json();
  if (report.status !== state) throw new Error(`fixture report is ${String(report.status)}, wanted ${state}`);
  return report.id as string;
}

async function reportCell(
  e: Env,
  state: 'draft' | 'awaiting_head' | 'submitted',
  action: string,
  body?: object,
): Promise<Cell> {
  const id = await newReport(e, state);
  return {
    call: { method: 'POST', url: `/api/reports/${id}/${action}`, ...(body && { payload: body }) },
    state: () => readJson(e, `/api/reports/${id}`),
  };
}

async function versionOf(e: Env, url: string, pick: (body: unknown) => { version: number }): Promise<number> {
  return pick(await readJson(e, url)).version;
}

/** A versioned PATCH of `target`, its version read where the client reads it; a refused call leaves that view as it was. */
async function patchCell(
  e: Env,
  target: string,
  readUrl: string,
  pick: (body: unknown) => { version: number },
  payload: Record<string, unknown>,
): Promise<Cell> {
  const version = await versionOf(e, readUrl, pick);
  return {
    call: { method: 'PATCH', url: target, headers: { 'if-match': `"${version}"` }, payload },
    state: () => readJson(e, readUrl),
  };
}

interface Versioned {
  id: string;
  version: number;
}

function find(list: unknown, id: string): Versioned {
  const found = (list as Versioned[]).find((x) => x.id === id);
  if (!found) throw new Error(`no ${id} in list`);
  return found;
}

const IMPORT_TEXT =
  '2026年测试区全面深化改革工作要点\n一、深化经济体制改革\n1．推进投资审批制度改革。牵头单位：区发展和改革局。2026年12月底前完成。\n';

//                                                                  anon admin office leader viewer lHead lRep coRep othRep officeB
const MATRIX: Row[] = [
  row(
    'POST',
    '/api/auth/login',
    'public',
    'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok',
    (e, c) => ({
      call: {
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          username: c === 'anonymous' ? e.w.usernames.viewer : usernameOf(e, c),
          password: PASSWORD,
        },
      },
    }),
  ),
  row(
    'POST',
    '/api/auth/logout',
    'session',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({
      call: { method: 'POST', url: '/api/auth/logout' },
      freshSession: true,
    }),
  ),
  row(
    'POST',
    '/api/auth/password',
    'session',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     ok',
    // Every account may change its own password; set to what it was, so the other rows still sign in.
    () => ({
      call: {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
      },
    }),
  ),
  row('GET', '/api/auth/me', 'session', '401 ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/auth/me' },
  })),
  row('GET', '/api/regions', 'session', '401 ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/regions' },
  })),
  row(
    'POST',
    '/api/regions',
    'session',
    '401 ok    403    403    403    403   403  403   403    403',
    (e) => ({
      call: { method: 'POST', url: '/api/regions', payload: { name: uniqueName('新区'), kind: '区' } },
      state: () => readJson(e, '/api/regions'),
    }),
  ),
  row(
    'GET',
    '/api/regions/:regionId',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}` } }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/units',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/units` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/units',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/units`,
        payload: { name: uniqueName('区新设单位'), kind: 'department' },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/units`),
    }),
  ),
  row(
    'PATCH',
    '/api/units/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/units/${e.w.units.town1}`,
        `/api/regions/${e.w.regionA}/units`,
        (b) => find(b, e.w.units.town1),
        { name: uniqueName('东城街道') },
      ),
  ),
  row(
    'GET',
    '/api/regions/:regionId/accounts',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/accounts` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/accounts',
    'region',
    '401 ok    403    403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/accounts`,
        payload: { username: uniqueName('a.new'), displayName: '新账号', password: PASSWORD, role: 'viewer' },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/accounts`),
    }),
    'oversight account: the operator only',
  ),
  row(
    'POST',
    '/api/regions/:regionId/accounts',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/accounts`,
        payload: {
          username: uniqueName('a.new'),
          displayName: '新账号',
          password: PASSWORD,
          role: 'reporter',
          unitId: e.w.units.town1,
        },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/accounts`),
    }),
    'unit staff account',
  ),
  row(
    'PATCH',
    '/api/accounts/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/accounts/${e.fx.victimAccountId}`,
        `/api/regions/${e.w.regionA}/accounts`,
        (b) => find(b, e.fx.victimAccountId),
        { displayName: uniqueName('改名') },
      ),
    'unit staff account',
  ),
  row(
    'PATCH',
    '/api/accounts/:id',
    'region',
    '401 ok    403    403    403    403   403  403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/accounts/${e.fx.oversightAccountId}`,
        `/api/regions/${e.w.regionA}/accounts`,
        (b) => find(b, e.fx.oversightAccountId),
        { password: uniqueName('taken-over-') },
      ),
    'oversight account: the operator only',
  ),
  row(
    'GET',
    '/api/regions/:regionId/plans',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/plans` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/plans',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/plans`,
        payload: { title: uniqueName('计划'), kind: 'action_plan', year: 2026 },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/plans`),
    }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/plans/import',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/plans/import`,
        payload: { text: IMPORT_TEXT, filename: 'points.txt' },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/plans`),
    }),
  ),
  row(
    'GET',
    '/api/plans/:planId/import-review',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/import-review` } }),
  ),
  row(
    'GET',
    '/api/plans/:planId',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}` } }),
  ),
  row(
    'GET',
    '/api/plans/:planId',
    'region',
    '401 ok    ok     404    404    404   404  404   404    403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.draftPlanId}` } }),
    'draft plan',
  ),
  row(
    'GET',
    '/api/plans/:planId/source',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/source` } }),
  ),
  row(
    'PATCH',
    '/api/plans/:planId',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/plans/${e.w.planId}`,
        `/api/plans/${e.w.planId}`,
        (b) => (b as { plan: { version: number } }).plan,
        { title: uniqueName('2026年改革工作要点') },
      ),
  ),
  row(
    'POST',
    '/api/plans/:planId/publish',
    'region',
    '401 ok    ok     404    404    404   404  404   404    403',
    async (e) => {
      const plan = await createPlan(e.w.ctx, SYSTEM_ACTOR, e.w.regionA, {
        title: uniqueName('待发布计划'),
        kind: 'action_plan',
        year: 2026,
      });
      await createTask(e.w.ctx, SYSTEM_ACTOR, plan.id, {
        title: '待发布任务',
        leadUnitId: e.w.units.dept2,
        coUnitIds: [e.w.units.dept1],
      });
      return {
        call: { method: 'POST', url: `/api/plans/${plan.id}/publish` },
        state: () => readJson(e, `/api/plans/${plan.id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/plans/:planId/areas',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/plans/${e.w.planId}/areas`,
        payload: { title: uniqueName('新方面') },
      },
      state: () => readJson(e, `/api/plans/${e.w.planId}`),
    }),
  ),
  row(
    'PATCH',
    '/api/areas/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/areas/${e.w.areaId}`,
        `/api/plans/${e.w.planId}`,
        (b) => find((b as { areas: unknown }).areas, e.w.areaId),
        { title: uniqueName('深化经济体制改革') },
      ),
  ),
  row(
    'GET',
    '/api/plans/:planId/targets',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/targets` } }),
  ),
  row(
    'POST',
    '/api/plans/:planId/targets',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/plans/${e.w.planId}/targets`,
        payload: { indicator: uniqueName('指标'), measure: 'growth', comparator: '~', value: 6, unit: '%' },
      },
      state: () => readJson(e, `/api/plans/${e.w.planId}/targets`),
    }),
  ),
  row(
    'PATCH',
    '/api/targets/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/targets/${e.fx.targetId}`,
        `/api/plans/${e.w.planId}/targets`,
        (b) => find(b, e.fx.targetId),
        { value: 6.5 },
      ),
  ),
  row(
    'POST',
    '/api/targets/:id/measurements',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/targets/${e.fx.targetId}/measurements`,
        payload: { period: uniquePeriod(), value: 5.8 },
      },
      state: () => readJson(e, `/api/plans/${e.w.planId}/targets`),
    }),
  ),
  row(
    'GET',
    '/api/plans/:planId/tasks',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/tasks` } }),
  ),
  row(
    'POST',
    '/api/plans/:planId/tasks',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/plans/${e.w.planId}/tasks`,
        payload: { title: uniqueName('新增任务'), leadUnitId: e.w.units.dept2 },
      },
      state: () => readJson(e, `/api/plans/${e.w.planId}/tasks`),
    }),
  ),
  row(
    'GET',
    '/api/tasks/:taskId',
    'task',
    '401 ok    ok     ok     ok     ok    ok   ok    403    403',
    (e) => ({ call: { method: 'GET', url: `/api/tasks/${e.task}` } }),
  ),
  row(
    'GET',
    '/api/tasks/:taskId',
    'task',
    '401 ok    ok     404    404    404   404  404   403    403',
    (e) => ({ call: { method: 'GET', url: `/api/tasks/${e.fx.draftTaskId}` } }),
    'task of a draft plan',
  ),
  row(
    'PATCH',
    '/api/tasks/:taskId',
    'task',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) =>
      patchCell(e, `/api/tasks/${e.task}`, `/api/tasks/${e.task}`, (b) => b as { version: number }, {
        workStandard: uniqueName('标准'),
      }),
  ),
  row(
    'POST',
    '/api/tasks/:taskId/milestones',
    'task',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/tasks/${e.task}/milestones`,
        payload: { title: uniqueName('节点'), dueDate: '2026-10-31' },
      },
      state: () => readJson(e, `/api/tasks/${e.task}`),
    }),
  ),
  row(
    'PATCH',
    '/api/milestones/:id',
    'task',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/milestones/${e.fx.milestoneId}`,
        `/api/tasks/${e.task}`,
        (b) => find((b as { milestones: unknown }).milestones, e.fx.milestoneId),
        { title: uniqueName('节点') },
      ),
  ),
  row(
    'POST',
    '/api/tasks/:taskId/reports',
    'task',
    '401 403   403    403    403    ok    ok   403   403    403',
    async (e) => {
      const task = await freshReportTask(e.w);
      return {
        call: {
          method: 'POST',
          url: `/api/tasks/${task}/reports`,
          payload: { period: CURRENT_PERIOD, progress: 20, narrative: '推进中' },
        },
        state: () => readJson(e, `/api/tasks/${task}/reports`),
      };
    },
  ),
  row(
    'GET',
    '/api/tasks/:taskId/reports',
    'task',
    '401 ok    ok     ok     ok     ok    ok   ok    403    403',
    (e) => ({ call: { method: 'GET', url: `/api/tasks/${e.task}/reports` } }),
  ),
  row(
    'GET',
    '/api/reports/:id',
    'task',
    '401 ok    ok     ok     ok     ok    ok   ok    403    403',
    (e) => ({ call: { method: 'GET', url: `/api/reports/${e.fx.draftReportId}` } }),
  ),
  row(
    'PATCH',
    '/api/reports/:id',
    'task',
    '401 403   403    403    403    ok    ok   403   403    403',
    (e) =>
      patchCell(
        e,
        `/api/reports/${e.fx.draftReportId}`,
        `/api/reports/${e.fx.draftReportId}`,
        (b) => b as { version: number },
        { narrative: uniqueName('修改后的进展') },
      ),
  ),
  row(
    'POST',
    '/api/reports/:id/:action',
    'task',
    '401 ok    403    403    403    ok    ok   403   403    403',
    (e) => reportCell(e, 'draft', 'submit'),
    'submit',
  ),
  row(
    'POST',
    '/api/reports/:id/:action',
    'task',
    '401 ok    403    403    403    ok    403  403   403    403',
    (e) => reportCell(e, 'awaiting_head', 'approve'),
    'approve',
  ),
  row(
    'POST',
    '/api/reports/:id/:action',
    'task',
    '401 ok    403    403    403    ok    403  403   403    403',
    (e) => reportCell(e, 'awaiting_head', 'send-back', { reason: '数据不全' }),
    'send-back',
  ),
  row(
    'POST',
    '/api/reports/:id/:action',
    'task',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => reportCell(e, 'submitted', 'accept', { rating: 4 }),
    'accept',
  ),
  row(
    'POST',
    '/api/reports/:id/:action',
    'task',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => reportCell(e, 'submitted', 'return', { reason: '请补充佐证材料' }),
    'return',
  ),
  row(
    'GET',
    '/api/regions/:regionId/report-queue',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/report-queue` } }),
  ),
  row(
    'GET',
    '/api/tasks/:taskId/periods',
    'task',
    '401 ok    ok     ok     ok     ok    ok   ok    403    403',
    (e) => ({ call: { method: 'GET', url: `/api/tasks/${e.task}/periods` } }),
  ),
  row(
    'POST',
    '/api/tasks/:taskId/periods/:period/:action',
    'task',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/tasks/${e.task}/periods/2026-03/reopen`,
        payload: { reason: '补报' },
      },
      state: () => readJson(e, `/api/tasks/${e.task}/periods`),
    }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/periods/:period/:action',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: { method: 'POST', url: `/api/regions/${e.w.regionA}/periods/2026-01/close` },
      state: () => readJson(e, `/api/tasks/${e.task}/periods`),
    }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/owed-reports',
    'region',
    '401 403   403    403    403    ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/owed-reports` } }),
  ),
  row(
    'POST',
    '/api/reports/:id/files',
    'task',
    '401 403   403    403    403    ok    ok   403   403    403',
    (e) => {
      const body = multipart('会议纪要.pdf', tinyPdf(), 'application/pdf');
      return {
        call: { method: 'POST', url: `/api/reports/${e.fx.draftReportId}/files`, ...body },
        state: () => readJson(e, `/api/reports/${e.fx.draftReportId}`),
      };
    },
  ),
  row('GET', '/api/files/:id', 'task', '401 ok    ok     ok     ok     ok    ok   ok    403    403', (e) => ({
    call: { method: 'GET', url: `/api/files/${e.fx.fileId}` },
  })),
  row(
    'GET',
    '/api/regions/:regionId/notices',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/notices` } }),
  ),
  row(
    'POST',
    '/api/tasks/:taskId/notices',
    'task',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/tasks/${e.task}/notices`,
        payload: { kind: 'reminder', body: uniqueName('请按时报送') },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/notices?taskId=${e.task}`),
    }),
  ),
  row(
    'POST',
    '/api/notices/:id/respond',
    'task',
    '401 ok    403    403    403    ok    ok   404   404    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/notices/${e.fx.noticeId}/respond`,
        payload: { response: uniqueName('已部署落实') },
      },
      state: async () =>
        find(await readJson(e, `/api/regions/${e.w.regionA}/notices?taskId=${e.task}`), e.fx.noticeId),
    }),
  ),
  row(
    'POST',
    '/api/notices/:id/close',
    'task',
    '401 ok    ok     403    403    403   403  404   404    403',
    async (e) => {
      const notice = (
        await ok(e.app, e.cookie.office, {
          method: 'POST',
          url: `/api/tasks/${e.task}/notices`,
          payload: { kind: 'urge', body: '请尽快报送' },
        })
      ).json();
      return {
        call: { method: 'POST', url: `/api/notices/${notice.id as string}/close` },
        state: async () =>
          find(
            await readJson(e, `/api/regions/${e.w.regionA}/notices?taskId=${e.task}`),
            notice.id as string,
          ),
      };
    },
  ),
  row(
    'POST',
    '/api/tasks/:taskId/instructions',
    'task',
    '401 ok    403    ok     403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/tasks/${e.task}/instructions`,
        payload: { body: uniqueName('请加快推进') },
      },
      state: () => readJson(e, `/api/tasks/${e.task}`),
    }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/instructions',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/instructions` } }),
  ),
  row(
    'POST',
    '/api/instructions/:id/reply',
    'task',
    '401 ok    403    403    403    ok    ok   404   404    403',
    async (e) => {
      const instruction = (
        await ok(e.app, e.cookie.leader, {
          method: 'POST',
          url: `/api/tasks/${e.task}/instructions`,
          payload: { body: uniqueName('请于月底前反馈') },
        })
      ).json();
      return {
        call: {
          method: 'POST',
          url: `/api/instructions/${instruction.id as string}/reply`,
          payload: { reply: uniqueName('已落实') },
        },
        state: async () =>
          find(await readJson(e, `/api/regions/${e.w.regionA}/instructions`), instruction.id as string),
      };
    },
  ),
  row(
    'GET',
    '/api/calendar/years/:year',
    'session',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({ call: { method: 'GET', url: '/api/calendar/years/2026' } }),
  ),
  row(
    'PUT',
    '/api/calendar/years/:year',
    'session',
    '401 ok    403    403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'PUT',
        url: '/api/calendar/years/2099',
        payload: { status: 'unknown', source: null, holidays: [], workdays: [] },
      },
      state: () => readJson(e, '/api/calendar/years/2099'),
    }),
  ),
  row(
    'GET',
    '/api/calendar/deadline',
    'session',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({ call: { method: 'GET', url: '/api/calendar/deadline?workingDays=3' } }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/dashboard',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/dashboard` } }),
  ),
  row(
    'GET',
    '/api/audit/verify',
    'session',
    '401 ok    403    403    ok     403   403  403   403    403',
    () => ({ call: { method: 'GET', url: '/api/audit/verify' } }),
  ),
  row(
    'GET',
    '/api/openapi.json',
    'public',
    'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({ call: { method: 'GET', url: '/api/openapi.json' } }),
  ),
  row('GET', '/api/docs', 'public', 'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/docs' },
  })),
  row('GET', '/api/docs/', 'public', 'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/docs/' },
  })),
  row(
    'GET',
    '/api/docs/static/index.html',
    'public',
    'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({ call: { method: 'GET', url: '/api/docs/static/index.html' } }),
  ),
  row(
    'GET',
    '/api/docs/static/swagger-initializer.js',
    'public',
    'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({ call: { method: 'GET', url: '/api/docs/static/swagger-initializer.js' } }),
  ),
  row('GET', '/api/docs/*', 'public', 'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/docs/static/swagger-ui.css' },
  })),
  row('GET', '/api/docs/json', 'public', 'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/docs/json' },
  })),
  row('GET', '/api/docs/yaml', 'public', 'ok  ok    ok     ok     ok     ok    ok   ok    ok     ok', () => ({
    call: { method: 'GET', url: '/api/docs/yaml' },
  })),
  // ---- regions in a tree (issue #15): the roll-up of the regions below; parent-region accounts are in
  // test/region-tree.test.ts (against a child's, a sibling's and an unrelated region's routes) ----
  row(
    'GET',
    '/api/regions/:regionId/rollup',
    'region',
    '401 ok    ok     ok     ok     403   403  403   403    403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/rollup` } }),
  ),
];

const USERNAMES: Record<SignedIn, (w: World) => string> = {
  admin: (w) => w.usernames.admin,
  office: (w) => w.usernames.office,
  leader: (w) => w.usernames.leader,
  viewer: (w) => w.usernames.viewer,
  leadHead: (w) => w.usernames.head2,
  leadReporter: (w) => w.usernames.reporter2,
  coReporter: (w) => w.usernames.reporter1,
  otherReporter: () => 'a.town.reporter',
  officeB: (w) => w.usernames.officeB,
};

function usernameOf(e: Env, caller: SignedIn): string {
  return USERNAMES[caller](e.w);
}

function classify(status: number): Outcome | `unexpected ${number}` {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  // Allowed means the call got through: the fixtures are built so that an allowed call succeeds outright.
  if (status >= 200 && status < 400) return 'allowed';
  return `unexpected ${status}`;
}

/**
 * Every method and path the app serves under /api, read from Fastify's own route tree (which includes
 * routes hidden from the OpenAPI document). HEAD routes Fastify adds for each GET are folded into the GET.
 */
function servedRoutes(app: FastifyInstance): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack.push(path);
    const methods = (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      if (path === '/api' || path.startsWith('/api/')) out.add(`${method} ${path}`);
    }
  }
  return out;
}

describe('the role matrix itself encodes the policy of DESIGN.md', () => {
  const byScope = (scope: Scope) => MATRIX.filter((r) => r.scope === scope);
  // Writes to the programme's data: signing out and changing one's own password are every account's.
  const writes = MATRIX.filter(
    (r) =>
      r.method !== 'GET' &&
      r.scope !== 'public' &&
      r.route !== '/api/auth/logout' &&
      r.route !== '/api/auth/password',
  );

  it('refuses anonymous callers everywhere but the public routes', () => {
    for (const r of MATRIX)
      expect([labelOf(r), r.expect.anonymous]).toEqual([
        labelOf(r),
        r.scope === 'public' ? 'allowed' : 'unauthenticated',
      ]);
  });

  it('never lets region B’s office into region A', () => {
    for (const r of [...byScope('region'), ...byScope('task')])
      expect([labelOf(r), r.expect.officeB]).not.toEqual([labelOf(r), 'allowed']);
  });

  it('keeps leaders (but for instructions) and viewers from writing', () => {
    for (const r of writes) {
      expect([labelOf(r), r.expect.viewer]).not.toEqual([labelOf(r), 'allowed']);
      if (r.route !== '/api/tasks/:taskId/instructions')
        expect([labelOf(r), r.expect.leader]).not.toEqual([labelOf(r), 'allowed']);
    }
  });

  it('keeps a reporter off another unit’s task, and a co-operating unit from writing to the lead unit’s', () => {
    for (const r of byScope('task')) {
      expect([labelOf(r), r.expect.otherReporter]).not.toEqual([labelOf(r), 'allowed']);
      if (r.method !== 'GET') expect([labelOf(r), r.expect.coReporter]).not.toEqual([labelOf(r), 'allowed']);
    }
  });
});

describe.each(dialects)('role matrix on $name', (dialect) => {
  let storage: Storage;
  let env: Env;

  beforeAll(async () => {
    storage = await dialect.open();
    const w = await buildWorld(storage);
    const sys = SYSTEM_ACTOR;
    await createAccount(w.ctx, sys, w.regionA, {
      username: 'a.town.reporter',
      displayName: '东城街道报送员',
      password: PASSWORD,
      role: 'reporter',
      unitId: w.units.town1,
    });
    const victim = await createAccount(w.ctx, sys, w.regionA, {
      username: 'a.victim',
      displayName: '被修改的账号',
      password: PASSWORD,
      role: 'reporter',
      unitId: w.units.town1,
    });
    const oversight = await createAccount(w.ctx, sys, w.regionA, {
      username: 'a.oversight',
      displayName: '纪委监委账号',
      password: PASSWORD,
      role: 'viewer',
    });
    const draftTask = await createTask(w.ctx, sys, w.draftPlanId, {
      title: '草稿中的任务',
      leadUnitId: w.units.dept2,
      coUnitIds: [w.units.dept1],
    });
    const cookie = {} as Record<SignedIn, string>;
    const partial: Omit<Env, 'fx'> = { w, app: w.app, cookie, task: w.tasks.dept2 };
    for (const caller of CALLERS)
      if (caller !== 'anonymous') cookie[caller] = await login(w.app, USERNAMES[caller](w));

    const target = (
      await ok(w.app, cookie.office, {
        method: 'POST',
        url: `/api/plans/${w.planId}/targets`,
        payload: {
          indicator: '义务教育巩固率',
          measure: 'share',
          comparator: '>=',
          value: 99,
          unit: '%',
          taskId: w.tasks.dept2,
        },
      })
    ).json();
    const milestone = (
      await ok(w.app, cookie.leadReporter, {
        method: 'POST',
        url: `/api/tasks/${w.tasks.dept2}/milestones`,
        payload: { title: '形成评价方案', dueDate: '2026-08-31' },
      })
    ).json();
    const draftReport = (
      await ok(w.app, cookie.leadReporter, {
        method: 'POST',
        url: `/api/tasks/${w.tasks.dept2}/reports`,
        payload: { period: CURRENT_PERIOD, progress: 10, narrative: '起草中', submit: false },
      })
    ).json();
    const file = (
      await ok(w.app, cookie.leadReporter, {
        method: 'POST',
        url: `/api/reports/${draftReport.id as string}/files`,
        ...multipart('方案.pdf', tinyPdf('plan'), 'application/pdf'),
      })
    ).json();
    const notice = (
      await ok(w.app, cookie.office, {
        method: 'POST',
        url: `/api/tasks/${w.tasks.dept2}/notices`,
        payload: { kind: 'supervise', body: '请说明滞后原因' },
      })
    ).json();
    env = {
      ...partial,
      fx: {
        targetId: target.id,
        victimAccountId: victim.id,
        oversightAccountId: oversight.id,
        milestoneId: milestone.id,
        draftReportId: draftReport.id,
        fileId: file.id,
        noticeId: notice.id,
        draftTaskId: draftTask.id,
      },
    };
  });
  afterAll(async () => {
    await env.w.app.close();
    await storage.close();
  });

  it('covers every method and path the app serves under /api, and nothing it does not serve', () => {
    const served = servedRoutes(env.app);
    // The route tree parser must at least see everything the OpenAPI document lists.
    const documented = Object.entries(env.app.swagger().paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(30);
    expect(documented.filter((k) => !served.has(k))).toEqual([]);

    const inMatrix = new Set(MATRIX.map(keyOf));
    expect(
      [...served].filter((k) => !inMatrix.has(k)),
      'routes missing from the role matrix',
    ).toEqual([]);
    expect(
      [...inMatrix].filter((k) => !served.has(k)),
      'matrix rows for routes the app no longer serves',
    ).toEqual([]);
  });

  it('has a row for every report action the API accepts', () => {
    const doc = env.app.swagger() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; schema?: { enum?: string[] } }[] }>
      >;
    };
    const actions =
      doc.paths['/api/reports/{id}/{action}']?.post?.parameters?.find((p) => p.name === 'action')?.schema
        ?.enum ?? [];
    expect(actions.length).toBeGreaterThan(0);
    const rows = MATRIX.filter((r) => r.route === '/api/reports/:id/:action').map((r) => r.variant);
    expect(rows.sort()).toEqual([...actions].sort());
  });

  it.each(MATRIX.map((r) => [labelOf(r), r] as const))('%s', async (_label, r) => {
    const mismatches: string[] = [];
    for (const caller of CALLERS) {
      const cell = await r.cell(env, caller);
      let cookie: string | null = caller === 'anonymous' ? null : env.cookie[caller];
      if (cell.freshSession && caller !== 'anonymous') cookie = await login(env.app, usernameOf(env, caller));
      const refused = r.expect[caller] !== 'allowed';
      const before = refused && cell.state ? await cell.state() : undefined;
      const res = await send(env.app, cookie, cell.call);
      const got = classify(res.statusCode);
      if (got !== r.expect[caller])
        mismatches.push(
          `${caller}: expected ${r.expect[caller]}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
      if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
        const code: unknown = res.json<{ error?: { code?: unknown } }>().error?.code;
        if (typeof code !== 'string') mismatches.push(`${caller}: ${res.statusCode} without the error shape`);
      }
      if (refused && cell.state) {
        const after = await cell.state();
        if (JSON.stringify(after) !== JSON.stringify(before))
          mismatches.push(`${caller}: a refused call changed what ${r.method} ${r.route} touches`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** Cases the matrix's fixed cast cannot show: accounts that hold a role and a unit at once, and references across tenants. */
describe.each(dialects)('edges of the role matrix on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let office: string;
  let reporter2: string;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    // Oversight and leaders may be staff of a unit (纪委监委 is a unit too); the role, not the unit, decides what they may write.
    for (const [username, role] of [
      ['a.viewer.dept2', 'viewer'],
      ['a.leader.dept2', 'leader'],
    ] as const) {
      await createAccount(w.ctx, SYSTEM_ACTOR, w.regionA, {
        username,
        displayName: username,
        password: PASSWORD,
        role,
        unitId: w.units.dept2,
      });
    }
    office = await login(w.app, w.usernames.office);
    reporter2 = await login(w.app, w.usernames.reporter2);
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  it.each(['a.viewer.dept2', 'a.leader.dept2'])(
    '%s, though attached to the lead unit, writes nothing of the unit’s',
    async (username) => {
      const cookie = await login(w.app, username);
      const draft = (
        await ok(w.app, reporter2, {
          method: 'POST',
          url: `/api/tasks/${await freshReportTask(w)}/reports`,
          payload: { period: CURRENT_PERIOD, progress: 10, narrative: '起草中', submit: false },
        })
      ).json();
      const notice = (
        await ok(w.app, office, {
          method: 'POST',
          url: `/api/tasks/${w.tasks.dept2}/notices`,
          payload: { kind: 'urge', body: '请报送' },
        })
      ).json();
      const before = await Promise.all([
        ok(w.app, office, { method: 'GET', url: `/api/tasks/${w.tasks.dept2}` }),
        ok(w.app, office, { method: 'GET', url: `/api/reports/${draft.id as string}` }),
      ]);
      const attempts: Call[] = [
        {
          method: 'PATCH',
          url: `/api/reports/${draft.id as string}`,
          headers: { 'if-match': `"${draft.version as number}"` },
          payload: { narrative: '被改写' },
        },
        {
          method: 'POST',
          url: `/api/reports/${draft.id as string}/files`,
          ...multipart('x.pdf', tinyPdf(), 'application/pdf'),
        },
        { method: 'POST', url: `/api/reports/${draft.id as string}/submit` },
        {
          method: 'POST',
          url: `/api/tasks/${w.tasks.dept2}/reports`,
          payload: { period: CURRENT_PERIOD, progress: 50, narrative: '代报' },
        },
        {
          method: 'POST',
          url: `/api/tasks/${w.tasks.dept2}/milestones`,
          payload: { title: '节点', dueDate: '2026-10-01' },
        },
        {
          method: 'POST',
          url: `/api/notices/${notice.id as string}/respond`,
          payload: { response: '代为答复' },
        },
      ];
      const statuses = [];
      for (const call of attempts)
        statuses.push(`${call.method} ${call.url} ${(await send(w.app, cookie, call)).statusCode}`);
      expect(statuses).toEqual(attempts.map((c) => `${c.method} ${c.url} 403`));
      const after = await Promise.all([
        ok(w.app, office, { method: 'GET', url: `/api/tasks/${w.tasks.dept2}` }),
        ok(w.app, office, { method: 'GET', url: `/api/reports/${draft.id as string}` }),
      ]);
      expect(after.map((r) => r.json())).toEqual(before.map((r) => r.json()));
    },
  );

  it('refuses a target that points at another region’s task or another plan’s area, and region B sees nothing of it', async () => {
    const foreignTask = {
      indicator: '外区指标',
      measure: 'count',
      comparator: '>=',
      value: 1,
      unit: '个',
      taskId: w.tasks.regionB,
    };
    const res = await send(w.app, office, {
      method: 'POST',
      url: `/api/plans/${w.planId}/targets`,
      payload: foreignTask,
    });
    expect(res.statusCode).toBe(400);
    const otherPlanArea = (
      await ok(w.app, office, {
        method: 'POST',
        url: `/api/plans/${w.draftPlanId}/areas`,
        payload: { title: '草稿方面' },
      })
    ).json();
    const res2 = await send(w.app, office, {
      method: 'POST',
      url: `/api/plans/${w.planId}/targets`,
      payload: { ...foreignTask, taskId: null, areaId: otherPlanArea.id },
    });
    expect(res2.statusCode).toBe(400);

    const mine = (
      await ok(w.app, office, {
        method: 'POST',
        url: `/api/plans/${w.planId}/targets`,
        payload: { ...foreignTask, indicator: '本区指标', taskId: w.tasks.dept1 },
      })
    ).json();
    const patch = await send(w.app, office, {
      method: 'PATCH',
      url: `/api/targets/${mine.id as string}`,
      headers: { 'if-match': `"${mine.version as number}"` },
      payload: { taskId: w.tasks.regionB },
    });
    expect(patch.statusCode).toBe(400);

    const officeB = await login(w.app, w.usernames.officeB);
    const taskB = (await ok(w.app, officeB, { method: 'GET', url: `/api/tasks/${w.tasks.regionB}` })).json();
    expect(taskB.targets).toEqual([]);
    const targets = (
      await ok(w.app, office, { method: 'GET', url: `/api/plans/${w.planId}/targets` })
    ).json();
    expect(targets.map((t: { indicator: string; taskId: string | null }) => [t.indicator, t.taskId])).toEqual(
      [['本区指标', w.tasks.dept1]],
    );
  });
});
