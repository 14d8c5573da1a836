/**
 * Fixtures for the role matrix's accountability, 容错免责 and experience rows, made through the API as
 * their owners would make them: a 问责 record, a request and a proposed experience of the lead unit (dept2).
 */
import type { FastifyInstance } from 'fastify';
import { multipart, ok, tinyPdf, uniqueName } from './http.js';
import type { World } from './world.js';

export interface MatrixEnv {
  w: World;
  app: FastifyInstance;
  cookie: { office: string; leadReporter: string; admin: string };
}

export interface AccountabilityFixtures {
  recordId: string;
  toleranceId: string;
  attachmentId: string;
}

const made = new WeakMap<object, Promise<AccountabilityFixtures>>();

async function post(e: MatrixEnv, cookie: string, url: string, payload?: object) {
  return (await ok(e.app, cookie, { method: 'POST', url, ...(payload && { payload }) })).json<{
    id: string;
  }>();
}

/** The shared fixtures, made once per matrix environment. */
export function accountabilityFixtures(e: MatrixEnv): Promise<AccountabilityFixtures> {
  let fixtures = made.get(e);
  if (!fixtures) {
    fixtures = (async () => {
      const record = await post(e, e.cookie.office, `/api/regions/${e.w.regionA}/accountability`, {
        unitId: e.w.units.dept2,
        kind: 'matter',
        facts: '方案逾期未出台',
        decision: '约谈单位主要负责人',
        decidedBy: '区纪委监委',
        decidedOn: '2026-06-01',
        measures: ['interview'],
      });
      const toleranceId = await newToleranceRequest(e);
      const file = (
        await ok(e.app, e.cookie.leadReporter, {
          method: 'POST',
          url: `/api/tolerance-requests/${toleranceId}/files`,
          ...multipart('说明.pdf', tinyPdf('tolerance'), 'application/pdf'),
        })
      ).json<{ id: string }>();
      return { recordId: record.id, toleranceId, attachmentId: file.id };
    })();
    made.set(e, fixtures);
  }
  return fixtures;
}

/** A fresh 督办 notice on the lead unit's task, and the lead unit's request for 容错免责 on it. */
export async function newToleranceRequest(e: MatrixEnv): Promise<string> {
  const notice = await post(e, e.cookie.office, `/api/tasks/${e.w.tasks.dept2}/notices`, {
    kind: 'supervise',
    body: '请说明滞后原因',
  });
  return (
    await post(
      e,
      e.cookie.leadReporter,
      `/api/regions/${e.w.regionA}/tolerance-requests`,
      toleranceBody(e, notice.id),
    )
  ).id;
}

export function toleranceBody(e: MatrixEnv, noticeId: string) {
  return {
    unitId: e.w.units.dept2,
    sourceKind: 'notice',
    sourceId: noticeId,
    situation: '先行试点造成进度滞后',
    pilotReason: '先行先试',
    experimentReason: '探索性试验',
    mistakeReason: '无意过失',
  };
}

/** A fresh notice for a request to be made on (one request per matter). */
export async function newNotice(e: MatrixEnv): Promise<string> {
  return (
    await post(e, e.cookie.office, `/api/tasks/${e.w.tasks.dept2}/notices`, { kind: 'urge', body: '请报送' })
  ).id;
}

export const EXPERIENCE_BODY = {
  title: '集团化办学',
  reason: '优质教育资源不均',
  measures: '名校带弱校',
  effects: '薄弱学校质量提升',
  abstract: '以集团化办学扩大优质资源覆盖面。',
};

/** A fresh experience proposed by the lead unit; accepted by the office when asked. */
export async function newExperience(e: MatrixEnv, accepted = false): Promise<string> {
  const created = await post(e, e.cookie.leadReporter, `/api/tasks/${e.w.tasks.dept2}/experiences`, {
    ...EXPERIENCE_BODY,
    title: uniqueName('集团化办学'),
  });
  if (accepted) await post(e, e.cookie.office, `/api/experiences/${created.id}/accept`);
  return created.id;
}
