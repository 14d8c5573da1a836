import { describe, expect, it } from 'vitest';
import { gramsOf, gramsOfTerm, normalize, scoreOf, termsOf } from './experience-search.js';

describe('gramsOf', () => {
  it.each([
    ['放管服', ['放', '管', '服', '放管', '管服']],
    [
      '一网通办，最多跑一次',
      [
        '一',
        '网',
        '通',
        '办',
        '一网',
        '网通',
        '通办',
        '最',
        '多',
        '跑',
        '次',
        '最多',
        '多跑',
        '跑一',
        '一次',
      ],
    ],
    ['ＡＢ1', ['a', 'b', '1', 'ab', 'b1']],
    ['', []],
    ['、。！', []],
  ])('%s', (text, grams) => {
    expect([...gramsOf(text)].sort()).toEqual([...grams].sort());
  });

  it('never makes a bigram across punctuation', () => {
    expect(gramsOf('改革，创新').has('革创')).toBe(false);
  });
});

describe('gramsOfTerm', () => {
  it.each([
    ['改', ['改']],
    ['改革', ['改革']],
    ['放管服', ['放管', '管服']],
    ['哈哈哈', ['哈哈']],
  ])('%s', (term, grams) => {
    expect(gramsOfTerm(term)).toEqual(grams);
  });
});

describe('termsOf', () => {
  it.each([
    ['  最多跑一次  改革 ', ['最多跑一次', '改革']],
    ['改革，改革', ['改革']],
    ['Ｗeb 审批', ['web', '审批']],
    ['！？', []],
  ])('%s', (query, terms) => {
    expect(termsOf(query)).toEqual(terms);
  });

  it('keeps at most eight terms', () => {
    expect(termsOf('一 二 三 四 五 六 七 八 九 十')).toHaveLength(8);
  });
});

describe('scoreOf', () => {
  const text = { title: '“一件事一次办”改革', body: '推行一件事一次办，群众办事少跑腿。改革，创新。' };
  it.each([
    [['一件事一次办'], 3 + 1],
    [['改革'], 3 + 1],
    [['跑腿', '改革'], 1 + 4],
    [['革创'], 0],
    [['改革', '不存在'], 0],
    [['办'], 3 + 2],
  ])('%j scores %i', (terms, score) => {
    expect(scoreOf(text, terms)).toBe(score);
  });

  it('matches Latin letters whatever their case or width', () => {
    expect(scoreOf({ title: 'ＡＰＰ上线', body: '' }, [normalize('app')])).toBe(3);
  });
});
