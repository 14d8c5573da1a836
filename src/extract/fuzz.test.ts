import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import type { Extraction, OutlineNode } from './types.js';

// A small deterministic generator, so that a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '一、',
  '（一）',
  '1.',
  '(1)',
  '①',
  '一是',
  '二要',
  '第一，',
  '- ',
  '● ',
  '增长',
  '6%',
  '左右',
  '力争',
  '确保',
  '突破',
  '百万',
  '个',
  '亿元',
  '。',
  '，',
  '；',
  '\n',
  '“',
  '”',
  '牵头',
  '配合',
  '区发改局',
  '年底前',
  '6月底前',
  '十大方面',
  '31项',
  '序号\n',
  '牵头单位\n',
  '|',
  '\t',
  '基本持平',
  '同比',
  '2024年',
  '2025年',
  '会上',
  '区委书记某某:',
  '   ',
  '\u3000',
  '１２',
];

function spansOk(text: string, x: Extraction): boolean {
  const ok = (s: [number, number]): boolean => s[0] >= 0 && s[1] >= s[0] && s[1] <= text.length;
  const walk = (nodes: OutlineNode[]): boolean => nodes.every((n) => ok(n.span) && walk(n.children));
  return (
    walk(x.outline) &&
    [...x.targets, ...x.actuals, ...x.deadlines, ...x.units, ...x.counts].every((q) => ok(q.span))
  );
}

describe('extract never throws and keeps its spans inside the input', () => {
  it('random code units', () => {
    const next = rng(1);
    for (let round = 0; round < 200; round++) {
      let text = '';
      const n = Math.floor(next() * 400);
      for (let i = 0; i < n; i++) text += String.fromCharCode(Math.floor(next() * 0xffff));
      const x = extract(text);
      expect(spansOk(text, x)).toBe(true);
    }
  });

  it('random Chinese programme fragments', () => {
    const next = rng(2);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const n = Math.floor(next() * 120);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
      const x = extract(text);
      expect(spansOk(text, x)).toBe(true);
    }
  });

  it('deep nesting of every marker kind', () => {
    const markers = ['一、', '（一）', '1.', '（1）', '①', '- ', '● '];
    const lines: string[] = ['标题'];
    for (let i = 0; i < 3000; i++)
      lines.push(`${markers[i % markers.length]!}第${i}项任务，新增项目${i + 2}个。`);
    const x = extract(lines.join('\n'));
    expect(x.outline.length).toBeGreaterThan(0);
    expect(x.targets.length).toBeGreaterThan(1000);
  });

  // Speed is bench/extract's job; here a super-linear path would hang until the generous timeout.
  it('a 10 MB single line finishes', { timeout: 120_000 }, () => {
    const unit = '全区新增项目12个，增长6%左右，力争突破百万，区发改局牵头，年底前完成一是推进二是落实';
    // 10 MB of UTF-8: three bytes a character.
    const text = unit.repeat(Math.ceil(10_000_000 / 3 / unit.length));
    const x = extract(text);
    expect(spansOk(text, x)).toBe(true);
  });

  it('empty and whitespace-only input', () => {
    for (const text of ['', ' ', '\n\n\n', '\u3000\u00a0']) {
      const x = extract(text);
      expect(x).toMatchObject({ title: '', outline: [], targets: [], actuals: [] });
    }
  });
});
