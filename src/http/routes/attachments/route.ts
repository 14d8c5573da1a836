import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentOf } from '../../../services/attachment-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { sendDownload } from '../../files.js';
import { actorOf } from '../../request-context.js';
import { IdParams } from './schema.js';

/** The one file of a multipart upload, its name checked as every text field is. */
export function registerAttachmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/attachments/:id',
    { schema: { tags: ['attachments'], params: IdParams } },
    async (request, reply) => {
      const { file, path } = await attachmentOf(ctx, actorOf(request), request.params.id);
      return sendDownload(reply, { filename: file.filename, mime: file.mime, body: { path } });
    },
  );
}
