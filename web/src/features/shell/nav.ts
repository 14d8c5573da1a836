import type { Me, Role } from '../../api/types';
import type { MessageKey } from '../../i18n/messages.zh';

/**
 * The menu follows the programme's own cycle, so fourteen entries read as four short lists: the day's
 * pages, carrying the work out (执行), judging it (考核), and the office's tools.
 */
export type NavGroup = 'daily' | 'execute' | 'assess' | 'tools';

export const NAV_GROUP_LABELS: Record<NavGroup, MessageKey> = {
  daily: 'nav.group.daily',
  execute: 'nav.group.execute',
  assess: 'nav.group.assess',
  tools: 'nav.group.tools',
};

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  group: NavGroup;
  /** Whether this account finds the entry in the menu. */
  shows: (me: Pick<Me, 'role' | 'can'>) => boolean;
  /**
   * Whether the page opens to a parent region's reader in a region below (a city office in one of its
   * districts): the battle map, ledger, notices, indicators, projects, assessment and bulletins do; the rest
   * stay with the region's own accounts, so the menu there does not offer them.
   */
  fromAbove?: true;
}

/**
 * The 工作台 is a UI choice, not a permission: it lists the queues of the roles that write, approve or review
 * reports and notices. Leaders and oversight only read, so the page would stay empty for them.
 */
const ROLES_WITH_WORK: readonly Role[] = ['office', 'unit_head', 'reporter', 'admin'];

/** The menu; import and admin show when the server's `me.can` allows them, so the menu never offers a dead end. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'map', path: '', label: 'nav.battleMap', group: 'daily', fromAbove: true, shows: () => true },
  {
    key: 'work',
    path: 'work',
    label: 'nav.work',
    group: 'daily',
    shows: (me) => ROLES_WITH_WORK.includes(me.role),
  },
  {
    key: 'ledger',
    path: 'ledger',
    label: 'nav.ledger',
    group: 'execute',
    fromAbove: true,
    shows: () => true,
  },
  // Every role with sight of a region reads its notices and instructions (a unit's staff, their own).
  {
    key: 'notices',
    path: 'notices',
    label: 'nav.notices',
    group: 'execute',
    fromAbove: true,
    shows: () => true,
  },
  // Directives and meetings (issue 11 §3–4): every role with sight of a region reads them (a unit, its own).
  { key: 'directives', path: 'directives', label: 'nav.directives', group: 'execute', shows: () => true },
  { key: 'meetings', path: 'meetings', label: 'nav.meetings', group: 'execute', shows: () => true },
  // Indicators and key projects (issue 11): region-wide lists every role reads.
  {
    key: 'indicators',
    path: 'indicators',
    label: 'nav.indicators',
    group: 'execute',
    fromAbove: true,
    shows: () => true,
  },
  {
    key: 'projects',
    path: 'projects',
    label: 'nav.projects',
    group: 'execute',
    fromAbove: true,
    shows: () => true,
  },
  // Assessment (考核): everyone of the region reads it; a unit sees its own sheet until 公示.
  {
    key: 'assessment',
    path: 'assessment',
    label: 'nav.assessment',
    group: 'assess',
    fromAbove: true,
    shows: () => true,
  },
  // Oversight reads every record; a unit's staff see their own (the server decides, the page lists what it gets).
  {
    key: 'accountability',
    path: 'accountability',
    label: 'nav.accountability',
    group: 'assess',
    shows: () => true,
  },
  { key: 'experiences', path: 'experiences', label: 'nav.experiences', group: 'assess', shows: () => true },
  // Bulletins (通报): published ones are circulated to the whole region; the office also drafts them.
  {
    key: 'bulletins',
    path: 'bulletins',
    label: 'nav.bulletins',
    group: 'assess',
    fromAbove: true,
    shows: () => true,
  },
  { key: 'import', path: 'import', label: 'nav.import', group: 'tools', shows: (me) => me.can.importPlans },
  // Excel: the office imports ledgers, a unit's staff their filled-in reporting templates.
  {
    key: 'excel',
    path: 'excel',
    label: 'nav.excel',
    group: 'tools',
    shows: (me) => me.can.importPlans || me.role === 'reporter' || me.role === 'unit_head',
  },
  {
    key: 'admin',
    path: 'admin',
    label: 'nav.admin',
    group: 'tools',
    shows: (me) => me.can.manageUnits || me.can.manageAccounts,
  },
];

/** `fromAbove`: the region shown is one the account follows from above (see app/reader). */
export function navFor(me: Pick<Me, 'role' | 'can'>, fromAbove = false): NavItem[] {
  return NAV_ITEMS.filter((item) => item.shows(me) && (!fromAbove || item.fromAbove));
}

/** The account's menu in its groups, in the groups' order; a group with nothing to show is left out. */
export function navGroupsFor(
  me: Pick<Me, 'role' | 'can'>,
  fromAbove = false,
): { group: NavGroup; items: NavItem[] }[] {
  const items = navFor(me, fromAbove);
  return (Object.keys(NAV_GROUP_LABELS) as NavGroup[])
    .map((group) => ({ group, items: items.filter((item) => item.group === group) }))
    .filter((entry) => entry.items.length > 0);
}

/** The menu entry a path belongs to: /r/x/tasks/… is part of the ledger. */
export function activeNavKey(pathAfterRegion: string): string {
  const first = pathAfterRegion.split('/').filter(Boolean)[0] ?? '';
  if (first === 'tasks') return 'ledger';
  return NAV_ITEMS.find((item) => item.path === first)?.key ?? 'map';
}
