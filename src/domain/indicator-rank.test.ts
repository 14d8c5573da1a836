import { describe, expect, it } from 'vitest';
import { NO_PEERS, peerRank, type PeerFigure } from './indicator-rank.js';

const f = (regionId: string, value: number): PeerFigure => ({ regionId, value });

describe('peerRank', () => {
  it.each([
    ['first of three', 'a', [f('a', 90), f('b', 80), f('c', 70)], false, '1/3'],
    ['last of three', 'c', [f('a', 90), f('b', 80), f('c', 70)], false, '3/3'],
    ['a tie shares the better place', 'b', [f('a', 90), f('b', 80), f('c', 80)], false, '2/3'],
    ['lower is better for a target counting down', 'c', [f('a', 9), f('b', 8), f('c', 7)], true, '1/3'],
    ['alone: nothing to rank', 'a', [f('a', 90)], false, NO_PEERS],
    ['no figure of its own', 'a', [f('b', 90), f('c', 80)], false, NO_PEERS],
    ['a peer without a finite figure is not counted', 'a', [f('a', 50), f('b', Infinity)], false, NO_PEERS],
  ] as const)('%s', (_name, region, figures, lowerIsBetter, expected) => {
    expect(peerRank(region, figures, lowerIsBetter)).toBe(expected);
  });
});
