import { insertAttachment } from '../db/repositories/attachment-repository.js';
import type { AttachmentOwnerKind, AttachmentRow } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { Actor } from './actor.js';
import { nowIso, write, type AuditEntry, type ServiceContext, type WriteScope } from './context.js';
import { storeUpload, type UploadTypeOf } from './file-store.js';

export interface FileToAttach {
  regionId: string;
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  filename: string;
  bytes: Buffer;
  /** What may be attached there; report evidence's kinds when not given. */
  typeOf?: UploadTypeOf;
  /** The owner's own audit event; the file's id, name and hash are added to its data. */
  audit: Omit<AuditEntry, 'regionId' | 'data'> & { data?: Record<string, unknown> };
  /** A write or a check the file needs in the same transaction, before it (creating the row it belongs to; room left). */
  before?: (trx: WriteScope['trx']) => Promise<void>;
}

/**
 * Stores an uploaded file (checked by the one file store) and records it against its owner with the owner's
 * audit event, in one write. The caller has already decided that the actor may attach to that owner.
 */
export async function attachFile(
  ctx: ServiceContext,
  actor: Actor,
  file: FileToAttach,
): Promise<AttachmentRow> {
  const stored = await storeUpload(ctx, file.filename, file.bytes, file.typeOf);
  const row: AttachmentRow = {
    id: newId('att'),
    region_id: file.regionId,
    owner_kind: file.ownerKind,
    owner_id: file.ownerId,
    filename: file.filename,
    ...stored,
    created_by: actor.accountId,
    created_at: nowIso(ctx),
  };
  await write(ctx, actor, async ({ trx, audit }) => {
    if (file.before) await file.before(trx);
    await insertAttachment(trx, row);
    await audit({
      ...file.audit,
      regionId: file.regionId,
      data: { ...file.audit.data, fileId: row.id, filename: file.filename, sha256: stored.sha256 },
    });
  });
  return row;
}
