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
      'bulletins',
      'import',
      'admin',
    ]);
    expect(navFor({ role: 'reporter', can: none }).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'work',
      'notices',
      'bulletins',
    ]);
    expect(navFor({ role: 'leader', can: none }).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'notices',
      'bulletins',
    ]);
    expect(navFor({ role: 'office', can: { ...none, manageAccounts: true } }).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'work',
      'notices',
      'bulletins',
      'admin',
    ]);
  });
  it('marks the ledger active on a task page', () => {
    expect(activeNavKey('/tasks/t1')).toBe('ledger');
    expect(activeNavKey('')).toBe('map');
    expect(activeNavKey('/work')).toBe('work');
    expect(activeNavKey('/notices')).toBe('notices');
  });
});
