import type { Role } from '../../api/types';
import type { MessageKey } from '../../i18n/messages.zh';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  roles: readonly Role[] | 'all';
}

/** What each role finds in the menu; the server enforces the same rules, the menu just hides dead ends. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'map', path: '', label: 'nav.battleMap', roles: 'all' },
  { key: 'ledger', path: 'ledger', label: 'nav.ledger', roles: 'all' },
  { key: 'work', path: 'work', label: 'nav.work', roles: ['office', 'unit_head', 'reporter', 'admin'] },
  { key: 'import', path: 'import', label: 'nav.import', roles: ['office', 'admin'] },
  { key: 'admin', path: 'admin', label: 'nav.admin', roles: ['office', 'admin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}

/** The menu entry a path belongs to: /r/x/tasks/… is part of the ledger. */
export function activeNavKey(pathAfterRegion: string): string {
  const first = pathAfterRegion.split('/').filter(Boolean)[0] ?? '';
  if (first === 'tasks') return 'ledger';
  return NAV_ITEMS.find((item) => item.path === first)?.key ?? 'map';
}
