// The project's own held-out-style corpus (test/extract-corpus/): the check halves must not fall below
// the scores reached when the rules were last changed (see docs/extraction.md), nor the dev half.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prf, scoreCorpus, total } from './extract-corpus/score.js';

const dir = fileURLToPath(new URL('./extract-corpus/', import.meta.url));

describe('extraction on the project corpus', () => {
  it.each([
    ['dev', { targets: 0.98, actuals: 0.95, outline: 0.98 }],
    ['check', { targets: 0.98, actuals: 0.98, outline: 0.98 }],
    ['check2', { targets: 0.98, actuals: 0.98, outline: 0.98 }],
    ['dev2', { targets: 0.98, actuals: 0.97, outline: 0.98 }],
    // check3 misses one declared count ("重点工作共64项"), left as it is: it is a check half.
    ['check3', { targets: 0.97, actuals: 0.97, outline: 0.98, countsMissed: 1 }],
  ] as const)('%s half keeps its F1', (half, floor) => {
    const t = total(scoreCorpus(`${dir}${half}`));
    expect(prf(t.targets).f1).toBeGreaterThanOrEqual(floor.targets);
    expect(prf(t.actuals).f1).toBeGreaterThanOrEqual(floor.actuals);
    expect(prf(t.outline).f1).toBeGreaterThanOrEqual(floor.outline);
    expect(t.counts.ng - t.counts.tp).toBeLessThanOrEqual('countsMissed' in floor ? floor.countsMissed : 0);
  });
});
