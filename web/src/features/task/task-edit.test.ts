import { describe, expect, it } from 'vitest';
import { changedFields, invalidFields, ownChanges, patchOf, type TaskEditValues } from './task-edit';

const base: TaskEditValues = {
  title: 'T',
  leadUnitId: 'u1',
  coUnitIds: ['a', 'b'],
  leaderName: '张三',
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  tags: ['首创型'],
  workStandard: '',
  implementationPlan: '',
  ongoing: false,
  officeNote: '',
};

describe('task edit', () => {
  it('sends only changed fields', () => {
    expect(patchOf(base, { ...base, coUnitIds: ['b', 'a'], dueDate: '2026-11-30', leaderName: ' ' })).toEqual(
      { dueDate: '2026-11-30', leaderName: null },
    );
  });
  it('sends an ongoing task without its due date, and a trimmed note', () => {
    expect(patchOf(base, { ...base, ongoing: true, dueDate: null, officeNote: ' 重点督办 ' })).toEqual({
      ongoing: true,
      officeNote: '重点督办',
    });
  });
  it('keeps only the user’s own changes for a redo', () => {
    expect(ownChanges(base, { ...base, title: 'U' })).toEqual({ title: 'U' });
    expect(changedFields(base, base)).toEqual([]);
  });
  it('reads the fields a 400 names', () => {
    expect(invalidFields([{ path: 'dueDate', message: 'x' }])).toEqual(['dueDate']);
    expect(invalidFields({ field: 'leadUnitId/coUnitIds' })).toEqual(['leadUnitId', 'coUnitIds']);
  });
});
