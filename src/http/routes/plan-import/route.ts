import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { UPLOAD_LIMIT_BYTES } from '../../../domain/limits.js';
import type { ServiceContext } from '../../../services/context.js';
import { fail } from '../../../services/errors.js';
import {
  importProgramme,
  importReview,
  type ProgrammeInput,
} from '../../../services/plan-import/import-service.js';
import { actorOf } from '../../request-context.js';
import { FileName, parseField } from '../../schemas.js';
import { presentImport } from './presenter.js';
import { ImportBody, ImportResponse, ImportReviewResponse, PlanParams, RegionParams } from './schema.js';

export function registerPlanImportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/regions/:regionId/plans/import',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['plans'],
        summary: '导入计划文件，生成草稿台账 / import a programme document as a draft plan',
        description: 'multipart/form-data with a `file` (.docx, .txt, .html), or JSON { text, filename? }',
        params: RegionParams,
        consumes: ['application/json', 'multipart/form-data'],
        body: ImportBody,
        response: { 201: ImportResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      let input: ProgrammeInput;
      if (request.isMultipart()) {
        const part = await request.file();
        if (!part) throw fail('upload.no_file', {}, { field: 'file' });
        const filename = parseField(FileName, part.filename, 'file.filename');
        input = { kind: 'file', bytes: await part.toBuffer(), filename };
      } else {
        if (!request.body) throw fail('import.text_or_file_required', {}, { field: 'text' });
        input = { kind: 'text', text: request.body.text, filename: request.body.filename ?? null };
      }
      const result = await importProgramme(ctx, actor, request.params.regionId, input);
      return reply.status(201).send(presentImport(result, actor));
    },
  );

  api.get(
    '/plans/:planId/import-review',
    {
      schema: {
        tags: ['plans'],
        summary:
          '导入核对建议 / lead units suggested and time limits not read, for the review of an imported plan',
        params: PlanParams,
        response: { 200: ImportReviewResponse },
      },
    },
    async (request) => importReview(ctx, actorOf(request), request.params.planId),
  );
}
