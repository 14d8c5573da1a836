// Regions in a tree (province → city → district/county): pure walks over the parent links.

export interface RegionLink {
  id: string;
  parent_id: string | null;
}

/** The regions below `regionId`, nearest first; a cycle in the links (bad data) ends the walk, never loops. */
export function descendantsOf(links: readonly RegionLink[], regionId: string): string[] {
  const children = new Map<string, string[]>();
  for (const l of links) {
    if (l.parent_id === null) continue;
    const list = children.get(l.parent_id) ?? [];
    list.push(l.id);
    children.set(l.parent_id, list);
  }
  const seen = new Set([regionId]);
  const out: string[] = [];
  const queue = [regionId];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** The regions directly below `regionId`. */
export function childrenOf(links: readonly RegionLink[], regionId: string): string[] {
  return links.filter((l) => l.parent_id === regionId && l.id !== regionId).map((l) => l.id);
}
