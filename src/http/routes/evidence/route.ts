import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { addEvidence, evidenceFor } from '../../../services/evidence-service.js';
import { readUpload, sendDownload } from '../../files.js';
import { actorOf } from '../../request-context.js';
import { presentAttachment } from '../attachments/presenter.js';
import { AttachmentSchema } from '../attachments/schema.js';
import { IdParams } from './schema.js';

export function registerEvidenceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/reports/:id/files',
    {
      schema: {
        tags: ['reports'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const file = await addEvidence(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentAttachment(file));
    },
  );

  api.get('/files/:id', { schema: { tags: ['reports'], params: IdParams } }, async (request, reply) => {
    const { file, path } = await evidenceFor(ctx, actorOf(request), request.params.id);
    return sendDownload(reply, { filename: file.filename, mime: file.mime, body: { path } });
  });
}
