import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf } from './scope.js';

export type UnitAction = 'list' | 'create' | 'update';

/** Units (单位) of a region: everyone in the region reads them; the office keeps the list. */
export function can(actor: Actor, action: UnitAction, unit: { regionId: string }): boolean {
  switch (action) {
    case 'list':
      return inRegion(actor, unit.regionId);
    case 'create':
    case 'update':
      return isOfficeOf(actor, unit.regionId);
  }
}

/**
 * An inactive unit (停用, `active` 0) is one the region no longer works with: merged, abolished, or replaced
 * by a unit of a new name. Deactivating it
 * - signs its staff out and keeps them out, as disabling each of their accounts would: their open sessions
 *   end at once, logging in is refused, and a session still held by another process is refused at its next
 *   check (`mayStaffAct`). The accounts themselves stay, for the record;
 * - stops it being chosen as the lead or a co-operating unit of a task (`unit.inactive`, `mayTakeNewTasks`).
 *   Tasks that already name it keep it, with their reports and history, until the office reassigns them;
 * - leaves its tasks in the ledger and the battle map, where the unit is presented with `active: false`.
 * Reactivating undoes all of it, except that the ended sessions stay ended.
 */
export function isActive(unit: { active: number | boolean }): boolean {
  return unit.active === true || unit.active === 1;
}

/** Whether an account of this unit (null: an account of no unit) may sign in and act. */
export function mayStaffAct(unit: { active: number | boolean } | null): boolean {
  return unit === null || isActive(unit);
}

/** Whether the unit may be chosen as lead or co-unit of a task it does not already take part in. */
export function mayTakeNewTasks(unit: { active: number | boolean }): boolean {
  return isActive(unit);
}
