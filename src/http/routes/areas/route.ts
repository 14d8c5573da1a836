import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createArea, updateArea } from '../../../services/area-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentArea } from './presenter.js';
import { AreaBody, AreaPatchBody, AreaSchema, IdParams, PlanParams } from './schema.js';

export function registerAreaRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/plans/:planId/areas',
    { schema: { tags: ['plans'], params: PlanParams, body: AreaBody, response: { 201: AreaSchema } } },
    async (request, reply) => {
      const area = await createArea(ctx, actorOf(request), request.params.planId, request.body);
      return reply.status(201).send(presentArea(area));
    },
  );

  api.patch(
    '/areas/:id',
    { schema: { tags: ['plans'], params: IdParams, body: AreaPatchBody, response: { 200: AreaSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(presentArea, () =>
        updateArea(ctx, actor, request.params.id, version, request.body),
      );
    },
  );
}
