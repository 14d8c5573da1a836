// What the cold-rebuild benchmarks share: a report history written straight into the table (the history is what
// they measure, not how it was made), the office that reads the pages, and fresh statistics after each level.

/** `count` monthly periods ending with 2026-05, newest first. */
export function periods(count) {
  const out = [];
  let y = 2026;
  let m = 5;
  for (let i = 0; i < count; i++) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

/** A task's report of a period, written on the 28th, received by the office (`awaiting` it, or accepted). */
export function reportRow(region, unit, task, period, progress, awaiting) {
  const at = `${period}-28T08:00:00.000Z`;
  return {
    id: `rpt_${task.id}_${period}`,
    region_id: region.id,
    task_id: task.id,
    unit_id: unit.id,
    period,
    progress,
    narrative: `${period}进展`,
    claims_completion: 0,
    status: awaiting ? 'submitted' : 'accepted',
    created_by: 'bench',
    created_at: at,
    updated_at: at,
  };
}

/**
 * One report per task for each of `fresh` (periods), led by `unit`; `have` reports per task exist already.
 * Every fifth still awaits the office; progress steps down so that the latest is never the largest.
 */
export async function addReports(storage, region, unit, tasks, fresh, have) {
  await storage.db.transaction().execute(async (trx) => {
    for (const task of tasks) {
      const values = fresh.map((period, i) =>
        reportRow(region, unit, task, period, Math.max(1, 60 - ((have + i) % 60)), (have + i) % 5 === 4),
      );
      for (let i = 0; i < values.length; i += 200)
        await trx
          .insertInto('reports')
          .values(values.slice(i, i + 200))
          .execute();
    }
  });
}

/** The region's office, as the reader of its pages. */
export function officeOf(region) {
  return {
    accountId: 'bench',
    username: 'bench',
    displayName: '测速',
    role: 'office',
    regionId: region.id,
    unitId: null,
  };
}

/** On PostgreSQL, the planner's statistics for the history just written, as a running server's autovacuum keeps them. */
export async function analyze(storage) {
  if (storage.dialect === 'postgres')
    await storage.db
      .executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } })
      .catch(() => undefined);
}
