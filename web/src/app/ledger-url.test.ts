import { describe, expect, it } from 'vitest';
import { filterToSearch, ledgerHref, parseFilter } from './ledger-url';

describe('ledger filter in the URL', () => {
  it('round-trips through the query string', () => {
    const filter = {
      plan: 'p1',
      status: ['at_risk' as const, 'delayed' as const],
      area: 'a1',
      unit: 'u1',
      tag: '首创型',
      q: '改革',
      sort: 'dueDate' as const,
      order: 'desc' as const,
    };
    const search = filterToSearch(filter);
    expect(parseFilter(new URLSearchParams(search))).toEqual({ ...filter, status: ['delayed', 'at_risk'] });
  });

  it('ignores unknown statuses and sort keys', () => {
    expect(parseFilter(new URLSearchParams('status=bogus,delayed&sort=evil'))).toEqual({
      status: ['delayed'],
    });
  });

  it('builds battle-map links', () => {
    expect(ledgerHref('r1', { status: ['delayed'] })).toBe('/r/r1/ledger?status=delayed');
    expect(ledgerHref('r1')).toBe('/r/r1/ledger');
  });
});
