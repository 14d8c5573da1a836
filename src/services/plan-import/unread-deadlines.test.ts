import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../extract/types.js';
import { unreadDeadline } from './unread-deadlines.js';

const at = (text: string, whole: string, date?: string): Deadline => {
  const start = whole.indexOf(text);
  return { text, span: [start, start + text.length], ...(date ? { date } : {}) };
};

describe('unreadDeadline', () => {
  it.each([
    ['新建学校一所，2026年秋季学期前投入使用。', '2026年秋季学期前'],
    ['推进改革。（牵头单位：区教育局；完成时限：2026年秋季开学前）', '2026年秋季开学前'],
    ['推进改革。（完成时限：第三季度末之前）', '第三季度末之前'],
  ])('tells of the limit in %s', (text, unread) => {
    expect(unreadDeadline(text, 0, [])).toBe(unread);
  });

  it('is quiet about limits the extraction read and limits that name no date on purpose', () => {
    const text = '推进改革，2026年6月底前完成。（完成时限：2026年6月底前）';
    const read = [at('2026年6月底前', text, '2026-06-30')];
    read.push({ ...read[0]!, span: [text.lastIndexOf('2026'), text.lastIndexOf('前') + 1] });
    expect(unreadDeadline(text, 0, read)).toBeUndefined();
    expect(unreadDeadline('推进改革。（完成时限：持续推进）', 0, [])).toBeUndefined();
    expect(unreadDeadline('2025年底前已完成试点，今年全面推开。', 0, [])).toBeUndefined();
  });

  it('places the text at its offset in the document', () => {
    const doc = '前言，这一句比时限更长一些。2026年秋季学期前完成。';
    const offset = doc.indexOf('2026');
    const text = doc.slice(offset);
    expect(unreadDeadline(text, offset, [at('2026年秋季学期前', doc, '2026-08-31')])).toBeUndefined();
    expect(unreadDeadline(text, 0, [at('2026年秋季学期前', doc, '2026-08-31')])).toBe('2026年秋季学期前');
  });
});
