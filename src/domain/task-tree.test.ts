import { describe, expect, it } from 'vitest';
import { wouldCycle } from './task-tree.js';

describe('wouldCycle', () => {
  it.each([
    ['no parent chain', 't1', [], false],
    ['a parent of its own', 't1', ['t1'], true],
    ['an unrelated parent', 't1', ['t2'], false],
    ['an unrelated chain', 't1', ['t2', 't3', 't4'], false],
    ['its child as parent', 't1', ['t2', 't1'], true],
    ['a grandchild as parent', 't1', ['t3', 't2', 't1'], true],
    ['a chain that already loops elsewhere', 't1', ['t2', 't3', 't2'], false],
  ] as const)('%s', (_name, taskId, chain, cycles) => {
    expect(wouldCycle(taskId, chain)).toBe(cycles);
  });
});
