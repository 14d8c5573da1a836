import type { Insertable, Kysely } from 'kysely';
import type { Database, InstructionRow, InstructionStatus, InstructionTable } from '../schema.js';
import { insertsInBatches } from './batches.js';

export const insertInstructions = insertsInBatches('instructions');

export async function insertInstruction(
  db: Kysely<Database>,
  row: Insertable<InstructionTable>,
): Promise<void> {
  await db.insertInto('instructions').values(row).execute();
}

/** An instruction as it is read back: with its author's name, the addressed unit's and the task's. */
export type InstructionRecord = InstructionRow & {
  author_name: string;
  unit_name: string | null;
  task_code: string;
  task_title: string;
};

function records(db: Kysely<Database>) {
  return db
    .selectFrom('instructions')
    .innerJoin('accounts', 'accounts.id', 'instructions.author_id')
    .innerJoin('tasks', 'tasks.id', 'instructions.task_id')
    .leftJoin('units', 'units.id', 'instructions.unit_id')
    .selectAll('instructions')
    .select([
      'accounts.display_name as author_name',
      'units.name as unit_name',
      'tasks.code as task_code',
      'tasks.title as task_title',
    ]);
}

export function listInstructions(
  db: Kysely<Database>,
  regionId: string,
  taskId: string,
): Promise<InstructionRecord[]> {
  return records(db)
    .where('instructions.region_id', '=', regionId)
    .where('instructions.task_id', '=', taskId)
    .orderBy('instructions.created_at', 'desc')
    .execute();
}

export function getInstruction(db: Kysely<Database>, id: string): Promise<InstructionRecord | undefined> {
  return records(db).where('instructions.id', '=', id).executeTakeFirst();
}

export interface InstructionFilter {
  regionId: string;
  unitId?: string;
  status?: InstructionStatus;
}

/** A region's addressed instructions, newest first (those without an addressee ask nobody for a reply). */
export function listAddressedInstructions(
  db: Kysely<Database>,
  filter: InstructionFilter,
): Promise<InstructionRecord[]> {
  let q = records(db)
    .where('instructions.region_id', '=', filter.regionId)
    .where('instructions.unit_id', 'is not', null);
  if (filter.unitId) q = q.where('instructions.unit_id', '=', filter.unitId);
  if (filter.status) q = q.where('instructions.status', '=', filter.status);
  return q.orderBy('instructions.created_at', 'desc').limit(500).execute();
}
