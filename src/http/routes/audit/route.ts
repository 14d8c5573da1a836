import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyAudit } from '../../../services/audit-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf } from '../../request-context.js';
import { presentVerification } from './presenter.js';
import { AuditVerificationSchema } from './schema.js';

export function registerAuditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/audit/verify',
    { schema: { tags: ['audit'], response: { 200: AuditVerificationSchema } } },
    async (request) => presentVerification(await verifyAudit(ctx, actorOf(request))),
  );
}
