import type { TaskSummary } from '../../api/types';

/** How a ledger line sits among the others: how deep under its parents, and the parent's code. */
export interface LineNesting {
  depth: number;
  parentCode: string | null;
}

/**
 * Puts each sub-task right under its parent (3.1 under 3), keeping the order of `rows` otherwise, and
 * says how deep each line sits. A sub-task whose parent is not among the rows (filtered out, or in a plan
 * not shown) stays where it is and keeps its parent's code from `all` to show. Without `nested` (the
 * ledger sorted by a column) no line moves; sub-tasks still show their parent's code.
 */
export function nestSubTasks(
  rows: readonly TaskSummary[],
  all: readonly TaskSummary[],
  nested: boolean,
): { rows: TaskSummary[]; nesting: Map<string, LineNesting> } {
  const code = new Map(all.map((t) => [t.id, t.code]));
  const shown = new Set(rows.map((t) => t.id));
  const nesting = new Map<string, LineNesting>();
  const parentCode = (t: TaskSummary) => (t.parentTaskId ? (code.get(t.parentTaskId) ?? null) : null);
  if (!nested) {
    for (const t of rows) nesting.set(t.id, { depth: 0, parentCode: parentCode(t) });
    return { rows: [...rows], nesting };
  }
  const children = new Map<string, TaskSummary[]>();
  const roots: TaskSummary[] = [];
  for (const t of rows) {
    // A parent in view takes the line under it; a cycle (which the server refuses) must not hide lines.
    if (t.parentTaskId && shown.has(t.parentTaskId) && t.parentTaskId !== t.id) {
      children.set(t.parentTaskId, [...(children.get(t.parentTaskId) ?? []), t]);
    } else roots.push(t);
  }
  const out: TaskSummary[] = [];
  const placed = new Set<string>();
  const place = (t: TaskSummary, depth: number) => {
    if (placed.has(t.id)) return;
    placed.add(t.id);
    out.push(t);
    nesting.set(t.id, { depth, parentCode: parentCode(t) });
    for (const c of children.get(t.id) ?? []) place(c, depth + 1);
  };
  for (const t of roots) place(t, 0);
  // Lines caught in a cycle of parents have no root to hang from: shown last, at the top level.
  for (const t of rows) place(t, 0);
  return { rows: out, nesting };
}
