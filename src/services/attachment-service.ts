import type { AttachmentRow } from '../db/schema.js';
import { attachmentFor } from './access.js';
import type { Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { storedPath } from './file-store.js';

export type { AttachmentRow };

/** A request's or an experience's file the caller may read (reading it is reading its owner), and where its bytes are. */
export async function attachmentOf(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ file: AttachmentRow; path: string }> {
  const file = await attachmentFor(ctx, actor, id);
  return { file, path: storedPath(ctx, file.sha256) };
}
