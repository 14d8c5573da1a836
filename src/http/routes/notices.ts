import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  addInstruction,
  closeNotice,
  issueNotice,
  noticesOf,
  respondToNotice,
} from '../../services/notice-service.js';
import { InstructionSchema, NoticeSchema, presentInstruction, presentNotice } from '../presenters.js';
import { actorOf, optionalVersion } from '../request-context.js';
import { DateString, IdParams, RegionParams, TaskParams, Text } from './common.js';

export function registerNoticeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/notices',
    {
      schema: {
        tags: ['notices'],
        params: RegionParams,
        querystring: z.strictObject({
          status: NoticeSchema.shape.status.optional(),
          taskId: z.string().optional(),
        }),
        response: { 200: z.array(NoticeSchema) },
      },
    },
    async (request) =>
      (await noticesOf(ctx, actorOf(request), request.params.regionId, request.query)).map(presentNotice),
  );

  api.post(
    '/tasks/:taskId/notices',
    {
      schema: {
        tags: ['notices'],
        params: TaskParams,
        body: z.strictObject({
          kind: NoticeSchema.shape.kind,
          body: Text(2000),
          responseDue: DateString.optional(),
        }),
        response: { 201: NoticeSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentNotice(await issueNotice(ctx, actorOf(request), request.params.taskId, request.body))),
  );

  api.post(
    '/notices/:id/respond',
    {
      schema: {
        tags: ['notices'],
        params: IdParams,
        body: z.strictObject({ response: Text(5000) }),
        response: { 200: NoticeSchema },
      },
    },
    async (request) =>
      presentNotice(
        await respondToNotice(
          ctx,
          actorOf(request),
          request.params.id,
          optionalVersion(request),
          request.body.response,
        ),
      ),
  );

  api.post(
    '/notices/:id/close',
    { schema: { tags: ['notices'], params: IdParams, response: { 200: NoticeSchema } } },
    async (request) =>
      presentNotice(await closeNotice(ctx, actorOf(request), request.params.id, optionalVersion(request))),
  );

  api.post(
    '/tasks/:taskId/instructions',
    {
      schema: {
        tags: ['instructions'],
        params: TaskParams,
        body: z.strictObject({ body: Text(2000) }),
        response: { 201: InstructionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentInstruction(
            await addInstruction(ctx, actorOf(request), request.params.taskId, request.body.body),
          ),
        ),
  );
}
