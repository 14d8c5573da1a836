import { describe, expect, it } from 'vitest';
import { documentCodes, markerNumber } from './document-codes.js';

describe('markerNumber', () => {
  it.each([
    ['4.', 4],
    ['12、', 12],
    ['（十二）', 12],
    ['(三)', 3],
    ['三、', 3],
    ['②', 2],
    ['⑶', 3],
    ['第一', 1],
    ['二是', 2],
    ['４.', 4],
  ])('reads %s as %i', (marker, n) => {
    expect(markerNumber(marker)).toBe(n);
  });

  it.each(['', '●', '-'])('finds no number in %j', (marker) => {
    expect(markerNumber(marker)).toBeUndefined();
  });
});

describe('documentCodes', () => {
  it('keeps a numbering that runs through the document (items 4–7 stay 4–7)', () => {
    const codes = documentCodes([
      { marker: '一、', children: ['1.', '2.', '3.'] },
      { marker: '二、', children: ['4.', '5.'] },
      { marker: '三、', children: ['6.', '7.'] },
    ]);
    expect(codes.areas).toEqual(['1', '2', '3']);
    expect(codes.tasks).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
      ['6', '7'],
    ]);
  });

  it('prefixes the area to a numbering that starts again in each area', () => {
    const codes = documentCodes([
      { marker: '一、', children: ['（一）', '（二）'] },
      { marker: '二、', children: ['1.', '2.', '3.'] },
    ]);
    expect(codes.tasks).toEqual([
      ['1.1', '1.2'],
      ['2.1', '2.2', '2.3'],
    ]);
  });

  it('keeps the numbers of areas the document starts further on', () => {
    const codes = documentCodes([
      { marker: '三、', children: ['（一）'] },
      { marker: '四、', children: ['（一）', '（二）'] },
    ]);
    expect(codes.areas).toEqual(['3', '4']);
    expect(codes.tasks).toEqual([['3.1'], ['4.1', '4.2']]);
  });

  it('numbers by position an area whose items are not numbered in order', () => {
    const codes = documentCodes([
      { marker: '一、', children: ['一是', '二是', '（一）'] },
      { marker: '二、', children: ['●', '●'] },
    ]);
    expect(codes.tasks).toEqual([
      ['1.1', '1.2', '1.3'],
      ['2.1', '2.2'],
    ]);
  });

  it('gives an area without items its own code, and numbers by position where codes would collide', () => {
    expect(
      documentCodes([
        { marker: '1', children: [] },
        { marker: '2', children: [] },
      ]),
    ).toEqual({
      areas: ['1', '2'],
      tasks: [[], []],
    });
    // Area 二 is itself a task and would share "2" with item 2.
    const codes = documentCodes([
      { marker: '一、', children: ['1.', '2.'] },
      { marker: '二、', children: [] },
      { marker: '三、', children: ['3.'] },
    ]);
    expect(codes.tasks).toEqual([['1.1', '1.2'], [], ['3.1']]);
  });

  it('numbers areas by position when their markers are missing or out of order', () => {
    expect(
      documentCodes([
        { marker: '', children: ['1.'] },
        { marker: '', children: ['1.'] },
      ]).tasks,
    ).toEqual([['1.1'], ['2.1']]);
  });
});
