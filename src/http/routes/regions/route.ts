import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import { createRegion, readRegion, regionsFor } from '../../../services/region-service.js';
import { readerIn } from '../../../services/access.js';
import { regionSettings, updateRegionSettings } from '../../../services/region-settings-service.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentRegion } from './presenter.js';
import {
  RegionBody,
  RegionParams,
  RegionSchema,
  RegionSettingsBody,
  RegionSettingsSchema,
} from './schema.js';

export function registerRegionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions',
    { schema: { tags: ['regions'], response: { 200: z.array(RegionSchema) } } },
    async (request) => (await regionsFor(ctx, actorOf(request))).map(presentRegion),
  );

  api.post(
    '/regions',
    { schema: { tags: ['regions'], body: RegionBody, response: { 201: RegionSchema } } },
    async (request, reply) =>
      reply.status(201).send(presentRegion(await createRegion(ctx, actorOf(request), request.body))),
  );

  api.get(
    '/regions/:regionId',
    { schema: { tags: ['regions'], params: RegionParams, response: { 200: RegionSchema } } },
    async (request) => {
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      return presentRegion(await readRegion(ctx, actor, request.params.regionId));
    },
  );

  api.get(
    '/regions/:regionId/settings',
    { schema: { tags: ['regions'], params: RegionParams, response: { 200: RegionSettingsSchema } } },
    async (request) => regionSettings(ctx, actorOf(request), request.params.regionId),
  );

  api.put(
    '/regions/:regionId/settings',
    {
      schema: {
        tags: ['regions'],
        params: RegionParams,
        body: RegionSettingsBody,
        response: { 200: RegionSettingsSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        (settings) => settings,
        () => updateRegionSettings(ctx, actor, request.params.regionId, version, request.body),
      );
    },
  );
}
