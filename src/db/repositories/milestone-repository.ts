import type { Insertable, Kysely } from 'kysely';
import { inBatches } from './batches.js';
import type { Database, MilestoneRow, MilestoneTable } from '../schema.js';

export function listMilestones(db: Kysely<Database>, taskId: string): Promise<MilestoneRow[]> {
  return db.selectFrom('milestones').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
}

export function getMilestone(db: Kysely<Database>, id: string): Promise<MilestoneRow | undefined> {
  return db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMilestones(
  db: Kysely<Database>,
  rows: Insertable<MilestoneTable>[],
): Promise<void> {
  await inBatches(rows, (slice) => db.insertInto('milestones').values(slice).execute());
}

export async function nextMilestoneSeq(db: Kysely<Database>, taskId: string): Promise<number> {
  const row = await db
    .selectFrom('milestones')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return (row?.m ?? 0) + 1;
}
