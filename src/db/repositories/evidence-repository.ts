import type { Insertable, Kysely } from 'kysely';
import type { Database, EvidenceFileRow, EvidenceFileTable } from '../schema.js';

export async function insertEvidenceFile(
  db: Kysely<Database>,
  row: Insertable<EvidenceFileTable>,
): Promise<void> {
  await db.insertInto('evidence_files').values(row).execute();
}

/** The evidence of many reports at once, oldest first. */
export function listEvidenceFiles(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<EvidenceFileRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evidence_files')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('created_at')
    .execute();
}

export function getEvidenceFile(db: Kysely<Database>, id: string): Promise<EvidenceFileRow | undefined> {
  return db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
}
