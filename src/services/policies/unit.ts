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
