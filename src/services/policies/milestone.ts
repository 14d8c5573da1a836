import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, isStaffOf } from './scope.js';

export type MilestoneAction = 'edit_roadmap';

/** A task's roadmap (路线图, its milestones): the lead unit drafts it, the office may edit any. */
export function can(
  actor: Actor,
  action: MilestoneAction,
  task: { regionId: string; leadUnitId: string | null },
): boolean {
  switch (action) {
    case 'edit_roadmap':
      return (
        isOfficeOf(actor, task.regionId) ||
        (inRegion(actor, task.regionId) && isStaffOf(actor, task.leadUnitId))
      );
  }
}
