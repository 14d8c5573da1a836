import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readerIn, readerOfBulletin } from '../../../services/access.js';
import { z } from 'zod';
import {
  bulletinDocx,
  bulletinPdf,
  bulletinPreview,
  bulletinsOf,
  bulletinView,
  createBulletin,
  editBulletin,
  publishBulletin,
} from '../../../services/bulletin-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { noticeSheetDocx } from '../../../services/notice-sheet-service.js';
import { sendDownload } from '../../files.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentBulletin, presentBulletinSummary } from './presenter.js';
import {
  BulletinBody,
  BulletinFileQuery,
  BulletinPatchBody,
  BulletinQuery,
  BulletinSchema,
  BulletinSummarySchema,
  IdParams,
  NoticeSheetQuery,
  PreviewSchema,
  RegionParams,
} from './schema.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendFile(reply: FastifyReply, bytes: Buffer, mime: string, filename: string, inline: boolean) {
  return sendDownload(reply, { filename, mime, body: bytes, inline });
}

export function registerBulletinRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        params: RegionParams,
        querystring: BulletinQuery,
        response: { 200: z.array(BulletinSummarySchema) },
      },
    },
    async (request) => {
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      const rows = await bulletinsOf(ctx, actor, request.params.regionId, request.query.q);
      return rows.map((b) => presentBulletinSummary(b, actor));
    },
  );

  api.post(
    '/regions/:regionId/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        params: RegionParams,
        body: BulletinBody,
        response: { 201: BulletinSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await createBulletin(ctx, actor, request.params.regionId, request.body);
      return reply.status(201).send(presentBulletin(view, actor));
    },
  );

  api.get(
    '/bulletins/:id',
    { schema: { tags: ['bulletins'], params: IdParams, response: { 200: BulletinSchema } } },
    async (request) => {
      const actor = await readerOfBulletin(ctx, actorOf(request), request.params.id);
      return presentBulletin(await bulletinView(ctx, actor, request.params.id), actor);
    },
  );

  api.patch(
    '/bulletins/:id',
    {
      schema: {
        tags: ['bulletins'],
        params: IdParams,
        body: BulletinPatchBody,
        response: { 200: BulletinSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        async (row) => presentBulletin(await bulletinView(ctx, actor, row.id), actor),
        async () => (await editBulletin(ctx, actor, request.params.id, version, request.body.sections)).row,
      );
    },
  );

  api.post(
    '/bulletins/:id/publish',
    { schema: { tags: ['bulletins'], params: IdParams, response: { 200: BulletinSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        async (row) => presentBulletin(await bulletinView(ctx, actor, row.id), actor),
        async () => (await publishBulletin(ctx, actor, request.params.id, version)).row,
      );
    },
  );

  api.get(
    '/bulletins/:id/docx',
    { schema: { tags: ['bulletins'], params: IdParams } },
    async (request, reply) => {
      const { docx, fileName } = await bulletinDocx(
        ctx,
        await readerOfBulletin(ctx, actorOf(request), request.params.id),
        request.params.id,
      );
      return sendFile(reply, docx, DOCX, `${fileName}.docx`, false);
    },
  );

  api.get(
    '/bulletins/:id/pdf',
    { schema: { tags: ['bulletins'], params: IdParams, querystring: BulletinFileQuery } },
    async (request, reply) => {
      const { pdf, fileName } = await bulletinPdf(
        ctx,
        await readerOfBulletin(ctx, actorOf(request), request.params.id),
        request.params.id,
      );
      return sendFile(reply, pdf, 'application/pdf', `${fileName}.pdf`, request.query.download !== 'true');
    },
  );

  api.get(
    '/bulletins/:id/preview',
    { schema: { tags: ['bulletins'], params: IdParams, response: { 200: PreviewSchema } } },
    async (request) => {
      const pages = await bulletinPreview(
        ctx,
        await readerOfBulletin(ctx, actorOf(request), request.params.id),
        request.params.id,
      );
      return { pages: pages.map((p) => `data:image/png;base64,${p.toString('base64')}`) };
    },
  );

  api.get(
    '/notices/:id/sheet',
    { schema: { tags: ['bulletins'], params: IdParams, querystring: NoticeSheetQuery } },
    async (request, reply) => {
      const { docx, fileName } = await noticeSheetDocx(
        ctx,
        actorOf(request),
        request.params.id,
        request.query.kind,
      );
      return sendFile(reply, docx, DOCX, `${fileName}.docx`, false);
    },
  );
}
