import { describe, expect, it } from 'vitest';
import {
  columnOfPeriod,
  noteFromCell,
  periodOfColumn,
  progressCell,
  reportedTexts,
} from './ledger-progress.js';

describe('progress cells', () => {
  it('read back the note they were written with, whatever the narrative', () => {
    for (const [narrative, note] of [
      ['完成初稿', ''],
      ['完成初稿', '区政府已督促'],
      ['', '区政府已督促'],
      ['', ''],
    ] as const)
      expect(noteFromCell(progressCell(narrative, note), narrative)).toBe(note);
  });

  it('keep an edit of the unit’s words as the office’s note', () => {
    expect(noteFromCell('完成初稿并报审', '完成初稿')).toBe('并报审');
    expect(noteFromCell('已完成', '完成初稿')).toBe('已完成');
    expect(noteFromCell('', '完成初稿')).toBe('');
  });

  it('map columns to periods and back', () => {
    expect(periodOfColumn(2026, 'monthly', 4)).toBe('2026-05');
    expect(periodOfColumn(2026, 'quarterly', 1)).toBe('2026-Q2');
    expect(columnOfPeriod('2026-05', 2026, 'monthly')).toBe(4);
    expect(columnOfPeriod('2026-Q3', 2026, 'quarterly')).toBe(2);
    expect(columnOfPeriod('2025-05', 2026, 'monthly')).toBe(-1);
    expect(columnOfPeriod('2026-Q3', 2026, 'monthly')).toBe(-1);
  });

  it('show the later of two reports of a period', () => {
    const { narratives, problems, nextSteps } = reportedTexts(
      [
        { task_id: 't', period: '2026-03', narrative: '旧', problems: '甲', next_steps: '' },
        { task_id: 't', period: '2026-03', narrative: '新', problems: '乙', next_steps: '验收' },
        { task_id: 't', period: '2026-02', narrative: '二月', problems: '丙', next_steps: '' },
      ],
      2026,
      'monthly',
    );
    expect(narratives.get('t')?.[2]).toBe('新');
    expect(narratives.get('t')?.[1]).toBe('二月');
    expect(problems.get('t')?.text).toBe('乙');
    expect(nextSteps.get('t')?.text).toBe('验收');
  });
});
