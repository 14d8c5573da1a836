import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { addMilestone, updateMilestone } from '../../../services/milestone-service.js';
import { actorOf, etag, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentMilestone } from './presenter.js';
import { IdParams, MilestoneBody, MilestonePatch, MilestoneSchema, TaskParams } from './schema.js';

export function registerMilestoneRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/tasks/:taskId/milestones',
    {
      schema: {
        tags: ['tasks'],
        params: TaskParams,
        body: MilestoneBody,
        response: { 201: MilestoneSchema },
      },
    },
    async (request, reply) => {
      const milestone = await addMilestone(ctx, actorOf(request), request.params.taskId, request.body);
      return reply.status(201).send(presentMilestone(milestone));
    },
  );

  api.patch(
    '/milestones/:id',
    {
      schema: {
        tags: ['tasks'],
        params: IdParams,
        body: MilestonePatch,
        response: { 200: MilestoneSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      const milestone = await presentUpdate(presentMilestone, () =>
        updateMilestone(ctx, actor, request.params.id, version, request.body),
      );
      void reply.header('etag', etag(milestone.version));
      return milestone;
    },
  );
}
