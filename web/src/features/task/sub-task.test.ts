import { describe, expect, it } from 'vitest';
import { nextSubTaskCode, subTaskTitle } from './sub-task';

describe('nextSubTaskCode', () => {
  it('numbers sub-tasks under the parent code, after the highest already used', () => {
    expect(nextSubTaskCode('3', [])).toBe('3.1');
    expect(nextSubTaskCode('3', ['3.1', '3.4', 'x'])).toBe('3.5');
    expect(nextSubTaskCode('2.1', ['2.1.1'])).toBe('2.1.2');
  });

  it('ignores codes of other shapes and leaves the code blank when it would be too long', () => {
    expect(nextSubTaskCode('3', ['31', '3.a', '3.1.2'])).toBe('3.1');
    expect(nextSubTaskCode('1.2.3.4.5.6.7.8.9.1', [])).toBe('');
  });
});

describe('subTaskTitle', () => {
  it('names the unit before the parent title', () => {
    expect(subTaskTitle('里水镇', '推进均等化')).toBe('里水镇：推进均等化');
    expect(subTaskTitle('', '推进均等化')).toBe('推进均等化');
  });
});
