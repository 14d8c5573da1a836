import { describe, expect, it } from 'vitest';
import type { Notice, Report } from '../../api/types';
import { availableActions } from './review-rules';
import { noticesToActOn, waitingOn } from './work-rules';

const report = (over: Partial<Report>): Report => ({
  id: 'r',
  can: {
    edit: false,
    addEvidence: false,
    submit: false,
    approve: false,
    sendBack: false,
    accept: false,
    return: false,
  },
  taskId: 't',
  unitId: 'u1',
  period: '2026-11',
  progress: 50,
  narrative: '',
  problems: '',
  coordination: '',
  claimsCompletion: false,
  status: 'draft',
  returnReason: null,
  rating: null,
  createdBy: 'a',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  submittedAt: null,
  approvedAt: null,
  reviewedAt: null,
  version: 1,
  files: [],
  ...over,
});

describe('review actions follow the workflow', () => {
  it('lets the unit head approve or send back their own unit’s report only', () => {
    expect(
      availableActions({ role: 'unit_head', unitId: 'u1' }, report({ status: 'awaiting_head' })),
    ).toEqual(['approve', 'send-back']);
    expect(
      availableActions({ role: 'unit_head', unitId: 'u2' }, report({ status: 'awaiting_head' })),
    ).toEqual([]);
  });
  it('lets the office accept or return submitted reports', () => {
    expect(availableActions({ role: 'office', unitId: null }, report({ status: 'submitted' }))).toEqual([
      'accept',
      'return',
    ]);
    expect(availableActions({ role: 'office', unitId: null }, report({ status: 'awaiting_head' }))).toEqual(
      [],
    );
  });
  it('gives reporters, leaders and viewers no review buttons', () => {
    for (const role of ['reporter', 'leader', 'viewer'] as const)
      expect(availableActions({ role, unitId: 'u1' }, report({ status: 'submitted' }))).toEqual([]);
  });
});

describe('work queues', () => {
  const reports = [
    report({ id: 'd', status: 'draft' }),
    report({ id: 'h', status: 'awaiting_head' }),
    report({ id: 's', status: 'submitted' }),
    report({ id: 'x', status: 'returned' }),
  ];
  it('shows each role what waits on them', () => {
    expect(waitingOn({ role: 'office' }, reports).map((r) => r.id)).toEqual(['s']);
    expect(
      waitingOn({ role: 'unit_head' }, reports)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['d', 'h', 'x']);
    expect(
      waitingOn({ role: 'reporter' }, reports)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['d', 'x']);
  });
  it('sends issued notices to units and answered ones to the office', () => {
    const notice = (id: string, status: Notice['status']) => ({ id, status }) as Notice;
    const all = [notice('a', 'issued'), notice('b', 'responded'), notice('c', 'closed')];
    expect(noticesToActOn({ role: 'reporter' }, all).map((n) => n.id)).toEqual(['a']);
    expect(noticesToActOn({ role: 'office' }, all).map((n) => n.id)).toEqual(['b']);
  });
});
