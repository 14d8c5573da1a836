import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readerIn } from '../../../services/access.js';
import { today, type ServiceContext } from '../../../services/context.js';
import { closeNotice, issueNotice, noticesOf, respondToNotice } from '../../../services/notice-service.js';
import { actorOf, optionalVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentNotice } from './presenter.js';
import {
  IdParams,
  NoticeBody,
  NoticeQuery,
  NoticeResponseBody,
  NoticeSchema,
  RegionParams,
  TaskParams,
} from './schema.js';

export function registerNoticeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/notices',
    {
      schema: {
        tags: ['notices'],
        params: RegionParams,
        querystring: NoticeQuery,
        response: { 200: z.array(NoticeSchema) },
      },
    },
    async (request) => {
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      const notices = await noticesOf(ctx, actor, request.params.regionId, request.query);
      const asOf = today(ctx);
      return notices.map((n) => presentNotice(n, actor, asOf));
    },
  );

  api.post(
    '/tasks/:taskId/notices',
    { schema: { tags: ['notices'], params: TaskParams, body: NoticeBody, response: { 201: NoticeSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const notice = await issueNotice(ctx, actor, request.params.taskId, request.body);
      return reply.status(201).send(presentNotice(notice, actor, today(ctx)));
    },
  );

  api.post(
    '/notices/:id/respond',
    {
      schema: {
        tags: ['notices'],
        params: IdParams,
        body: NoticeResponseBody,
        response: { 200: NoticeSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (n) => presentNotice(n, actor, today(ctx)),
        () => respondToNotice(ctx, actor, request.params.id, version, request.body.response),
      );
    },
  );

  api.post(
    '/notices/:id/close',
    { schema: { tags: ['notices'], params: IdParams, response: { 200: NoticeSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (n) => presentNotice(n, actor, today(ctx)),
        () => closeNotice(ctx, actor, request.params.id, version),
      );
    },
  );
}
