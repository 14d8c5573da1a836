import type { Actor } from '../actor.js';
import { inRegion, isAdmin, isOfficeOf, seesWholeRegion } from './scope.js';

export type RegionAction =
  'list_all' | 'read' | 'create' | 'configure' | 'read_dashboard' | 'read_below' | 'read_rollup';

/** Who may do what with a region (地区), the tenant. */
export function can(actor: Actor, action: RegionAction, region: { id: string } | null): boolean {
  switch (action) {
    case 'list_all':
      // Every other account lists its own region only.
      return isAdmin(actor);
    case 'create':
      return isAdmin(actor);
    case 'read':
      return region !== null && inRegion(actor, region.id);
    case 'configure':
      // The region's own office (or the operator) sets its rules: due days, stage names, checkpoints.
      return region !== null && isOfficeOf(actor, region.id);
    case 'read_below':
      // A parent region's office, leaders and viewers follow the regions below `region` (their own): they read
      // them as those regions' viewers do, and never write there. A unit's staff stay within their unit.
      return region !== null && !isAdmin(actor) && actor.regionId === region.id && seesWholeRegion(actor);
    case 'read_rollup':
      // The roll-up of the regions below: the operator, and whoever may read below the region.
      return region !== null && (isAdmin(actor) || can(actor, 'read_below', region));
    case 'read_dashboard':
      // A unit's staff see the battle map of their own unit's tasks; an account with neither sees nothing.
      return (
        region !== null && inRegion(actor, region.id) && (seesWholeRegion(actor) || actor.unitId !== null)
      );
  }
}
