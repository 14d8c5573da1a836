import type { Insertable, Kysely } from 'kysely';
import type { AttachmentOwnerKind, AttachmentRow, AttachmentTable, Database } from '../schema.js';

export async function insertAttachment(
  db: Kysely<Database>,
  row: Insertable<AttachmentTable>,
): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
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
