import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { fail } from '../../../services/errors.js';
import { addEvidence, evidenceFor } from '../../../services/evidence-service.js';
import { actorOf } from '../../request-context.js';
import { FileName, parseField } from '../../schemas.js';
import { presentFile } from './presenter.js';
import { FileSchema, IdParams } from './schema.js';

export function registerEvidenceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/reports/:id/files',
    {
      schema: {
        tags: ['reports'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: FileSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw fail('upload.multipart_required');
      const part = await request.file();
      if (!part) throw fail('upload.no_file', {}, { field: 'file' });
      const filename = parseField(FileName, part.filename, 'file.filename');
      const bytes = await part.toBuffer();
      const file = await addEvidence(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentFile(file));
    },
  );

  api.get('/files/:id', { schema: { tags: ['reports'], params: IdParams } }, async (request, reply) => {
    const { file, path } = await evidenceFor(ctx, actorOf(request), request.params.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  });
}
