import { describe, expect, it } from 'vitest';
import { noticeFilterToSearch, noticeQuery, parseNoticeFilter, type NoticeFilter } from './notice-filter';

const parse = (search: string) => parseNoticeFilter(new URLSearchParams(search));

describe('the notices page URL', () => {
  it.each<[string, NoticeFilter]>([
    ['', { tab: 'notices' }],
    ['state=overdue&unit=u1&kind=listed', { tab: 'notices', state: 'overdue', unit: 'u1', kind: 'listed' }],
    ['tab=instructions&state=open&kind=urge', { tab: 'instructions', state: 'open' }],
    ['state=late&kind=scold&tab=other&unit=%20', { tab: 'notices' }],
  ])('%s → %o', (search, filter) => {
    expect(parse(search)).toEqual(filter);
  });

  it('round-trips through the search string', () => {
    for (const search of ['', 'state=overdue&unit=u1&kind=listed', 'tab=instructions&state=open&unit=u2'])
      expect(noticeFilterToSearch(parse(search))).toBe(search);
  });

  it('asks the API for what the filter shows', () => {
    expect(noticeQuery(parse('state=overdue&unit=u1&kind=listed'))).toEqual({
      unitId: 'u1',
      kind: 'listed',
      overdue: 'true',
    });
    expect(noticeQuery(parse('tab=instructions&state=open'))).toEqual({ open: 'true' });
    expect(noticeQuery(parse(''))).toEqual({});
  });
});
