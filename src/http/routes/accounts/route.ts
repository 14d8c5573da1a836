import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountsOf, createAccount, updateAccount } from '../../../services/account-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf, etag, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentAccount } from './presenter.js';
import { AccountBody, AccountPatchBody, AccountSchema, IdParams, RegionParams } from './schema.js';

export function registerAccountRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

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
        body: AccountBody,
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) => {
      const account = await createAccount(ctx, actorOf(request), request.params.regionId, request.body);
      return reply.status(201).send(presentAccount(account));
    },
  );

  api.patch(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: AccountPatchBody,
        response: { 200: AccountSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      const account = await presentUpdate(presentAccount, () =>
        updateAccount(ctx, actor, request.params.id, version, request.body),
      );
      void reply.header('etag', etag(account.version));
      return account;
    },
  );
}
