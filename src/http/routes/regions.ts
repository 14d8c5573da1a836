import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  accountsOf,
  createAccount,
  createRegion,
  createUnit,
  regionFor,
  regionsFor,
  unitsOf,
  updateAccount,
  updateUnit,
} from '../../services/region-service.js';
import {
  AccountSchema,
  presentAccount,
  presentRegion,
  presentUnit,
  RegionSchema,
  RoleSchema,
  UnitKindSchema,
  UnitSchema,
} from '../presenters.js';
import { actorOf, etag, requiredVersion } from '../request-context.js';
import { IdParams, RegionParams, Text } from './common.js';

const Password = z.string().min(8, '密码至少8位').max(200);

export function registerRegionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions',
    { schema: { tags: ['regions'], response: { 200: z.array(RegionSchema) } } },
    async (request) => (await regionsFor(ctx, actorOf(request))).map(presentRegion),
  );

  api.post(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        body: z.strictObject({ name: Text(50), kind: Text(20), parentCity: Text(50).optional() }),
        response: { 201: RegionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentRegion(await createRegion(ctx, actorOf(request), request.body))),
  );

  api.get(
    '/regions/:regionId',
    { schema: { tags: ['regions'], params: RegionParams, response: { 200: RegionSchema } } },
    async (request) => presentRegion(await regionFor(ctx, actorOf(request), request.params.regionId)),
  );

  api.get(
    '/regions/:regionId/units',
    { schema: { tags: ['units'], params: RegionParams, response: { 200: z.array(UnitSchema) } } },
    async (request) => (await unitsOf(ctx, actorOf(request), request.params.regionId)).map(presentUnit),
  );

  api.post(
    '/regions/:regionId/units',
    {
      schema: {
        tags: ['units'],
        params: RegionParams,
        body: z.strictObject({ name: Text(60), kind: UnitKindSchema }),
        response: { 201: UnitSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentUnit(await createUnit(ctx, actorOf(request), request.params.regionId, request.body))),
  );

  api.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        params: IdParams,
        body: z.strictObject({
          name: Text(60).optional(),
          kind: UnitKindSchema.optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: UnitSchema },
      },
    },
    async (request, reply) => {
      const unit = await updateUnit(
        ctx,
        actorOf(request),
        request.params.id,
        requiredVersion(request),
        request.body,
      );
      void reply.header('etag', etag(unit.version));
      return presentUnit(unit);
    },
  );

  api.get(
    '/regions/:regionId/accounts',
    { schema: { tags: ['accounts'], params: RegionParams, response: { 200: z.array(AccountSchema) } } },
    async (request) => (await accountsOf(ctx, actorOf(request), request.params.regionId)).map(presentAccount),
  );

  api.post(
    '/regions/:regionId/accounts',
    {
      schema: {
        tags: ['accounts'],
        params: RegionParams,
        body: z.strictObject({
          username: z.string().regex(/^[a-zA-Z0-9_.-]{3,40}$/, '用户名为3-40位字母、数字或 _.-'),
          displayName: Text(40),
          password: Password,
          role: RoleSchema,
          unitId: z.string().nullable().optional(),
        }),
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentAccount(await createAccount(ctx, actorOf(request), request.params.regionId, request.body)),
        ),
  );

  api.patch(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: z.strictObject({
          displayName: Text(40).optional(),
          role: RoleSchema.optional(),
          unitId: z.string().nullable().optional(),
          active: z.boolean().optional(),
          password: Password.optional(),
        }),
        response: { 200: AccountSchema },
      },
    },
    async (request, reply) => {
      const account = await updateAccount(
        ctx,
        actorOf(request),
        request.params.id,
        requiredVersion(request),
        request.body,
      );
      void reply.header('etag', etag(account.version));
      return presentAccount(account);
    },
  );
}
