import type { Actor } from '../actor.js';
import { inRegion, isAdmin, seesWholeRegion } from './scope.js';

export type RegionAction = 'list_all' | 'read' | 'create' | 'read_dashboard';

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
    case 'read_dashboard':
      // A unit's staff see the battle map of their own unit's tasks; an account with neither sees nothing.
      return (
        region !== null && inRegion(actor, region.id) && (seesWholeRegion(actor) || actor.unitId !== null)
      );
  }
}
