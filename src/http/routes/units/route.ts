import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import { createUnit, unitsOf, updateUnit } from '../../../services/unit-service.js';
import { actorOf, etag, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentUnit } from './presenter.js';
import { IdParams, RegionParams, UnitBody, UnitPatchBody, UnitSchema } from './schema.js';

export function registerUnitRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/units',
    { schema: { tags: ['units'], params: RegionParams, response: { 200: z.array(UnitSchema) } } },
    async (request) => (await unitsOf(ctx, actorOf(request), request.params.regionId)).map(presentUnit),
  );

  api.post(
    '/regions/:regionId/units',
    { schema: { tags: ['units'], params: RegionParams, body: UnitBody, response: { 201: UnitSchema } } },
    async (request, reply) => {
      const unit = await createUnit(ctx, actorOf(request), request.params.regionId, request.body);
      return reply.status(201).send(presentUnit(unit));
    },
  );

  api.patch(
    '/units/:id',
    { schema: { tags: ['units'], params: IdParams, body: UnitPatchBody, response: { 200: UnitSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      const unit = await presentUpdate(presentUnit, () =>
        updateUnit(ctx, actor, request.params.id, version, request.body),
      );
      void reply.header('etag', etag(unit.version));
      return unit;
    },
  );
}
