import type { Me, Notice, Report } from '../../api/types';

/** Which reports wait for this account, newest first; the server already scoped the queue to the role. */
export function waitingOn(me: Pick<Me, 'role'>, reports: readonly Report[]): Report[] {
  const mine = (r: Report) => {
    if (me.role === 'office' || me.role === 'admin') return r.status === 'submitted';
    if (me.role === 'unit_head')
      return r.status === 'awaiting_head' || r.status === 'returned' || r.status === 'draft';
    return r.status === 'draft' || r.status === 'returned';
  };
  return reports
    .filter(mine)
    .sort((a, b) => (b.submittedAt ?? b.updatedAt).localeCompare(a.submittedAt ?? a.updatedAt));
}

/** Notices to act on: the unit answers issued ones; the office closes answered ones. */
export function noticesToActOn(me: Pick<Me, 'role'>, notices: readonly Notice[]): Notice[] {
  return notices.filter((n) =>
    me.role === 'office' || me.role === 'admin' ? n.status === 'responded' : n.status === 'issued',
  );
}
