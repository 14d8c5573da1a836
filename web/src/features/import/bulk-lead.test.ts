import { describe, expect, it } from 'vitest';
import { assignLeads, suggestedAssignments } from './bulk-lead';

const task = (id: string, lead: string | null = null) => ({
  id,
  leadUnit: lead ? { id: lead, name: lead } : null,
});

describe('assignLeads', () => {
  it('saves every task, a few at a time, and reports which saved and which were refused', async () => {
    let running = 0;
    let most = 0;
    const save = async (t: { id: string }, unitId: string) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, t.id === 'a' ? 5 : 1));
      running--;
      if (t.id === 'c') throw new Error('stale');
      return `${t.id}:${unitId}`;
    };
    const tasks = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => task(id));
    const out = await assignLeads(
      tasks.map((t) => ({ task: t, unitId: 'u1' })),
      save,
      3,
    );
    expect(out.saved.map((s) => s.result)).toEqual(['a:u1', 'b:u1', 'd:u1', 'e:u1', 'f:u1']);
    expect(out.failed.map((f) => f.task.id)).toEqual(['c']);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('does nothing for no assignments', async () => {
    expect(await assignLeads([], () => Promise.resolve(1))).toEqual({ saved: [], failed: [] });
  });
});

describe('suggestedAssignments', () => {
  const suggestion = new Map<string, string | null>([
    ['a', 'u1'],
    ['b', 'u2'],
    ['c', null],
    ['d', 'u3'],
  ]);

  it('takes up the suggestions of tasks still without a lead unit', () => {
    const tasks = [task('a'), task('b', 'x'), task('c'), task('d'), task('e')];
    expect(suggestedAssignments(tasks, suggestion).map((a) => [a.task.id, a.unitId])).toEqual([
      ['a', 'u1'],
      ['d', 'u3'],
    ]);
    expect(suggestedAssignments(tasks, suggestion, new Set(['d'])).map((a) => a.task.id)).toEqual(['d']);
  });
});
