import type { Role } from '../db/schema.js';
import { forbidden } from './errors.js';

/** Who is calling: resolved from the session before any service runs. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  unitId: string | null;
}

/** The system itself, for jobs and the demo loader; it may do anything and is named so in the audit log. */
export const SYSTEM_ACTOR: Actor = {
  accountId: 'system',
  username: 'system',
  displayName: '系统',
  role: 'admin',
  regionId: null,
  unitId: null,
};

const REGION_WIDE_READERS: readonly Role[] = ['office', 'leader', 'viewer'];

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Every region is a tenant: only the admin crosses regions. */
export function assertRegion(actor: Actor, regionId: string): void {
  if (isAdmin(actor)) return;
  if (actor.regionId !== regionId) throw forbidden('无权访问其他地区的数据 (another region)');
}

export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (!isAdmin(actor) && !roles.includes(actor.role)) throw forbidden();
}

/** Office, leaders and oversight see the whole region; a unit's staff see the tasks their unit leads or co-operates on. */
export function seesWholeRegion(actor: Actor): boolean {
  return isAdmin(actor) || REGION_WIDE_READERS.includes(actor.role);
}

export interface TaskUnits {
  regionId: string;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
}

export function isTaskUnit(actor: Actor, task: TaskUnits): boolean {
  return actor.unitId !== null && (task.leadUnitId === actor.unitId || task.coUnitIds.includes(actor.unitId));
}

export function assertCanReadTask(actor: Actor, task: TaskUnits): void {
  assertRegion(actor, task.regionId);
  if (seesWholeRegion(actor)) return;
  if (!isTaskUnit(actor, task)) throw forbidden('该任务不属于本单位 (not your unit’s task)');
}

/** Reports are written by the lead unit's staff only: co-units contribute through the lead unit. */
export function assertCanReportOnTask(actor: Actor, task: TaskUnits): void {
  assertRegion(actor, task.regionId);
  if (actor.role !== 'reporter' && actor.role !== 'unit_head')
    throw forbidden('只有承办单位可以报送进展 (units only)');
  if (task.leadUnitId !== actor.unitId) throw forbidden('该任务不属于本单位 (not your unit’s task)');
}

export function assertOffice(actor: Actor, regionId: string): void {
  assertRegion(actor, regionId);
  assertRole(actor, ['office']);
}

/** The office and the operator work on drafts; everyone else sees plans once published. */
export function seesDrafts(actor: Actor): boolean {
  return isAdmin(actor) || actor.role === 'office';
}

/**
 * Callers with the same scope see the same data and pass the same read checks, so at one data version
 * they may share a cached response, and a cache hit stands for a check that already passed.
 */
export function visibilityScope(actor: Actor): string {
  const where = seesWholeRegion(actor) ? `region:${actor.regionId ?? '*'}` : `unit:${actor.unitId ?? '-'}`;
  return `${where}|${seesDrafts(actor) ? 'drafts' : 'published'}`;
}
