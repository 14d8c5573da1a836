import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import { createTarget, targetsOf, updateTarget } from '../../../services/target-service.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentTarget } from './presenter.js';
import { IdParams, PlanParams, TargetBody, TargetPatchBody, TargetSchema } from './schema.js';

export function registerTargetRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/plans/:planId/targets',
    { schema: { tags: ['targets'], params: PlanParams, response: { 200: z.array(TargetSchema) } } },
    async (request) =>
      (await targetsOf(ctx, actorOf(request), request.params.planId)).map((t) =>
        presentTarget(t.target, t.measurements),
      ),
  );

  api.post(
    '/plans/:planId/targets',
    { schema: { tags: ['targets'], params: PlanParams, body: TargetBody, response: { 201: TargetSchema } } },
    async (request, reply) => {
      const target = await createTarget(ctx, actorOf(request), request.params.planId, request.body);
      return reply.status(201).send(presentTarget(target));
    },
  );

  api.patch(
    '/targets/:id',
    {
      schema: {
        tags: ['targets'],
        params: IdParams,
        body: TargetPatchBody,
        response: { 200: TargetSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        (t) => presentTarget(t),
        () => updateTarget(ctx, actor, request.params.id, version, request.body),
      );
    },
  );
}
