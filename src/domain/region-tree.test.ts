import { describe, expect, it } from 'vitest';
import { childrenOf, descendantsOf } from './region-tree.js';

const links = [
  { id: 'gd', parent_id: null },
  { id: 'zj', parent_id: 'gd' },
  { id: 'fs', parent_id: 'gd' },
  { id: 'zj-kfq', parent_id: 'zj' },
  { id: 'fs-nh', parent_id: 'fs' },
  { id: 'other', parent_id: null },
];

describe('region tree', () => {
  it('finds every region below, and only those', () => {
    expect(descendantsOf(links, 'gd').sort()).toEqual(['fs', 'fs-nh', 'zj', 'zj-kfq']);
    expect(descendantsOf(links, 'zj')).toEqual(['zj-kfq']);
    expect(descendantsOf(links, 'zj-kfq')).toEqual([]);
    expect(descendantsOf(links, 'other')).toEqual([]);
    expect(childrenOf(links, 'gd').sort()).toEqual(['fs', 'zj']);
  });

  it('ends on a cycle instead of looping, and never counts a region as its own descendant', () => {
    const cyclic = [
      { id: 'a', parent_id: 'b' },
      { id: 'b', parent_id: 'a' },
    ];
    expect(descendantsOf(cyclic, 'a')).toEqual(['b']);
  });
});
