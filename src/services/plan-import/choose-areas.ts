import type { DeclaredCount, OutlineNode } from '../../extract/types.js';

/** An outline node with the end of its section: up to where the next node at its level or above begins. */
export interface Section {
  node: OutlineNode;
  start: number;
  end: number;
  children: Section[];
}

export function toSections(nodes: readonly OutlineNode[], end: number): Section[] {
  return nodes.map((node, i) => {
    const next = nodes[i + 1];
    const sectionEnd = next ? next.span[0] : end;
    return { node, start: node.span[0], end: sectionEnd, children: toSections(node.children, sectionEnd) };
  });
}

// Words that mark a look back (a review of last year) rather than the programme itself.
const REVIEW = /总结|回顾|成绩|成效|一年来|过去|取得/;
// Words that mark the part of a speech or report that sets out the work to do.
const PLAN = /部署|任务|重点|工作|目标|举措|抓好|推进|要点/;

interface Candidate {
  sections: Section[];
  parent: Section | null;
}

function score(c: Candidate, declaredAreas: number | undefined): number {
  const n = c.sections.length;
  if (n < 2) return -100;
  let s = 0;
  if (declaredAreas !== undefined && n === declaredAreas) s += 10;
  const withItems = c.sections.filter((x) => x.children.length > 0).length / n;
  s += 4 * withItems;
  const reviews = c.sections.filter((x) => REVIEW.test(x.node.title)).length / n;
  s -= 4 * reviews;
  if (c.parent) {
    if (REVIEW.test(c.parent.node.title)) s -= 6;
    if (PLAN.test(c.parent.node.title)) s += 2;
    // Descending one level must be earned: a root list that already works is the plainer reading.
    s -= 1;
  }
  if (n >= 3) s += 1;
  return s;
}

/**
 * Picks the level of the outline that holds the programme's parts (its 方面/领域). In a work-points
 * document that is the top level; in a speech whose 一、 reviews last year and whose 三、 sets out the work,
 * it is 三、's children. A declared count ("十大方面") that matches a candidate settles it.
 */
export function chooseAreas(sections: readonly Section[], counts: readonly DeclaredCount[]): Section[] {
  const declaredAreas = counts.find((c) => c.areas !== undefined)?.areas;
  const candidates: Candidate[] = [{ sections: [...sections], parent: null }];
  for (const root of sections)
    if (root.children.length >= 2) candidates.push({ sections: root.children, parent: root });
  let best = candidates[0]!;
  let bestScore = score(best, declaredAreas);
  for (const c of candidates.slice(1)) {
    const s = score(c, declaredAreas);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best.sections;
}
