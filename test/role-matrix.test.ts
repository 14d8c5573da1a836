/**
 * Every route × every caller. The table below is the access policy of the API written out in full; the
 * first test proves it lists every route the app serves under /api (and nothing it does not), so a new
 * route cannot ship without someone deciding, here, who may call it.
 *
 * The subject of the task-scoped rows is the education task: lead unit dept2 (head2, reporter2), co-operating
 * unit dept1 (reporter1); the unrelated caller is a reporter of the town, which neither leads nor co-operates.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createPlan } from '../src/services/plan-service.js';
import { createAccount } from '../src/services/account-service.js';
import { createTask } from '../src/services/task-service.js';
import {
  multipart,
  ok,
  send,
  tinyPdf,
  tinyPng,
  uniqueName,
  uniquePeriod,
  type Call,
} from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';
import { buildWorld, login, PASSWORD, type World } from './helpers/world.js';

import {
  accountabilityFixtures,
  EXPERIENCE_BODY,
  newExperience,
  newNotice,
  newToleranceRequest,
  toleranceBody,
} from './helpers/accountability-fixtures.js';
import { draftBulletin, fakePdfConverter, publishedBulletin } from './helpers/bulletin-fixtures.js';
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

// ---- Excel 台账 fixtures ----
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A two-task ledger sheet as an office would type it: a new draft plan when applied. */
async function officeLedgerSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['序号', '任务', '牵头单位', '完成时限']);
  ws.addRow(['1', uniqueName('矩阵导入任务'), '区教育局', '2026-09-30']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An office's own key-project sheet: one new project, created at 谋划 when applied. */
async function officeProjectSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点项目');
  ws.addRow(['项目名称', '建设性质', '总投资(万元)', '牵头单位']);
  ws.addRow([uniqueName('矩阵导入项目'), '新建', 1200, '区教育局']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The education bureau's template for the current period with its first task filled in (a dry run). */
async function filledTemplate(e: Env): Promise<Buffer> {
  const res = await ok(e.app, e.cookie.leadReporter, {
    method: 'GET',
    url: `/api/units/${e.w.units.dept2}/report-template.xlsx?period=${CURRENT_PERIOD}`,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.getCell('D4').value = 50;
  ws.getCell('E4').value = '按计划推进';
  return Buffer.from(await wb.xlsx.writeBuffer());
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

// ---- Directives and meetings (issue 11 §3–4): fixtures ----

/** A meeting recorded by the office with fresh decisions, so each cell turns one nobody turned before. */
async function newMeeting(e: Env, decisions = 1): Promise<{ id: string; decisions: { id: string }[] }> {
  const res = await ok(e.app, e.cookie.office, {
    method: 'POST',
    url: `/api/regions/${e.w.regionA}/meetings`,
    payload: {
      kind: 'executive',
      heldOn: '2026-06-10',
      topic: uniqueName('常务会'),
      decisions: Array.from({ length: decisions }, () => uniqueName('确定事项')),
    },
  });
  return res.json();
}

/** A directive led by the subject task's lead unit (dept2), with the co-operating unit dept1. */
async function newDirective(e: Env): Promise<string> {
  const meeting = await newMeeting(e);
  const res = await ok(e.app, e.cookie.office, {
    method: 'POST',
    url: `/api/meeting-decisions/${meeting.decisions[0]!.id}/directive`,
    payload: { leadUnitId: e.w.units.dept2, coUnitIds: [e.w.units.dept1], deadline: '2026-09-30' },
  });
  return res.json<{ id: string }>().id;
}

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
    '/api/regions/:regionId/settings',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/settings` } }),
  ),
  row(
    'PUT',
    '/api/regions/:regionId/settings',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const url = `/api/regions/${e.w.regionA}/settings`;
      const version = await versionOf(e, url, (b) => b as Versioned);
      return {
        call: {
          method: 'PUT',
          url,
          headers: { 'if-match': `"${version}"` },
          payload: {
            projectReportDueDay: 20,
            projectStageLabels: {
              planning: '谋划',
              reserve: '新储备',
              signed: '签约',
              started: '新动工',
              operating: '新投产',
            },
            directiveDays: { deployed: 1, acting: 7, effect: 30 },
          },
        },
        state: () => readJson(e, url),
      };
    },
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
  // ---- Directives and meetings (issue 11 §3–4) ----
  row(
    'GET',
    '/api/regions/:regionId/meetings',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/meetings` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/meetings',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/meetings`,
        payload: { kind: 'topic', heldOn: '2026-06-12', topic: uniqueName('专题会') },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/meetings`),
    }),
  ),
  row(
    'GET',
    '/api/meetings/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => ({ call: { method: 'GET', url: `/api/meetings/${(await newMeeting(e)).id}` } }),
  ),
  row(
    'POST',
    '/api/meetings/:id/decisions',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const meeting = await newMeeting(e);
      return {
        call: {
          method: 'POST',
          url: `/api/meetings/${meeting.id}/decisions`,
          payload: { decisions: [uniqueName('补充事项')] },
        },
        state: () => readJson(e, `/api/meetings/${meeting.id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/meetings/:id/files',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const meeting = await newMeeting(e);
      return {
        call: {
          method: 'POST',
          url: `/api/meetings/${meeting.id}/files`,
          ...multipart('会议纪要.pdf', tinyPdf('minutes'), 'application/pdf'),
        },
        state: () => readJson(e, `/api/meetings/${meeting.id}`),
      };
    },
  ),
  row(
    'GET',
    '/api/meeting-files/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => {
      const meeting = await newMeeting(e);
      const file = (
        await ok(e.app, e.cookie.office, {
          method: 'POST',
          url: `/api/meetings/${meeting.id}/files`,
          ...multipart('会议纪要.pdf', tinyPdf('minutes'), 'application/pdf'),
        })
      ).json();
      return { call: { method: 'GET', url: `/api/meeting-files/${file.id as string}` } };
    },
  ),
  row(
    'POST',
    '/api/meeting-decisions/:id/task',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const meeting = await newMeeting(e);
      return {
        call: {
          method: 'POST',
          url: `/api/meeting-decisions/${meeting.decisions[0]!.id}/task`,
          payload: { planId: e.w.planId, leadUnitId: e.w.units.dept2, dueDate: '2026-12-31' },
        },
        state: () => readJson(e, `/api/meetings/${meeting.id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/meeting-decisions/:id/directive',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const meeting = await newMeeting(e);
      return {
        call: {
          method: 'POST',
          url: `/api/meeting-decisions/${meeting.decisions[0]!.id}/directive`,
          payload: { leadUnitId: e.w.units.dept2, deadline: '2026-09-30' },
        },
        state: () => readJson(e, `/api/meetings/${meeting.id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/instructions/:id/directive',
    'task',
    '401 ok    ok     403    403    403   403  404   404    403',
    async (e) => {
      const instruction = (
        await ok(e.app, e.cookie.leader, {
          method: 'POST',
          url: `/api/tasks/${e.task}/instructions`,
          payload: { body: uniqueName('请拿出具体举措') },
        })
      ).json();
      return {
        call: {
          method: 'POST',
          url: `/api/instructions/${instruction.id as string}/directive`,
          payload: { deadline: '2026-09-30' },
        },
        state: () => readJson(e, `/api/regions/${e.w.regionA}/directives`),
      };
    },
  ),
  row(
    'GET',
    '/api/regions/:regionId/directives',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/directives` } }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/directive-urges',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/directive-urges` } }),
  ),
  row(
    'GET',
    '/api/directives/:id',
    'task',
    '401 ok    ok     ok     ok     ok    ok   ok    404    403',
    async (e) => ({ call: { method: 'GET', url: `/api/directives/${await newDirective(e)}` } }),
  ),
  row(
    'POST',
    '/api/directives/:id/checkpoints/:checkpoint/answer',
    'task',
    '401 ok    403    403    403    ok    ok   403   404    403',
    async (e) => {
      const id = await newDirective(e);
      return {
        call: {
          method: 'POST',
          url: `/api/directives/${id}/checkpoints/deployed/answer`,
          payload: { body: uniqueName('已部署') },
        },
        state: () => readJson(e, `/api/directives/${id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/directives/:id/checkpoints/:checkpoint/files',
    'task',
    '401 ok    403    403    403    ok    ok   403   404    403',
    async (e) => {
      const id = await newDirective(e);
      return {
        call: {
          method: 'POST',
          url: `/api/directives/${id}/checkpoints/deployed/files`,
          ...multipart('部署方案.pdf', tinyPdf('deployed'), 'application/pdf'),
        },
        state: () => readJson(e, `/api/directives/${id}`),
      };
    },
  ),
  row(
    'GET',
    '/api/directive-files/:id',
    'task',
    '401 ok    ok     ok     ok     ok    ok   ok    404    403',
    async (e) => {
      const id = await newDirective(e);
      const file = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/directives/${id}/checkpoints/deployed/files`,
          ...multipart('部署方案.pdf', tinyPdf('deployed'), 'application/pdf'),
        })
      ).json();
      return { call: { method: 'GET', url: `/api/directive-files/${file.id as string}` } };
    },
  ),
  row(
    'POST',
    '/api/directives/:id/extensions',
    'task',
    '401 ok    403    403    403    ok    ok   403   404    403',
    async (e) => {
      const id = await newDirective(e);
      return {
        call: {
          method: 'POST',
          url: `/api/directives/${id}/extensions`,
          payload: { reason: '需市级审批', progress: '方案已上报', newDate: '2026-10-31' },
        },
        state: () => readJson(e, `/api/directives/${id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/directive-extensions/:id/decide',
    'task',
    '401 ok    ok     403    403    403   403  403   404    403',
    async (e) => {
      const id = await newDirective(e);
      const detail = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/directives/${id}/extensions`,
          payload: { reason: '需市级审批', progress: '方案已上报', newDate: '2026-10-31' },
        })
      ).json();
      const extensionId = (detail.extensions as { id: string }[])[0]!.id;
      return {
        call: {
          method: 'POST',
          url: `/api/directive-extensions/${extensionId}/decide`,
          payload: { approve: true },
        },
        state: () => readJson(e, `/api/directives/${id}`),
      };
    },
  ),
  // ---- Indicators and key projects (issue 11) ----
  //                                                                  anon admin office leader viewer lHead lRep coRep othRep officeB
  row(
    'GET',
    '/api/plans/:planId/indicators',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/indicators` } }),
  ),
  row(
    'POST',
    '/api/targets/:id/values',
    'region',
    '401 403   403    403    403    ok    ok   403   403    403',
    async (e) => {
      const target = await unitTarget(e);
      return {
        call: {
          method: 'POST',
          url: `/api/targets/${target}/values`,
          payload: { period: pastMonth(), value: 3 },
        },
        state: () => readJson(e, `/api/plans/${e.w.planId}/indicators`),
      };
    },
  ),
  row(
    'POST',
    '/api/targets/:id/values/confirm',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const target = await unitTarget(e);
      const period = pastMonth();
      await ok(e.app, e.cookie.leadReporter, {
        method: 'POST',
        url: `/api/targets/${target}/values`,
        payload: { period, value: 4 },
      });
      return {
        call: {
          method: 'POST',
          url: `/api/targets/${target}/values/confirm`,
          payload: { period, value: 4.2 },
        },
        state: () => readJson(e, `/api/plans/${e.w.planId}/indicators`),
      };
    },
  ),
  row(
    'GET',
    '/api/regions/:regionId/progress-summary',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/progress-summary` } }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/projects',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/projects` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/projects',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: { method: 'POST', url: `/api/regions/${e.w.regionA}/projects`, payload: projectBody(e) },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/projects?limit=200`),
    }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/project-conversion',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/project-conversion?year=2026` } }),
  ),
  row(
    'GET',
    '/api/projects/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => ({ call: { method: 'GET', url: `/api/projects/${(await sharedProject(e)).id}` } }),
  ),
  row(
    'PATCH',
    '/api/projects/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const url = `/api/projects/${(await sharedProject(e)).id}`;
      return patchCell(e, url, url, (b) => b as Versioned, { yearGoal: uniqueName('主体封顶') });
    },
  ),
  row(
    'POST',
    '/api/projects/:id/stage',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const project = await newProject(e);
      return {
        call: {
          method: 'POST',
          url: `/api/projects/${project.id}/stage`,
          headers: { 'if-match': `"${project.version}"` },
          payload: { stage: 'signed', date: '2026-03-01' },
        },
        state: () => readJson(e, `/api/projects/${project.id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/projects/:id/reports',
    'region',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    async (e) => {
      const url = `/api/projects/${(await sharedProject(e)).id}`;
      return {
        call: { method: 'POST', url: `${url}/reports`, payload: { month: pastMonth(), investment: 120 } },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'POST',
    '/api/project-reports/:id/confirm',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const url = `/api/projects/${(await sharedProject(e)).id}`;
      const report = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `${url}/reports`,
          payload: { month: pastMonth(), investment: 80 },
        })
      ).json<{ id: string }>();
      return {
        call: { method: 'POST', url: `/api/project-reports/${report.id}/confirm` },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'POST',
    '/api/project-reports/:id/photos',
    'region',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    async (e) => {
      const url = `/api/projects/${(await sharedProject(e)).id}`;
      // A month of its own per call: a month holds a limited number of photos.
      const report = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `${url}/reports`,
          payload: { month: pastMonth(), investment: 30 },
        })
      ).json<{ id: string }>();
      return {
        call: {
          method: 'POST',
          url: `/api/project-reports/${report.id}/photos`,
          ...multipart('工地现场.png', tinyPng(), 'image/png'),
        },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'DELETE',
    '/api/project-photos/:id',
    'region',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    async (e) => {
      const url = `/api/projects/${(await sharedProject(e)).id}`;
      // A month and a photo of their own per call, put there by the lead unit's reporter.
      const report = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `${url}/reports`,
          payload: { month: pastMonth(), investment: 20 },
        })
      ).json<{ id: string }>();
      const photo = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/project-reports/${report.id}/photos`,
          ...multipart('拍错的照片.png', tinyPng(), 'image/png'),
        })
      ).json<{ id: string }>();
      return {
        call: { method: 'DELETE', url: `/api/project-photos/${photo.id}` },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'PATCH',
    '/api/project-milestones/:id',
    'region',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    async (e) => {
      const project = await sharedProject(e);
      const url = `/api/projects/${project.id}`;
      const id = project.milestones[0]!.id;
      return patchCell(
        e,
        `/api/project-milestones/${id}`,
        url,
        (b) => find((b as ProjectView).milestones, id),
        {
          dueDate: '2026-09-30',
        },
      );
    },
  ),
  row(
    'PATCH',
    '/api/project-problems/:id',
    'region',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    async (e) => {
      const project = await sharedProject(e);
      const url = `/api/projects/${project.id}`;
      const id = project.problems[0]!.id;
      return patchCell(e, `/api/project-problems/${id}`, url, (b) => find((b as ProjectView).problems, id), {
        resolution: uniqueName('已协调解决'),
        resolvedOn: '2026-06-01',
      });
    },
  ),
  // ---- Accountability (问责), 容错免责 and the experience library (issue 10 §2–3) ----
  // Records and requests are on the lead unit (dept2): oversight reads every one, a unit only its own.
  row(
    'GET',
    '/api/regions/:regionId/accountability',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/accountability` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/accountability',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/accountability`,
        payload: {
          unitId: e.w.units.dept2,
          kind: 'matter',
          facts: uniqueName('事实'),
          decision: '通报批评',
          decidedBy: '区委',
          decidedOn: '2026-06-01',
          measures: ['criticism'],
        },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/accountability`),
    }),
  ),
  row(
    'GET',
    '/api/accountability/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   404   404    403',
    async (e) => ({
      call: { method: 'GET', url: `/api/accountability/${(await accountabilityFixtures(e)).recordId}` },
    }),
  ),
  row(
    'PATCH',
    '/api/accountability/:id',
    'region',
    '401 ok    ok     403    403    403   403  404   404    403',
    async (e) => {
      const url = `/api/accountability/${(await accountabilityFixtures(e)).recordId}`;
      return patchCell(e, url, url, (b) => b as Versioned, { decision: uniqueName('约谈') });
    },
  ),
  row(
    'GET',
    '/api/regions/:regionId/tolerance-requests',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/tolerance-requests` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/tolerance-requests',
    'region',
    '401 ok    403    403    403    ok    ok   403   403    403',
    async (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/tolerance-requests`,
        payload: toleranceBody(e, await newNotice(e)),
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/tolerance-requests`),
    }),
  ),
  row(
    'GET',
    '/api/tolerance-requests/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   404   404    403',
    async (e) => ({
      call: {
        method: 'GET',
        url: `/api/tolerance-requests/${(await accountabilityFixtures(e)).toleranceId}`,
      },
    }),
  ),
  row(
    'POST',
    '/api/tolerance-requests/:id/files',
    'region',
    '401 ok    403    403    403    ok    ok   404   404    403',
    async (e) => {
      const id = (await accountabilityFixtures(e)).toleranceId;
      return {
        call: {
          method: 'POST',
          url: `/api/tolerance-requests/${id}/files`,
          ...multipart('补充.pdf', tinyPdf(uniqueName('t')), 'application/pdf'),
        },
        state: () => readJson(e, `/api/tolerance-requests/${id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/tolerance-requests/:id/decide',
    'region',
    '401 ok    ok     403    403    403   403  404   404    403',
    async (e) => {
      const id = await newToleranceRequest(e);
      return {
        call: {
          method: 'POST',
          url: `/api/tolerance-requests/${id}/decide`,
          payload: { grant: true, note: '符合容错情形' },
        },
        state: () => readJson(e, `/api/tolerance-requests/${id}`),
      };
    },
  ),
  row(
    'GET',
    '/api/attachments/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   404   404    403',
    async (e) => ({
      call: { method: 'GET', url: `/api/attachments/${(await accountabilityFixtures(e)).attachmentId}` },
    }),
  ),
  // The library is every region's: only accepted experiences cross the tenant wall.
  row(
    'GET',
    '/api/experiences',
    'session',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     ok',
    () => ({
      call: { method: 'GET', url: '/api/experiences?q=%E5%8A%9E%E5%AD%A6' },
    }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/experiences',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/experiences` } }),
  ),
  row(
    'POST',
    '/api/tasks/:taskId/experiences',
    'task',
    '401 ok    403    403    403    ok    ok   403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/tasks/${e.task}/experiences`,
        payload: { ...EXPERIENCE_BODY, title: uniqueName('经验') },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/experiences`),
    }),
  ),
  row(
    'GET',
    '/api/experiences/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   404   404    404',
    async (e) => ({ call: { method: 'GET', url: `/api/experiences/${await newExperience(e)}` } }),
    'proposed: no other unit, no other region',
  ),
  row(
    'GET',
    '/api/experiences/:id',
    'session',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     ok',
    async (e) => ({ call: { method: 'GET', url: `/api/experiences/${await newExperience(e, true)}` } }),
    'accepted: every region',
  ),
  row(
    'PATCH',
    '/api/experiences/:id',
    'region',
    '401 ok    403    403    403    ok    ok   404   404    404',
    async (e) => {
      const url = `/api/experiences/${await newExperience(e)}`;
      return patchCell(e, url, url, (b) => b as Versioned, { effects: uniqueName('成效') });
    },
  ),
  row(
    'POST',
    '/api/experiences/:id/files',
    'region',
    '401 ok    403    403    403    ok    ok   404   404    404',
    async (e) => {
      const id = await newExperience(e);
      return {
        call: {
          method: 'POST',
          url: `/api/experiences/${id}/files`,
          ...multipart('经验.pdf', tinyPdf(uniqueName('x')), 'application/pdf'),
        },
        state: () => readJson(e, `/api/experiences/${id}`),
      };
    },
  ),
  ...(['accept', 'return'] as const).map((action) =>
    row(
      'POST',
      `/api/experiences/:id/${action}`,
      'region',
      '401 ok    ok     403    403    403   403  404   404    404',
      async (e) => {
        const id = await newExperience(e);
        return {
          call: {
            method: 'POST',
            url: `/api/experiences/${id}/${action}`,
            ...(action === 'return' && { payload: { reason: '请补充成效数据' } }),
          },
          state: () => readJson(e, `/api/experiences/${id}`),
        };
      },
    ),
  ),
  row(
    'POST',
    '/api/experiences/:id/adoptions',
    'session',
    '401 ok    403    403    403    403   403  403   403    ok',
    async (e) => {
      const id = await newExperience(e, true);
      return {
        call: {
          method: 'POST',
          url: `/api/experiences/${id}/adoptions`,
          payload: { taskId: e.w.tasks.regionB, note: '借鉴其做法' },
        },
        state: () => readJson(e, `/api/experiences/${id}`),
      };
    },
    'another region’s office, on one of its tasks',
  ),
  // ---- Assessment (考核): schemes, rounds, sheets; a unit reads no other unit's self-assessment before 公示 ----
  row(
    'GET',
    '/api/regions/:regionId/assessment-schemes',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/assessment-schemes` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/assessment-schemes',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/assessment-schemes`,
        payload: { year: 2026, title: uniqueName('考核方案'), docNo: '测改办〔2026〕1号' },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/assessment-schemes`),
    }),
  ),
  row(
    'GET',
    '/api/assessment-schemes/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => ({
      call: { method: 'GET', url: `/api/assessment-schemes/${(await assessFx(e)).schemeId}` },
    }),
  ),
  row(
    'PATCH',
    '/api/assessment-schemes/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const url = `/api/assessment-schemes/${(await assessFx(e)).schemeId}`;
      return patchCell(e, url, url, (b) => b as Versioned, { title: uniqueName('方案') });
    },
  ),
  row(
    'POST',
    '/api/assessment-schemes/:id/indicators',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const url = `/api/assessment-schemes/${(await assessFx(e)).schemeId}`;
      return {
        call: {
          method: 'POST',
          url: `${url}/indicators`,
          payload: {
            code: `M${++assessCounter}`,
            category: 'common',
            name: '指标',
            points: 5,
            method: 'manual',
          },
        },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'PATCH',
    '/api/assessment-indicators/:id',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const fx = await assessFx(e);
      const url = `/api/assessment-schemes/${fx.schemeId}`;
      return patchCell(
        e,
        `/api/assessment-indicators/${fx.indicatorId}`,
        url,
        (b) => find((b as { indicators: unknown }).indicators, fx.indicatorId),
        { name: uniqueName('指标') },
      );
    },
  ),
  row(
    'POST',
    '/api/assessment-schemes/:id/rounds',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const url = `/api/assessment-schemes/${(await assessFx(e)).schemeId}`;
      return {
        call: { method: 'POST', url: `${url}/rounds`, payload: { period: nextAssessQuarter() } },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'GET',
    '/api/assessment-rounds/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => ({
      call: { method: 'GET', url: `/api/assessment-rounds/${(await assessFx(e)).roundSelf}` },
    }),
  ),
  row(
    'GET',
    '/api/assessment-rounds/:id/scores.xlsx',
    'region',
    '401 ok    ok     ok     ok     403   403  403   403    403',
    async (e) => ({
      call: { method: 'GET', url: `/api/assessment-rounds/${(await assessFx(e)).roundSelf}/scores.xlsx` },
    }),
    'before 公示',
  ),
  row(
    'GET',
    '/api/assessment-rounds/:id/scores.xlsx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => ({
      call: {
        method: 'GET',
        url: `/api/assessment-rounds/${(await assessFx(e)).roundPublicity}/scores.xlsx`,
      },
    }),
    'during 公示',
  ),
  row(
    'GET',
    '/api/assessment-rounds/:id/units/:unitId',
    'region',
    '401 ok    ok     ok     ok     ok    ok   404   404    403',
    async (e) => ({
      call: {
        method: 'GET',
        url: `/api/assessment-rounds/${(await assessFx(e)).roundSelf}/units/${e.w.units.dept2}`,
      },
    }),
    'before 公示',
  ),
  row(
    'GET',
    '/api/assessment-rounds/:id/units/:unitId',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => ({
      call: {
        method: 'GET',
        url: `/api/assessment-rounds/${(await assessFx(e)).roundPublicity}/units/${e.w.units.dept2}`,
      },
    }),
    'during 公示',
  ),
  row(
    'PUT',
    '/api/assessment-rounds/:id/units/:unitId/scores',
    'region',
    '401 ok    403    403    403    ok    ok   403   403    403',
    async (e) => {
      const fx = await assessFx(e);
      const url = `/api/assessment-rounds/${fx.roundSelf}/units/${e.w.units.dept2}`;
      return {
        call: {
          method: 'PUT',
          url: `${url}/scores`,
          payload: {
            stage: 'self',
            items: [{ indicatorId: fx.indicatorId, score: 5, basis: uniqueName('依据') }],
          },
        },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-rounds/:id/advance',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const id = await newAssessRound(e);
      return {
        call: { method: 'POST', url: `/api/assessment-rounds/${id}/advance` },
        state: () => readJson(e, `/api/assessment-rounds/${id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-rounds/:id/adjustments',
    'region',
    '401 ok    ok     403    403    ok    ok   403   403    403',
    async (e) => {
      const id = (await assessFx(e)).roundSelf;
      return {
        call: {
          method: 'POST',
          url: `/api/assessment-rounds/${id}/adjustments`,
          payload: {
            unitId: e.w.units.dept2,
            kind: 'bonus',
            points: 3,
            reason: '通报表扬',
            evidence: '表扬通报',
          },
        },
        state: () => readJson(e, `/api/assessment-rounds/${id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-adjustments/:id/decide',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const round = (await assessFx(e)).roundSelf;
      const adj = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/assessment-rounds/${round}/adjustments`,
          payload: {
            unitId: e.w.units.dept2,
            kind: 'bonus',
            points: 2,
            reason: '通报表扬',
            evidence: '表扬通报',
          },
        })
      ).json();
      return {
        call: {
          method: 'POST',
          url: `/api/assessment-adjustments/${adj.id as string}/decide`,
          payload: { approve: true },
        },
        state: () => readJson(e, `/api/assessment-rounds/${round}`),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-rounds/:id/units/:unitId/indicators/:indicatorId/files',
    'region',
    '401 ok    403    403    403    ok    ok   403   403    403',
    async (e) => {
      const fx = await assessFx(e);
      const url = `/api/assessment-rounds/${fx.roundSelf}/units/${e.w.units.dept2}`;
      return {
        call: {
          method: 'POST',
          url: `${url}/indicators/${fx.indicatorId}/files`,
          ...multipart('自评佐证.pdf', tinyPdf(uniqueName('a')), 'application/pdf'),
        },
        state: () => readJson(e, url),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-adjustments/:id/files',
    'region',
    '401 ok    ok     403    403    ok    ok   404   404    403',
    async (e) => {
      const round = (await assessFx(e)).roundSelf;
      const adj = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/assessment-rounds/${round}/adjustments`,
          payload: {
            unitId: e.w.units.dept2,
            kind: 'bonus',
            points: 1,
            reason: '通报表扬',
            evidence: '见附件',
          },
        })
      ).json();
      return {
        call: {
          method: 'POST',
          url: `/api/assessment-adjustments/${adj.id as string}/files`,
          ...multipart('表扬通报.pdf', tinyPdf(uniqueName('b')), 'application/pdf'),
        },
        state: () => readJson(e, `/api/assessment-rounds/${round}`),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-rounds/:id/objections',
    'region',
    '401 ok    403    403    403    ok    ok   403   403    403',
    async (e) => {
      const id = (await assessFx(e)).roundPublicity;
      return {
        call: {
          method: 'POST',
          url: `/api/assessment-rounds/${id}/objections`,
          payload: { unitId: e.w.units.dept2, body: uniqueName('请复核') },
        },
        state: () => readJson(e, `/api/assessment-rounds/${id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-objections/:id/reply',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const round = (await assessFx(e)).roundPublicity;
      const objection = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/assessment-rounds/${round}/objections`,
          payload: { unitId: e.w.units.dept2, body: uniqueName('请复核') },
        })
      ).json();
      return {
        call: {
          method: 'POST',
          url: `/api/assessment-objections/${objection.id as string}/reply`,
          payload: { reply: '经核实，维持原评分' },
        },
        state: () => readJson(e, `/api/assessment-rounds/${round}`),
      };
    },
  ),
  row(
    'POST',
    '/api/assessment-rounds/:id/corrections',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => {
      const fx = await assessFx(e);
      return {
        call: {
          method: 'POST',
          url: `/api/assessment-rounds/${fx.roundLocked}/corrections`,
          payload: {
            unitId: e.w.units.dept2,
            indicatorId: fx.lockedIndicatorId,
            score: 4,
            reason: '复查更正',
          },
        },
        state: () => readJson(e, `/api/assessment-rounds/${fx.roundLocked}`),
      };
    },
  ),
  // ---- Excel 台账 import and export ----
  row(
    'GET',
    '/api/plans/:planId/ledger.xlsx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/ledger.xlsx` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/ledger-imports',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/ledger-imports?apply=true`,
        ...multipart('台账.xlsx', await officeLedgerSheet(), XLSX_MIME),
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/plans`),
    }),
  ),
  row(
    'GET',
    '/api/units/:id/report-template.xlsx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   403   403    403',
    (e) => ({
      call: {
        method: 'GET',
        url: `/api/units/${e.w.units.dept2}/report-template.xlsx?period=${CURRENT_PERIOD}`,
      },
    }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/report-imports',
    'region',
    '401 403   403    403    403    ok    ok   ok    ok     403',
    async (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/report-imports`,
        ...multipart('报送.xlsx', await filledTemplate(e), XLSX_MIME),
      },
    }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/notices.xlsx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/notices.xlsx` } }),
  ),
  row(
    'GET',
    '/api/plans/:planId/indicators.xlsx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/plans/${e.w.planId}/indicators.xlsx?asOf=2026-05` } }),
  ),
  row(
    'GET',
    '/api/regions/:regionId/projects.xlsx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/projects.xlsx?month=2026-05` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/projects.xlsx/import',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    async (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/projects.xlsx/import?apply=true`,
        ...multipart('重点项目.xlsx', await officeProjectSheet(), XLSX_MIME),
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/projects?limit=200`),
    }),
  ),
  // ---- Bulletins (通报): drafts are the office's; published ones the whole region reads ----
  row(
    'GET',
    '/api/regions/:regionId/bulletins',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    (e) => ({ call: { method: 'GET', url: `/api/regions/${e.w.regionA}/bulletins` } }),
  ),
  row(
    'POST',
    '/api/regions/:regionId/bulletins',
    'region',
    '401 ok    ok     403    403    403   403  403   403    403',
    (e) => ({
      call: {
        method: 'POST',
        url: `/api/regions/${e.w.regionA}/bulletins`,
        payload: { period: '2026-Q2', template: 'supervision' },
      },
      state: () => readJson(e, `/api/regions/${e.w.regionA}/bulletins`),
    }),
  ),
  row(
    'GET',
    '/api/bulletins/:id',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => {
      const b = await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/bulletins/${b.id}` } };
    },
  ),
  row(
    'GET',
    '/api/bulletins/:id',
    'region',
    '401 ok    ok     404    404    404   404  404   404    403',
    async (e) => {
      const b = await draftBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/bulletins/${b.id}` } };
    },
    'draft',
  ),
  row(
    'PATCH',
    '/api/bulletins/:id',
    'region',
    '401 ok    ok     404    404    404   404  404   404    403',
    async (e) => {
      const b = await draftBulletin(e.app, e.cookie.office, e.w.regionA);
      return {
        call: {
          method: 'PATCH',
          url: `/api/bulletins/${b.id}`,
          headers: { 'if-match': `"${b.version}"` },
          payload: { sections: { overview: '共有任务{total}项。' } },
        },
        state: () => readJson(e, `/api/bulletins/${b.id}`),
      };
    },
  ),
  row(
    'POST',
    '/api/bulletins/:id/publish',
    'region',
    '401 ok    ok     404    404    404   404  404   404    403',
    async (e) => {
      const b = await draftBulletin(e.app, e.cookie.office, e.w.regionA);
      return {
        call: {
          method: 'POST',
          url: `/api/bulletins/${b.id}/publish`,
          headers: { 'if-match': `"${b.version}"` },
        },
        state: () => readJson(e, `/api/bulletins/${b.id}`),
      };
    },
  ),
  row(
    'GET',
    '/api/bulletins/:id/docx',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => {
      const b = await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/bulletins/${b.id}/docx` } };
    },
  ),
  row(
    'GET',
    '/api/bulletins/:id/pdf',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => {
      fakePdfConverter(e.w.ctx);
      const b = await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/bulletins/${b.id}/pdf` } };
    },
  ),
  row(
    'GET',
    '/api/bulletins/:id/preview',
    'region',
    '401 ok    ok     ok     ok     ok    ok   ok    ok     403',
    async (e) => {
      fakePdfConverter(e.w.ctx);
      const b = await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/bulletins/${b.id}/preview` } };
    },
  ),
  // 收到通报: a published bulletin's receipts; the units it names (here all three) say 已阅 for their own
  row(
    'GET',
    '/api/units/:id/bulletin-receipts',
    'region',
    '401 ok    ok     ok     ok     ok    ok   403   403    403',
    async (e) => {
      await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/units/${e.w.units.dept2}/bulletin-receipts` } };
    },
  ),
  row(
    'POST',
    '/api/bulletins/:id/acknowledge',
    'region',
    '401 403   403    403    403    ok    ok   ok    ok     403',
    async (e) => {
      const b = await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return {
        call: { method: 'POST', url: `/api/bulletins/${b.id}/acknowledge` },
        state: () => readJson(e, `/api/bulletins/${b.id}/readings`),
      };
    },
  ),
  row(
    'GET',
    '/api/bulletins/:id/readings',
    'region',
    '401 ok    ok     ok     ok     403   403  403   403    403',
    async (e) => {
      const b = await publishedBulletin(e.app, e.cookie.office, e.w.regionA);
      return { call: { method: 'GET', url: `/api/bulletins/${b.id}/readings` } };
    },
  ),
  row(
    'GET',
    '/api/notices/:id/sheet',
    'task',
    '401 ok    ok     ok     ok     ok    ok   404   404    403',
    (e) => ({ call: { method: 'GET', url: `/api/notices/${e.fx.noticeId}/sheet?kind=urge` } }),
  ),
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

// Fixtures of the indicator and key-project rows, made once per environment on first use.

let pastMonths = 0;
/** A month long past no other call has used: figures for the future are refused. */
function pastMonth(): string {
  const n = pastMonths++;
  return `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

interface ProjectView {
  id: string;
  version: number;
  milestones: Versioned[];
  problems: Versioned[];
}

const unitTargets = new WeakMap<Env, Promise<string>>();
/** A target the lead unit (dept2) is responsible for. */
function unitTarget(e: Env): Promise<string> {
  let made = unitTargets.get(e);
  if (!made) {
    made = ok(e.app, e.cookie.office, {
      method: 'POST',
      url: `/api/plans/${e.w.planId}/targets`,
      payload: {
        indicator: '固定资产投资增长',
        measure: 'growth',
        comparator: '>=',
        value: 8,
        unit: '%',
        unitId: e.w.units.dept2,
      },
    }).then((res) => res.json<{ id: string }>().id);
    unitTargets.set(e, made);
  }
  return made;
}

function projectBody(e: Env): Record<string, unknown> {
  return {
    name: uniqueName('智能装备产业园项目'),
    stage: 'reserve',
    stageDate: '2026-01-10',
    nature: 'new',
    level: 'district',
    totalInvestment: 20000,
    yearPlan: 5000,
    leadUnitId: e.w.units.dept2,
  };
}

async function newProject(e: Env): Promise<ProjectView> {
  const res = await ok(e.app, e.cookie.office, {
    method: 'POST',
    url: `/api/regions/${e.w.regionA}/projects`,
    payload: projectBody(e),
  });
  return res.json<ProjectView>();
}

const sharedProjects = new WeakMap<Env, Promise<ProjectView>>();
/** One project led by dept2, with a problem its first month raised. */
function sharedProject(e: Env): Promise<ProjectView> {
  let made = sharedProjects.get(e);
  if (!made) {
    made = (async () => {
      const project = await newProject(e);
      await ok(e.app, e.cookie.leadReporter, {
        method: 'POST',
        url: `/api/projects/${project.id}/reports`,
        payload: {
          month: '2026-01',
          investment: 300,
          problems: [{ text: '征地手续未完成', owner: '区自然资源局', deadline: '2026-03-31' }],
        },
      });
      return (
        await ok(e.app, e.cookie.office, { method: 'GET', url: `/api/projects/${project.id}` })
      ).json<ProjectView>();
    })();
    sharedProjects.set(e, made);
  }
  return made;
}

// ---- Assessment (考核) fixtures: made once per matrix run through the API, as the office would ----

interface AssessFx {
  schemeId: string;
  indicatorId: string;
  roundSelf: string;
  roundPublicity: string;
  roundLocked: string;
  lockedIndicatorId: string;
}

const assessFixtures = new WeakMap<Env, Promise<AssessFx>>();
let assessCounter = 0;
let assessYear = 2040;

function nextAssessQuarter(): string {
  return `${assessYear++}-Q1`;
}

async function assessScheme(e: Env): Promise<{ schemeId: string; indicatorId: string }> {
  const scheme = (
    await ok(e.app, e.cookie.office, {
      method: 'POST',
      url: `/api/regions/${e.w.regionA}/assessment-schemes`,
      payload: { year: 2026, title: uniqueName('考核方案'), docNo: '测改办〔2026〕2号' },
    })
  ).json();
  // Scored by the office, so no department sees another's cells as its scoring unit.
  const indicator = (
    await ok(e.app, e.cookie.office, {
      method: 'POST',
      url: `/api/assessment-schemes/${scheme.id as string}/indicators`,
      payload: {
        code: 'G5',
        category: 'specific',
        name: '改革成效',
        points: 10,
        method: 'manual',
        scoringUnitId: e.w.units.office,
      },
    })
  ).json();
  return { schemeId: scheme.id as string, indicatorId: indicator.id as string };
}

async function openAssessRound(e: Env, schemeId: string, steps: number): Promise<string> {
  const round = (
    await ok(e.app, e.cookie.office, {
      method: 'POST',
      url: `/api/assessment-schemes/${schemeId}/rounds`,
      payload: { period: nextAssessQuarter() },
    })
  ).json();
  for (let i = 0; i < steps; i++)
    await ok(e.app, e.cookie.office, {
      method: 'POST',
      url: `/api/assessment-rounds/${round.id as string}/advance`,
    });
  return round.id as string;
}

function assessFx(e: Env): Promise<AssessFx> {
  let fx = assessFixtures.get(e);
  if (!fx) {
    fx = (async () => {
      const open = await assessScheme(e);
      const locked = await assessScheme(e);
      return {
        ...open,
        roundSelf: await openAssessRound(e, open.schemeId, 0),
        roundPublicity: await openAssessRound(e, open.schemeId, 3),
        roundLocked: await openAssessRound(e, locked.schemeId, 4),
        lockedIndicatorId: locked.indicatorId,
      };
    })();
    assessFixtures.set(e, fx);
  }
  return fx;
}

async function newAssessRound(e: Env): Promise<string> {
  return openAssessRound(e, (await assessFx(e)).schemeId, 0);
}

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
