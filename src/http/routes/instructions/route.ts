import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readerIn } from '../../../services/access.js';
import { today, type ServiceContext } from '../../../services/context.js';
import { addInstruction, instructionsOf, replyToInstruction } from '../../../services/instruction-service.js';
import { actorOf, optionalVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentInstruction } from './presenter.js';
import {
  IdParams,
  InstructionBody,
  InstructionQuery,
  InstructionReplyBody,
  InstructionSchema,
  RegionParams,
  TaskParams,
} from './schema.js';

export function registerInstructionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/tasks/:taskId/instructions',
    {
      schema: {
        tags: ['instructions'],
        params: TaskParams,
        body: InstructionBody,
        response: { 201: InstructionSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const instruction = await addInstruction(ctx, actor, request.params.taskId, request.body);
      return reply.status(201).send(presentInstruction(instruction, actor, today(ctx)));
    },
  );

  api.get(
    '/regions/:regionId/instructions',
    {
      schema: {
        tags: ['instructions'],
        params: RegionParams,
        querystring: InstructionQuery,
        response: { 200: z.array(InstructionSchema) },
      },
    },
    async (request) => {
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      const rows = await instructionsOf(ctx, actor, request.params.regionId, request.query);
      const asOf = today(ctx);
      return rows.map((i) => presentInstruction(i, actor, asOf));
    },
  );

  api.post(
    '/instructions/:id/reply',
    {
      schema: {
        tags: ['instructions'],
        params: IdParams,
        body: InstructionReplyBody,
        response: { 200: InstructionSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (i) => presentInstruction(i, actor, today(ctx)),
        () => replyToInstruction(ctx, actor, request.params.id, version, request.body.reply),
      );
    },
  );
}
