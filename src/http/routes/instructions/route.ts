import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { addInstruction } from '../../../services/instruction-service.js';
import { actorOf } from '../../request-context.js';
import { presentInstruction } from './presenter.js';
import { InstructionBody, InstructionSchema, TaskParams } from './schema.js';

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
      const instruction = await addInstruction(
        ctx,
        actorOf(request),
        request.params.taskId,
        request.body.body,
      );
      return reply.status(201).send(presentInstruction(instruction));
    },
  );
}
