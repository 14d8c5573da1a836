import { describe, expect, it } from 'vitest';
import { splitSpan } from './source-span';

describe('splitSpan', () => {
  it('marks the sentence inside its paragraph', () => {
    expect(splitSpan('一是改革。二是发展。', 5, 10)).toEqual(['一是改革。', '二是发展。', '']);
  });
  it('clamps spans that run past the text', () => {
    expect(splitSpan('短文', 1, 99)).toEqual(['短', '文', '']);
    expect(splitSpan('短文', 5, 2)).toEqual(['短文', '', '']);
  });
});
