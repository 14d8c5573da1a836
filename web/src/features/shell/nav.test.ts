import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { activeNavKey, navFor, navGroupsFor } from './nav';

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
      'work',
      'ledger',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'assessment',
      'accountability',
      'experiences',
      'bulletins',
      'import',
      'excel',
      'admin',
    ]);
    expect(navFor({ role: 'reporter', can: none }).map((i) => i.key)).toEqual([
      'map',
      'work',
      'ledger',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'assessment',
      'accountability',
      'experiences',
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
      'assessment',
      'accountability',
      'experiences',
      'bulletins',
    ]);
    expect(navFor({ role: 'office', can: { ...none, manageAccounts: true } }).map((i) => i.key)).toEqual([
      'map',
      'work',
      'ledger',
      'notices',
      'directives',
      'meetings',
      'indicators',
      'projects',
      'assessment',
      'accountability',
      'experiences',
      'bulletins',
      'admin',
    ]);
  });
  it("groups the menu by the programme's cycle and leaves out a group with nothing to show", () => {
    const grouped = (me: Parameters<typeof navGroupsFor>[0]) =>
      navGroupsFor(me).map(({ group, items }) => [group, items.map((i) => i.key)]);
    expect(grouped(office)).toEqual([
      ['daily', ['map', 'work']],
      ['execute', ['ledger', 'notices', 'directives', 'meetings', 'indicators', 'projects']],
      ['assess', ['assessment', 'accountability', 'experiences', 'bulletins']],
      ['tools', ['import', 'excel', 'admin']],
    ]);
    expect(grouped({ role: 'leader', can: none }).map(([group]) => group)).toEqual([
      'daily',
      'execute',
      'assess',
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

  it("offers a parent region's reader only the pages that open to it in a region below", () => {
    const viewer = { role: 'viewer', can: none } as const;
    expect(navFor(viewer, true).map((i) => i.key)).toEqual([
      'map',
      'ledger',
      'notices',
      'indicators',
      'projects',
      'assessment',
      'bulletins',
    ]);
    expect(navFor(viewer).map((i) => i.key)).toContain('directives');
  });
});
