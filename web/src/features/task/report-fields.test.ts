import { describe, expect, it } from 'vitest';
import { changedFields, currentReportOf } from './report-fields';

describe('stale report conflicts', () => {
  it('reads the current row in either spelling', () => {
    const row = {
      progress: 70,
      narrative: '新的',
      problems: '',
      coordination: '',
      next_steps: '六月底前验收',
      claims_completion: 1,
      version: 3,
    };
    expect(currentReportOf(row)).toEqual({
      progress: 70,
      narrative: '新的',
      problems: '',
      coordination: '',
      nextSteps: '六月底前验收',
      claimsCompletion: true,
      version: 3,
    });
    expect(
      currentReportOf({ ...row, claims_completion: undefined, claimsCompletion: false }).claimsCompletion,
    ).toBe(false);
  });

  it('names the fields the other person changed', () => {
    const base = {
      progress: 50,
      narrative: '旧',
      problems: '',
      coordination: '',
      nextSteps: '',
      claimsCompletion: false,
    };
    expect(changedFields(base, { ...base, progress: 70, narrative: '新' })).toEqual([
      'progress',
      'narrative',
    ]);
  });
});
