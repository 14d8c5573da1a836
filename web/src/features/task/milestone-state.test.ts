import { describe, expect, it } from 'vitest';
import { milestoneState } from './milestone-state';

describe('milestoneState', () => {
  it('reads done, late and open', () => {
    expect(milestoneState({ dueDate: '2026-10-01', doneDate: '2026-10-03' }, '2026-11-21')).toBe('done');
    expect(milestoneState({ dueDate: '2026-10-01', doneDate: null }, '2026-11-21')).toBe('late');
    expect(milestoneState({ dueDate: '2026-11-21', doneDate: null }, '2026-11-21')).toBe('open');
  });
});
