import type { Actor } from '../actor.js';
import { isAdmin } from './scope.js';

export type CalendarAction = 'read' | 'replace';

/**
 * The holiday calendar (节假日安排) is national data every region counts deadlines on: anyone signed in
 * reads it; only the operator replaces a year, since a change moves every region's deadlines.
 */
export function can(actor: Actor, action: CalendarAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'replace':
      return isAdmin(actor);
  }
}
