/** One task's lead unit to save: the task as the page shows it (with its version) and the unit to set. */
export interface LeadAssignment<T> {
  task: T;
  unitId: string;
}

export interface BulkOutcome<T, R> {
  saved: { task: T; result: R }[];
  failed: { task: T; error: unknown }[];
}

/**
 * Saves several tasks' lead units, a few at a time, each on its own version: one refused save (someone
 * changed that task meanwhile) stops none of the others, and the caller learns which saved and which not.
 */
export async function assignLeads<T, R>(
  assignments: readonly LeadAssignment<T>[],
  save: (task: T, unitId: string) => Promise<R>,
  concurrency = 4,
): Promise<BulkOutcome<T, R>> {
  const outcome: BulkOutcome<T, R> = { saved: [], failed: [] };
  const results: ({ ok: true; result: R } | { ok: false; error: unknown })[] = [];
  let next = 0;
  const worker = async () => {
    while (next < assignments.length) {
      const i = next++;
      const { task, unitId } = assignments[i]!;
      try {
        results[i] = { ok: true, result: await save(task, unitId) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, assignments.length)) }, worker));
  // In the order given, whatever order the answers came in.
  results.forEach((r, i) => {
    const task = assignments[i]!.task;
    if (r.ok) outcome.saved.push({ task, result: r.result });
    else outcome.failed.push({ task, error: r.error });
  });
  return outcome;
}

/**
 * The assignments that take up the suggested lead units: every task without a lead unit whose suggestion
 * is known, limited to `only` when given (the selected rows).
 */
export function suggestedAssignments<T extends { id: string; leadUnit: unknown }>(
  tasks: readonly T[],
  suggestion: ReadonlyMap<string, string | null>,
  only?: ReadonlySet<string>,
): LeadAssignment<T>[] {
  return tasks.flatMap((task) => {
    const unitId = suggestion.get(task.id);
    if (task.leadUnit || !unitId || (only && !only.has(task.id))) return [];
    return [{ task, unitId }];
  });
}
