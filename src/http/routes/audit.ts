import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from '../../db/repositories/audit-repository.js';
import { assertRole } from '../../services/actor.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf } from '../request-context.js';

export function registerAuditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        response: {
          200: z.object({
            ok: z.boolean(),
            events: z.number().int(),
            brokenAt: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
          }),
        },
      },
    },
    async (request) => {
      // The chain spans every region, so only the operator and oversight walk it.
      assertRole(actorOf(request), ['viewer']);
      return verifyAuditChain(ctx.storage.db);
    },
  );
}
