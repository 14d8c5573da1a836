// 形象进度照片: photographs a key project's lead unit (or the office) attaches to a monthly report while the
// month is not yet confirmed. The bytes go to the one file store; the attachment row names the report, and
// reading a photo is reading the project (access.attachmentFor).

import {
  deleteAttachment,
  getAttachment,
  listAttachmentsOfOwners,
} from '../db/repositories/attachment-repository.js';
import type { Kysely } from 'kysely';
import type { AttachmentRow, Database } from '../db/schema.js';
import { photoTypeOf } from '../documents/photo-types.js';
import { demand, projectReportFor } from './access.js';
import type { Actor } from './actor.js';
import { attachFile } from './attachments.js';
import { db, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as projectPolicy from './policies/project.js';

/** A month's photos are a page of thumbnails, not an archive: nine fill one row of a report sheet. */
export const PHOTOS_PER_MONTH = 9;

export async function attachProjectPhoto(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  filename: string,
  bytes: Buffer,
): Promise<AttachmentRow> {
  const { report, project } = await projectReportFor(ctx, actor, reportId);
  const facts = { regionId: project.region_id, leadUnitId: project.lead_unit_id };
  demand(projectPolicy.can(actor, 'attach_photo', facts));
  if (report.status === 'confirmed') throw fail('project.report_confirmed', { month: report.month });
  // Checked before the store is touched, so a refused file leaves no bytes behind.
  if (bytes.length > 0 && photoTypeOf(filename, bytes) === null)
    throw fail('project.photo_unsupported_type', {}, { filename });
  // Asked first so a full month stores no bytes, and again inside the write, where writes to the region
  // run one at a time: two uploads racing for the ninth place cannot both take it.
  const demandRoom = async (d: Kysely<Database>) => {
    const existing = await listAttachmentsOfOwners(d, 'project_report', [reportId]);
    if (existing.length >= PHOTOS_PER_MONTH) throw fail('project.photos_full', { max: PHOTOS_PER_MONTH });
  };
  await demandRoom(db(ctx));
  return attachFile(ctx, actor, {
    before: demandRoom,
    regionId: project.region_id,
    ownerKind: 'project_report',
    ownerId: reportId,
    filename,
    bytes,
    typeOf: photoTypeOf,
    audit: {
      action: 'project.attach_photo',
      entity: 'project',
      entityId: project.id,
      data: { reportId, month: report.month },
    },
  });
}

/**
 * Takes a photo off its month while the office has not confirmed it: whoever may attach photos there may
 * take one back (a wrong picture, a duplicate). The stored bytes stay: other rows may name the same file.
 */
export async function removeProjectPhoto(ctx: ServiceContext, actor: Actor, photoId: string): Promise<void> {
  const photo = await getAttachment(db(ctx), photoId);
  if (!photo || photo.owner_kind !== 'project_report') throw fail('attachment.not_found');
  const { report, project } = await projectReportFor(ctx, actor, photo.owner_id);
  const facts = { regionId: project.region_id, leadUnitId: project.lead_unit_id };
  demand(projectPolicy.can(actor, 'attach_photo', facts));
  if (report.status === 'confirmed') throw fail('project.report_confirmed', { month: report.month });
  await write(ctx, actor, async ({ trx, audit }) => {
    await deleteAttachment(trx, photo.id, project.region_id);
    await audit({
      regionId: project.region_id,
      action: 'project.remove_photo',
      entity: 'project',
      entityId: project.id,
      data: { reportId: report.id, month: report.month, fileId: photo.id, filename: photo.filename },
    });
  });
}
