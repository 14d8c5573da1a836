import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, isStaffOf } from './scope.js';

export type ProjectAction =
  'read' | 'create' | 'edit' | 'move_stage' | 'report' | 'attach_photo' | 'confirm_report' | 'track';

export interface ProjectFacts {
  regionId: string;
  leadUnitId: string;
}

/**
 * Key projects (重点项目): the region's lists are read by everyone in the region (they are published
 * lists); the office keeps the record and its stage, and confirms the months; the lead unit (牵头单位)
 * reports each month with its 形象进度照片 (`attach_photo`) and keeps its roadmap and problems (`track`),
 * as the office may.
 */
export function can(actor: Actor, action: ProjectAction, project: ProjectFacts): boolean {
  switch (action) {
    case 'read':
      return inRegion(actor, project.regionId);
    case 'create':
    case 'edit':
    case 'move_stage':
    case 'confirm_report':
      return isOfficeOf(actor, project.regionId);
    case 'report':
    case 'attach_photo':
    case 'track':
      return (
        isOfficeOf(actor, project.regionId) ||
        (inRegion(actor, project.regionId) && isStaffOf(actor, project.leadUnitId))
      );
  }
}
