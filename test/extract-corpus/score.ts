// Scores extractions against gold files by the rules of the extraction spec's "Scoring" section (the
// same rules as the shared scorer), in process, so that the corpus needs nothing beside the checkout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.js';

interface GoldQuantity {
  indicator: string;
  measure: string;
  comparator: string;
  value: number;
  unit: string;
  stretch?: boolean;
}
interface GoldNode {
  level: number;
  title: string;
  children?: GoldNode[];
}
interface Gold {
  title: string;
  counts?: { areas?: number; tasks?: number }[];
  outline: GoldNode[];
  targets: GoldQuantity[];
  actuals: GoldQuantity[];
}
export interface Tally {
  tp: number;
  np: number;
  ng: number;
}
export interface Scores {
  targets: Tally;
  actuals: Tally;
  outline: Tally;
  counts: { tp: number; ng: number };
}
export interface DocumentScore extends Scores {
  name: string;
  /** What did not match, one line each ("- target …" missed gold, "+ target …" spurious), for `--misses`. */
  misses: string[];
}

const bigrams = (s: string): string[] => {
  const t = s.replace(/\s+/g, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return out.length ? out : [t];
};
function dice(a: string, b: string): number {
  const x = bigrams(a);
  const pool = new Map<string, number>();
  for (const g of bigrams(b)) pool.set(g, (pool.get(g) ?? 0) + 1);
  let hit = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(g, n - 1);
    }
  }
  return (2 * hit) / (x.length + bigrams(b).length);
}
function contains(a: string, b: string, ratio = 0.4): boolean {
  const p = a.replace(/\s+/g, '');
  const q = b.replace(/\s+/g, '');
  if (!p.length || !q.length) return false;
  const [short, long] = p.length <= q.length ? [p, q] : [q, p];
  return long.includes(short) && short.length / long.length >= ratio;
}
const MULT: Record<string, number> = { 十: 10, 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8 };
function magnitude(q: { value: number; unit: string }): { value: number; base: string } {
  let unit = q.unit.trim();
  let mult = 1;
  while (unit && MULT[unit[0]!] && !/^(千[米克瓦卡]|百分)/.test(unit)) {
    mult *= MULT[unit[0]!]!;
    unit = unit.slice(1);
  }
  return { value: q.value * mult, base: unit };
}
function sameQuantity(p: GoldQuantity, g: GoldQuantity): boolean {
  const a = magnitude(p);
  const b = magnitude(g);
  const close = Math.abs(a.value - b.value) <= 1e-6 * Math.max(Math.abs(a.value), Math.abs(b.value));
  return close && (a.base === b.base || a.base === '' || b.base === '');
}
const showQuantity = (q: GoldQuantity): string =>
  `${q.indicator} ${q.measure} ${q.comparator} ${q.value}${q.unit}${q.stretch ? ' stretch' : ''}`;
function matchQuantities(
  pred: GoldQuantity[],
  gold: GoldQuantity[],
  kind = '',
  misses: string[] = [],
): Tally {
  const pairs: [number, number, number][] = [];
  pred.forEach((p, i) => {
    gold.forEach((g, j) => {
      if (!sameQuantity(p, g)) return;
      const sim = contains(p.indicator, g.indicator) ? 1 : dice(p.indicator, g.indicator);
      if (sim >= 0.4) pairs.push([sim, i, j]);
    });
  });
  pairs.sort((x, y) => y[0] - x[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const [, i, j] of pairs)
    if (!usedP.has(i) && !usedG.has(j)) {
      usedP.add(i);
      usedG.add(j);
    }
  gold.forEach((g, j) => usedG.has(j) || misses.push(`- ${kind} ${showQuantity(g)}`));
  pred.forEach((p, i) => usedP.has(i) || misses.push(`+ ${kind} ${showQuantity(p)}`));
  return { tp: usedP.size, np: pred.length, ng: gold.length };
}
const flatten = (nodes: GoldNode[], out: GoldNode[] = []): GoldNode[] => {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children ?? [], out);
  }
  return out;
};
function matchOutline(pred: GoldNode[], gold: GoldNode[], misses: string[] = []): Tally {
  const p = flatten(pred);
  const g = flatten(gold);
  const used = new Set<number>();
  for (const gn of g) {
    let best = -1;
    let bestSim = 0;
    p.forEach((pn, i) => {
      if (used.has(i) || pn.level !== gn.level) return;
      const sim = contains(pn.title, gn.title, 0.5) ? 1 : dice(pn.title, gn.title);
      if (sim >= 0.6 && sim > bestSim) {
        best = i;
        bestSim = sim;
      }
    });
    if (best >= 0) used.add(best);
    else misses.push(`- outline ${gn.level} ${gn.title}`);
  }
  p.forEach((pn, i) => used.has(i) || misses.push(`+ outline ${pn.level} ${pn.title}`));
  return { tp: used.size, np: p.length, ng: g.length };
}

/** Scores every `<name>.json` in `dir/gold` against the extraction of `dir/docs/<name>`. */
export function scoreCorpus(dir: string): DocumentScore[] {
  const out: DocumentScore[] = [];
  for (const file of readdirSync(join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const name = file.replace(/\.json$/, '');
    const gold = JSON.parse(readFileSync(join(dir, 'gold', file), 'utf8')) as Gold;
    const x = extract(readFileSync(join(dir, 'docs', name), 'utf8'));
    const goldCounts = gold.counts ?? [];
    const misses: string[] = [];
    out.push({
      name,
      misses,
      targets: matchQuantities(x.targets, gold.targets, 'target', misses),
      actuals: matchQuantities(x.actuals, gold.actuals, 'actual', misses),
      outline: matchOutline(x.outline, gold.outline, misses),
      counts: {
        tp: goldCounts.filter((g) =>
          x.counts.some(
            (p) => (p.tasks ?? null) === (g.tasks ?? null) && (p.areas ?? null) === (g.areas ?? null),
          ),
        ).length,
        ng: goldCounts.length,
      },
    });
  }
  return out;
}

export function total(scores: DocumentScore[]): Scores {
  const sum = (k: 'targets' | 'actuals' | 'outline'): Tally =>
    scores.reduce((a, s) => ({ tp: a.tp + s[k].tp, np: a.np + s[k].np, ng: a.ng + s[k].ng }), {
      tp: 0,
      np: 0,
      ng: 0,
    });
  return {
    targets: sum('targets'),
    actuals: sum('actuals'),
    outline: sum('outline'),
    counts: scores.reduce((a, s) => ({ tp: a.tp + s.counts.tp, ng: a.ng + s.counts.ng }), { tp: 0, ng: 0 }),
  };
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.np ? t.tp / t.np : t.ng ? 0 : 1;
  const r = t.ng ? t.tp / t.ng : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
