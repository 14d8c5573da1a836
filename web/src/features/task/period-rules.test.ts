import { describe, expect, it } from 'vitest';
import type { Report } from '../../api/types';
import {
  asksForCompletion,
  awaitsRevision,
  defaultPeriod,
  reportablePeriods,
  reportLabel,
} from './period-rules';

const p = (
  period: string,
  state: 'open' | 'closed' | 'reopened',
  status: Report['status'] | null = null,
) => ({ period, state, report: status === null ? null : { id: `r-${period}`, status } });

describe('reportablePeriods', () => {
  it('offers open and reopened periods without a report on its way, newest first', () => {
    const periods = [
      p('2026-06', 'open'),
      p('2026-05', 'open', 'draft'),
      p('2026-04', 'closed'),
      p('2026-03', 'reopened', 'returned'),
      p('2026-02', 'reopened', 'submitted'),
      p('2026-01', 'open', 'awaiting_head'),
    ];
    expect(reportablePeriods(periods)).toEqual(['2026-06', '2026-05', '2026-03']);
    expect(reportablePeriods([p('2026-04', 'closed')])).toEqual([]);
  });
});

describe('defaultPeriod', () => {
  it('takes the requested period if it may be reported, else the oldest owed', () => {
    expect(defaultPeriod(['2026-06', '2026-05'], '2026-06')).toBe('2026-06');
    expect(defaultPeriod(['2026-06', '2026-05'], '2026-03')).toBe('2026-05');
    expect(defaultPeriod(['2026-06', '2026-05'])).toBe('2026-05');
    expect(defaultPeriod([])).toBeUndefined();
  });
});

describe('asksForCompletion', () => {
  it.each([
    [100, false, true],
    [100, true, false],
    [99, false, false],
  ])('progress %s, claims %s → asks %s', (progress, claimsCompletion, asks) => {
    expect(asksForCompletion({ progress, claimsCompletion })).toBe(asks);
  });
});

describe('reportLabel and awaitsRevision', () => {
  const can = (edit: boolean) => ({
    edit,
    addEvidence: edit,
    submit: edit,
    approve: false,
    sendBack: false,
    accept: false,
    return: false,
  });
  it('labels a draft the head sent back as sent back, and an office return as returned', () => {
    expect(reportLabel({ status: 'draft', returnReason: '请补充材料' })).toBe('sent_back');
    expect(reportLabel({ status: 'draft', returnReason: null })).toBe('draft');
    expect(reportLabel({ status: 'returned', returnReason: '数据有误' })).toBe('returned');
  });
  it('asks the unit to revise what came back to it, not its plain drafts', () => {
    expect(awaitsRevision({ status: 'returned', returnReason: '数据有误', can: can(true) })).toBe(true);
    expect(awaitsRevision({ status: 'draft', returnReason: '请补充', can: can(true) })).toBe(true);
    expect(awaitsRevision({ status: 'draft', returnReason: null, can: can(true) })).toBe(false);
    expect(awaitsRevision({ status: 'returned', returnReason: '数据有误', can: can(false) })).toBe(false);
  });
});
