import type { Actor } from '../actor.js';
import { isOfficeOf } from './scope.js';

export type TargetAction = 'create' | 'edit' | 'record_measurement';

/** Targets (指标) of a plan and their measured values (实绩): the office sets and records them. */
export function can(actor: Actor, action: TargetAction, target: { regionId: string }): boolean {
  switch (action) {
    case 'create':
    case 'edit':
    case 'record_measurement':
      return isOfficeOf(actor, target.regionId);
  }
}
