import { describe, expect, it } from 'vitest';
import type { Notice, Report } from '../../api/types';
import { noticesToActOn, waitingOn } from './work-rules';

const off: Report['can'] = {
  edit: false,
  addEvidence: false,
  submit: false,
  approve: false,
  sendBack: false,
  accept: false,
  return: false,
};
const report = (id: string, can: Partial<Report['can']>, at: string) => ({
  id,
  can: { ...off, ...can },
  submittedAt: null,
  updatedAt: at,
});

describe('work queues follow the server’s can', () => {
  it('lists the reports this account may write or review, newest first', () => {
    const reports = [
      report('a', {}, '2026-11-01T00:00:00Z'),
      report('b', { approve: true, sendBack: true }, '2026-11-02T00:00:00Z'),
      report('c', { edit: true, submit: true }, '2026-11-03T00:00:00Z'),
      report('d', { accept: true }, '2026-11-04T00:00:00Z'),
    ];
    expect(waitingOn(reports).map((r) => r.id)).toEqual(['d', 'c', 'b']);
  });
  it('lists the notices this account may answer or close', () => {
    const notice = (id: string, can: Notice['can']) => ({ id, can });
    const all = [
      notice('a', { respond: true, close: false }),
      notice('b', { respond: false, close: true }),
      notice('c', { respond: false, close: false }),
    ];
    expect(noticesToActOn(all).map((n) => n.id)).toEqual(['a', 'b']);
  });
});
