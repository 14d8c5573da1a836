import { sql, type Kysely } from 'kysely';
import { addDays } from '../../domain/calendar.js';
import type { Database } from '../schema.js';
import type { ReportFact } from './report-repository.js';

/** One task's report digest (the shape domain/task-evaluation's ReportDigest reads). */
export interface ReportDigest {
  task_id: string;
  last_period: string | null;
  accepted_progress: number | null;
  submitted_progress: number | null;
  completed: boolean;
  due_reported: boolean;
}

const RECEIVED = ['submitted', 'accepted'] as const;

/**
 * What the status rule reads of each task's reports, one row per task of the plan, whatever the history:
 * every column is one index seek (reports_task_status_updated, reports_task_completion, reports_task), so a
 * cold ledger reads O(tasks) rows, not O(reports). `duePeriod` is the period whose report is owed now.
 *
 * With `through` (a day), the digest is the one that day ended with: only reports last changed on or before
 * it count, as the battle map reads the first month end of its trend. The latest period then walks the
 * task's (task, period) index back past the reports changed since, a few per month looked back, not its
 * history.
 */
export async function reportDigestsOf(
  db: Kysely<Database>,
  regionId: string,
  planId: string,
  duePeriod: string | null,
  through?: string,
): Promise<ReportDigest[]> {
  // updated_at is an ISO timestamp: its day is on or before `through` exactly when it sorts before the next day.
  const before = through === undefined ? null : addDays(through, 1);
  const rows = await db
    .selectFrom('tasks as t')
    .select((eb) => [
      't.id as task_id',
      eb
        .selectFrom('reports as r')
        .select((s) => s.fn.max('r.period').as('period'))
        .whereRef('r.task_id', '=', 't.id')
        // Still filtered by region, but as an expression no index serves: on the bare column SQLite seeks by
        // (region, period) and walks the region's newest reports once per task, 30× the (task, period) seek.
        .where(sql<string>`r.region_id || ''`, '=', regionId)
        .$if(before !== null, (q) => q.where('r.updated_at', '<', before!))
        .where('r.status', 'in', RECEIVED)
        .as('last_period'),
      eb
        .selectFrom('reports as r')
        .select('r.progress')
        .whereRef('r.task_id', '=', 't.id')
        .where('r.region_id', '=', regionId)
        .$if(before !== null, (q) => q.where('r.updated_at', '<', before!))
        .where('r.status', '=', 'accepted')
        .orderBy('r.updated_at', 'desc')
        .limit(1)
        .as('accepted_progress'),
      eb
        .selectFrom('reports as r')
        .select('r.progress')
        .whereRef('r.task_id', '=', 't.id')
        .where('r.region_id', '=', regionId)
        .$if(before !== null, (q) => q.where('r.updated_at', '<', before!))
        .where('r.status', '=', 'submitted')
        .orderBy('r.updated_at', 'desc')
        .limit(1)
        .as('submitted_progress'),
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('reports as r')
              .select('r.id')
              .whereRef('r.task_id', '=', 't.id')
              .where('r.region_id', '=', regionId)
              // As an expression: on the bare column SQLite seeks by (task, status, updated_at) and walks every
              // accepted report of the task instead of its completion claims.
              .$if(before !== null, (q) => q.where(sql<string>`r.updated_at || ''`, '<', before!))
              .where('r.claims_completion', '=', 1)
              .where('r.status', '=', 'accepted'),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('completed'),
      // The status is read, not filtered on, so the seek is by (task, period): filtering on it lets SQLite
      // pick the (task, status) index and walk the task's whole history.
      eb
        .selectFrom('reports as r')
        .select((s) =>
          s.fn.max(s.case().when('r.status', 'in', RECEIVED).then(1).else(0).end()).as('reported'),
        )
        .whereRef('r.task_id', '=', 't.id')
        .where('r.region_id', '=', regionId)
        .$if(before !== null, (q) => q.where('r.updated_at', '<', before!))
        .where('r.period', '=', duePeriod ?? '')
        .as('due_reported'),
    ])
    .where('t.region_id', '=', regionId)
    .where('t.plan_id', '=', planId)
    .execute();
  return rows.map((r) => ({
    task_id: r.task_id,
    last_period: r.last_period ?? null,
    accepted_progress: r.accepted_progress ?? null,
    submitted_progress: r.submitted_progress ?? null,
    completed: r.completed === 1,
    due_reported: r.due_reported === 1,
  }));
}

/**
 * The office-received reports of a plan's tasks that changed after the day `after`, and those of period
 * `fromPeriod` or later whenever they changed: with the digests read as `after` ended, all that the status
 * of any later day reads (see domain/report-digest-history). Rows follow the months since, not the history:
 * each task's are index seeks, by (task, status, updated_at) and by (task, period).
 */
export async function reportFactsChangedSince(
  db: Kysely<Database>,
  regionId: string,
  planId: string,
  after: string,
  fromPeriod: string | null,
): Promise<ReportFact[]> {
  const base = db
    .selectFrom('tasks as t')
    .innerJoin('reports as r', 'r.task_id', 't.id')
    .select([
      'r.id',
      'r.task_id',
      'r.period',
      'r.status',
      'r.progress',
      'r.claims_completion',
      'r.updated_at',
    ])
    .where('t.region_id', '=', regionId)
    .where('t.plan_id', '=', planId)
    // As an expression, so no region-wide index drives the join: each task's reports are sought by task.
    .where(sql<string>`r.region_id || ''`, '=', regionId)
    .where('r.status', 'in', RECEIVED);
  const [changed, owed] = await Promise.all([
    base.where('r.updated_at', '>=', addDays(after, 1)).execute(),
    fromPeriod === null ? [] : base.where('r.period', '>=', fromPeriod).execute(),
  ]);
  // A report both changed since and of a period owed since comes back twice: once is enough.
  const byId = new Map<string, ReportFact>();
  for (const { id, ...fact } of [...changed, ...owed]) byId.set(id, fact);
  return [...byId.values()];
}
