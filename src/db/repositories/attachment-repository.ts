import type { Insertable, Kysely } from 'kysely';
import { inBatches } from './batches.js';
import type { AttachmentOwnerKind, AttachmentRow, AttachmentTable, Database } from '../schema.js';

export async function insertAttachment(
  db: Kysely<Database>,
  row: Insertable<AttachmentTable>,
): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** Removes a file's row (its bytes stay in the store: another row may name the same content). */
export async function deleteAttachment(db: Kysely<Database>, id: string, regionId: string): Promise<void> {
  await db.deleteFrom('attachments').where('id', '=', id).where('region_id', '=', regionId).execute();
}

export function getAttachment(db: Kysely<Database>, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The files of one owner, oldest first. */
export function listAttachments(
  db: Kysely<Database>,
  ownerKind: AttachmentOwnerKind,
  ownerId: string,
): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The files of many owners of one kind, oldest first. */
export async function listAttachmentsOfOwners(
  db: Kysely<Database>,
  ownerKind: AttachmentOwnerKind,
  ownerIds: readonly string[],
): Promise<AttachmentRow[]> {
  const rows: AttachmentRow[] = [];
  await inBatches(ownerIds, async (batch) => {
    rows.push(
      ...(await db
        .selectFrom('attachments')
        .selectAll()
        .where('owner_kind', '=', ownerKind)
        .where('owner_id', 'in', batch)
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    );
  });
  return rows;
}
