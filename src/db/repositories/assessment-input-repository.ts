import type { Kysely } from 'kysely';
import type { AcceptedExperience, Exemption } from '../../domain/assessment-auto.js';
import type { LedgerRows } from '../../domain/assessment-ledger.js';
import type { Database } from '../schema.js';
import { listExemptions } from './accountability-repository.js';
import { listAcceptedExperiencesForAssessment } from './experience-repository.js';

// What automatic assessment indicators are computed from, gathered as plain lists (see
// domain/assessment-ledger.ts and domain/assessment-auto.ts for what they become).

function shanghaiDayStart(date: string, plusDays: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + plusDays * 86_400_000 - 8 * 3_600_000;
  return new Date(ms).toISOString();
}

/**
 * The ledger rows of a region that fall in [start, end]: reports that reached the office, milestones of
 * published tasks (with their lead unit), notices. Periods are compared as text ('2026-01' … '2026-03',
 * '2026-Q1'), which the domain then checks against the range.
 */
export async function ledgerRowsOf(
  db: Kysely<Database>,
  regionId: string,
  range: { start: string; end: string },
  periods: readonly string[],
): Promise<LedgerRows> {
  const [reports, milestones, notices] = await Promise.all([
    db
      .selectFrom('reports')
      .select([
        'id',
        'unit_id as unitId',
        'task_id as taskId',
        'period',
        'submitted_at as submittedAt',
        'rating',
      ])
      .where('region_id', '=', regionId)
      .where('period', 'in', periods)
      .where('submitted_at', 'is not', null)
      .execute(),
    db
      .selectFrom('milestones')
      .innerJoin('tasks', 'tasks.id', 'milestones.task_id')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select([
        'milestones.id',
        'tasks.lead_unit_id as unitId',
        'milestones.due_date as dueDate',
        'milestones.done_date as doneDate',
      ])
      .where('milestones.region_id', '=', regionId)
      .where('plans.status', '=', 'published')
      .where('tasks.lead_unit_id', 'is not', null)
      .where('milestones.due_date', '>=', range.start)
      .where('milestones.due_date', '<=', range.end)
      .execute(),
    db
      .selectFrom('notices')
      .select(['id', 'unit_id as unitId', 'task_id as taskId', 'kind', 'period', 'issued_at as issuedAt'])
      .where('region_id', '=', regionId)
      .where('kind', 'in', ['supervise', 'listed', 'urge'])
      // Instants are UTC; the range's days are Shanghai days (UTC+8), starting at 16:00 UTC the day before.
      .where('issued_at', '>=', shanghaiDayStart(range.start, 0))
      .where('issued_at', '<', shanghaiDayStart(range.end, 1))
      .execute(),
  ]);
  return {
    reports,
    milestones: milestones.map((m) => ({ ...m, unitId: m.unitId! })),
    notices,
  };
}

/** 容错免责 granted to the region's units: an exemption stands whenever the deduction it lifts falls. */
export function exemptionsOf(
  db: Kysely<Database>,
  regionId: string,
  grantedBy?: string,
): Promise<Exemption[]> {
  return listExemptions(db, regionId, grantedBy);
}

/** Experiences (可复制推广经验) of the region accepted in the range's Shanghai days, for the +2 each (up to +6) bonus. */
export function acceptedExperiencesOf(
  db: Kysely<Database>,
  regionId: string,
  range: { start: string; end: string },
): Promise<AcceptedExperience[]> {
  return listAcceptedExperiencesForAssessment(
    db,
    regionId,
    shanghaiDayStart(range.start, 0),
    new Date(Date.parse(shanghaiDayStart(range.end, 1)) - 1).toISOString(),
  );
}
