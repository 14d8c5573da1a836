import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountabilityOf,
  accountabilityRecord,
  recordAccountability,
  reviseAccountability,
} from '../../../services/accountability-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentAccountability } from './presenter.js';
import {
  AccountabilityBody,
  AccountabilityPatchBody,
  AccountabilityQuery,
  AccountabilitySchema,
  IdParams,
  RegionParams,
} from './schema.js';

export function registerAccountabilityRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/accountability',
    {
      schema: {
        tags: ['accountability'],
        params: RegionParams,
        querystring: AccountabilityQuery,
        response: { 200: z.array(AccountabilitySchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await accountabilityOf(ctx, actor, request.params.regionId, request.query);
      return rows.map((r) => presentAccountability(r, actor));
    },
  );

  api.post(
    '/regions/:regionId/accountability',
    {
      schema: {
        tags: ['accountability'],
        params: RegionParams,
        body: AccountabilityBody,
        response: { 201: AccountabilitySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const record = await recordAccountability(ctx, actor, request.params.regionId, request.body);
      return reply.status(201).send(presentAccountability(record, actor));
    },
  );

  api.get(
    '/accountability/:id',
    { schema: { tags: ['accountability'], params: IdParams, response: { 200: AccountabilitySchema } } },
    async (request) => {
      const actor = actorOf(request);
      return presentAccountability(await accountabilityRecord(ctx, actor, request.params.id), actor);
    },
  );

  api.patch(
    '/accountability/:id',
    {
      schema: {
        tags: ['accountability'],
        params: IdParams,
        body: AccountabilityPatchBody,
        response: { 200: AccountabilitySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        (r) => presentAccountability(r, actor),
        () => reviseAccountability(ctx, actor, request.params.id, version, request.body),
      );
    },
  );
}
