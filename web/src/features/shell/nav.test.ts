import { describe, expect, it } from 'vitest';
import { activeNavKey, navFor } from './nav';

describe('navigation', () => {
  it('shows import and admin to the office only', () => {
    expect(navFor('office').map((i) => i.key)).toEqual(['map', 'ledger', 'work', 'import', 'admin']);
    expect(navFor('reporter').map((i) => i.key)).toEqual(['map', 'ledger', 'work']);
    expect(navFor('leader').map((i) => i.key)).toEqual(['map', 'ledger']);
  });
  it('marks the ledger active on a task page', () => {
    expect(activeNavKey('/tasks/t1')).toBe('ledger');
    expect(activeNavKey('')).toBe('map');
    expect(activeNavKey('/work')).toBe('work');
  });
});
