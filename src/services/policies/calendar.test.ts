import { describe, expect, it } from 'vitest';
import { can } from './calendar.js';
import { cast, type CastMember } from './cast.fixture.js';

// Each row: who, may read, may replace a year.
const ROWS: [CastMember, boolean, boolean][] = [
  ['admin', true, true],
  ['office', true, false],
  ['leader', true, false],
  ['viewer', true, false],
  ['head', true, false],
  ['reporter', true, false],
  ['officeB', true, false],
  ['stray', true, false],
];

describe('calendar policy', () => {
  it.each(ROWS)('%s', (who, read, replace) => {
    expect([can(cast[who], 'read'), can(cast[who], 'replace')]).toEqual([read, replace]);
  });
});
