import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { demandDashboard, regionDashboard } from '../../../services/dashboard-service.js';
import { visibilityScope } from '../../../services/policies/scope.js';
import { sendCachedJson } from '../../cached-json.js';
import { actorOf } from '../../request-context.js';
import { presentDashboard } from './presenter.js';
import { DashboardSchema, RegionParams } from './schema.js';

export function registerDashboardRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/dashboard',
    { schema: { tags: ['dashboard'], params: RegionParams, response: { 200: DashboardSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { regionId } = request.params;
      // Checked on every request, before a cached answer or a 304 can be given.
      demandDashboard(actor, regionId);
      // Callers of one visibility scope see the same battle map, so they share one cached answer.
      return sendCachedJson(
        ctx,
        request,
        reply,
        { key: `dashboard|${visibilityScope(actor)}`, regionId },
        async () => presentDashboard(await regionDashboard(ctx, actor, regionId)),
      );
    },
  );
}
