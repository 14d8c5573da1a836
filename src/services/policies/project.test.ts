import { describe, expect, it } from 'vitest';
import { cast, type CastMember } from './cast.fixture.js';
import { can, type ProjectAction } from './project.js';

const A_PROJECT = { regionId: 'A', leadUnitId: 'u1' };
const OTHER_UNIT = { regionId: 'A', leadUnitId: 'u2' };

// Every cast member against every action, on a project region A's unit u1 leads.
const EXPECTED: Record<ProjectAction, CastMember[]> = {
  read: ['admin', 'office', 'leader', 'viewer', 'viewerOfUnit', 'head', 'reporter', 'reporterOfNoUnit'],
  create: ['admin', 'office'],
  edit: ['admin', 'office'],
  move_stage: ['admin', 'office'],
  confirm_report: ['admin', 'office'],
  report: ['admin', 'office', 'head', 'reporter'],
  attach_photo: ['admin', 'office', 'head', 'reporter'],
  track: ['admin', 'office', 'head', 'reporter'],
};

describe('project policy', () => {
  const rows = (Object.keys(EXPECTED) as ProjectAction[]).flatMap((action) =>
    (Object.keys(cast) as CastMember[]).map((who) => [who, action, EXPECTED[action].includes(who)] as const),
  );
  it.each(rows)('%s may %s: %s', (who, action, allowed) => {
    expect(can(cast[who], action, A_PROJECT)).toBe(allowed);
  });

  it.each(['head', 'reporter'] as const)('%s of another unit neither reports nor tracks', (who) => {
    expect(can(cast[who], 'report', OTHER_UNIT)).toBe(false);
    expect(can(cast[who], 'attach_photo', OTHER_UNIT)).toBe(false);
    expect(can(cast[who], 'track', OTHER_UNIT)).toBe(false);
  });
});
