import type { Insertable, Kysely } from 'kysely';
import type { Database, InstructionRow, InstructionTable } from '../schema.js';
import { inBatches } from './batches.js';

export async function insertInstructions(
  db: Kysely<Database>,
  rows: readonly Insertable<InstructionTable>[],
): Promise<void> {
  await inBatches(rows, (slice) => db.insertInto('instructions').values(slice).execute());
}

export async function insertInstruction(
  db: Kysely<Database>,
  row: Insertable<InstructionTable>,
): Promise<void> {
  await db.insertInto('instructions').values(row).execute();
}

export function listInstructions(
  db: Kysely<Database>,
  taskId: string,
): Promise<(InstructionRow & { author_name: string })[]> {
  return db
    .selectFrom('instructions')
    .innerJoin('accounts', 'accounts.id', 'instructions.author_id')
    .selectAll('instructions')
    .select('accounts.display_name as author_name')
    .where('instructions.task_id', '=', taskId)
    .orderBy('instructions.created_at', 'desc')
    .execute();
}
