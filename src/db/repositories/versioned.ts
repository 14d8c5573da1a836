import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../schema.js';

export type VersionedTable =
  | 'regions'
  | 'units'
  | 'accounts'
  | 'plans'
  | 'areas'
  | 'tasks'
  | 'milestones'
  | 'targets'
  | 'reports'
  | 'notices'
  | 'instructions'
  // Directives and meetings (issue 11 §3–4).
  | 'directive_extensions'
  // Key projects (issue 11)
  | 'projects'
  | 'project_milestones'
  | 'project_problems'
  // Accountability and experiences (issue 10 §2–3)
  | 'accountability_records'
  | 'tolerance_requests'
  | 'experiences'
  // Assessment (考核)
  | 'assessment_schemes'
  | 'assessment_indicators'
  | 'assessment_rounds'
  | 'assessment_sheets'
  | 'assessment_adjustments'
  | 'assessment_objections'
  // Bulletins (通报)
  | 'bulletins';

interface VersionedRow {
  id: string;
  version: number;
}

/**
 * Optimistic locking: the row changes only if it still has the version the caller read.
 * Returns false when someone else wrote first; the caller then answers 412 with the current row.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Updateable<Database[T]>,
): Promise<boolean> {
  // Kysely cannot type a table chosen at run time; every VersionedTable has id and version, which is all we touch.
  const loose = db as unknown as Kysely<Record<string, VersionedRow>>;
  const result = await loose
    .updateTable(table as string)
    .set({ ...(patch as Record<string, unknown>), version: expectedVersion + 1 } as Updateable<VersionedRow>)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
