import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../api/types';
import { nestSubTasks } from './nest';

const task = (id: string, code: string, parentTaskId: string | null = null) =>
  ({ id, code, parentTaskId }) as TaskSummary;

describe('nestSubTasks', () => {
  const all = [
    task('t1', '1'),
    task('t2', '2'),
    task('t3', '3'),
    task('s31', '3.1', 't3'),
    task('s311', '3.1.1', 's31'),
    task('s11', '1.1', 't1'),
  ];

  it('puts each sub-task under its parent, deeper for each level', () => {
    // As sorted by code, 1.1 and 3.1 would already follow; sorted by another column they would not.
    const rows = [all[4]!, all[0]!, all[3]!, all[1]!, all[2]!, all[5]!];
    const { rows: out, nesting } = nestSubTasks(rows, all, true);
    expect(out.map((t) => t.code)).toEqual(['1', '1.1', '2', '3', '3.1', '3.1.1']);
    expect(out.map((t) => nesting.get(t.id)?.depth)).toEqual([0, 1, 0, 0, 1, 2]);
    expect(nesting.get('s31')?.parentCode).toBe('3');
  });

  it('leaves a sub-task whose parent is filtered out at the top level, with its parent code', () => {
    const { rows: out, nesting } = nestSubTasks([all[1]!, all[3]!], all, true);
    expect(out.map((t) => t.code)).toEqual(['2', '3.1']);
    expect(nesting.get('s31')).toEqual({ depth: 0, parentCode: '3' });
  });

  it('moves nothing when the ledger is sorted by a column', () => {
    const rows = [all[3]!, all[0]!, all[2]!];
    const { rows: out, nesting } = nestSubTasks(rows, all, false);
    expect(out.map((t) => t.code)).toEqual(['3.1', '1', '3']);
    expect(nesting.get('s31')).toEqual({ depth: 0, parentCode: '3' });
  });

  it('shows every line even when parents form a cycle', () => {
    const cycle = [task('a', 'A', 'b'), task('b', 'B', 'a'), task('c', 'C')];
    const { rows: out } = nestSubTasks(cycle, cycle, true);
    expect(out.map((t) => t.code).sort()).toEqual(['A', 'B', 'C']);
  });
});
