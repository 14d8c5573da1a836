import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { activeNavKey, navFor } from './nav';

const none: Me['can'] = {
  importPlans: false,
  manageUnits: false,
  manageAccounts: false,
  manageOversightAccounts: false,
  verifyAudit: false,
  createRegions: false,
};
const office = {
  role: 'office',
  can: { ...none, importPlans: true, manageUnits: true, manageAccounts: true },
} as const;

describe('navigation', () => {
  it('shows import and admin as the server allows them', () => {
    expect(navFor(office).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'work',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'accountability',
      'experiences',
      'assessment',
      'bulletins',
      'import',
      'excel',
      'admin',
    ]);
    expect(navFor({ role: 'reporter', can: none }).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'work',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'accountability',
      'experiences',
      'assessment',
      'bulletins',
      'excel',
    ]);
    expect(navFor({ role: 'leader', can: none }).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'accountability',
      'experiences',
      'assessment',
      'bulletins',
    ]);
    expect(navFor({ role: 'office', can: { ...none, manageAccounts: true } }).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'work',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'accountability',
      'experiences',
      'assessment',
      'bulletins',
      'admin',
    ]);
  });
  it('marks the ledger active on a task page', () => {
    expect(activeNavKey('/tasks/t1')).toBe('ledger');
    expect(activeNavKey('')).toBe('map');
    expect(activeNavKey('/work')).toBe('work');
    expect(activeNavKey('/notices')).toBe('notices');
    expect(activeNavKey('/assessment')).toBe('assessment');
    expect(activeNavKey('/experiences/e1')).toBe('experiences');
    expect(activeNavKey('/directives/d1')).toBe('directives');
    expect(activeNavKey('/meetings/m1')).toBe('meetings');
  });
});
