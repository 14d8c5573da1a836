import { describe, expect, it } from 'vitest';
import { actor } from './cast.fixture.js';
import { can, type TargetAction } from './target.js';

const ACTORS = {
  admin: actor('admin', null),
  office: actor('office', 'rA'),
  leader: actor('leader', 'rA'),
  viewer: actor('viewer', 'rA'),
  unitHead: actor('unit_head', 'rA', 'u1'),
  reporter: actor('reporter', 'rA', 'u1'),
  officeB: actor('office', 'rB'),
};
type Who = keyof typeof ACTORS;

// Who may set targets and record their measured values: the office of the target's region and the operator.
const EXPECTED: Record<string, Record<Who, boolean>> = {
  rA: {
    admin: true,
    office: true,
    leader: false,
    viewer: false,
    unitHead: false,
    reporter: false,
    officeB: false,
  },
  rB: {
    admin: true,
    office: false,
    leader: false,
    viewer: false,
    unitHead: false,
    reporter: false,
    officeB: true,
  },
};

const ROWS: [Who, TargetAction, string, boolean][] = (
  ['create', 'edit', 'record_measurement'] as const
).flatMap((action) =>
  Object.entries(EXPECTED).flatMap(([regionId, byWho]) =>
    (Object.keys(byWho) as Who[]).map((who): [Who, TargetAction, string, boolean] => [
      who,
      action,
      regionId,
      byWho[who],
    ]),
  ),
);

describe('target policy', () => {
  it.each(ROWS)('%s may %s a target of region %s: %s', (who, action, regionId, allowed) => {
    expect(can(ACTORS[who], action, { regionId })).toBe(allowed);
  });
});
