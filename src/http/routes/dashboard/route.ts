import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  type Dashboard,
  demandDashboard,
  regionDashboard,
  regionRollUp,
  rollUpRegions,
} from '../../../services/dashboard-service.js';
import { visibilityScope } from '../../../services/policies/scope.js';
import { readerIn } from '../../../services/access.js';
import { JsonBytes, sendCachedJson } from '../../cached-json.js';
import { actorOf } from '../../request-context.js';
import { presentDashboard, presentRegionRollUp } from './presenter.js';
import { DashboardSchema, RegionParams, RegionRollUpSchema } from './schema.js';

/**
 * A battle map's bytes, made once per battle map: a write that leaves the region's battle map as it was (a
 * draft, a report still with its unit's head) moves the data version, and the same map is sent again.
 */
const bytesOf = new WeakMap<Dashboard, JsonBytes>();

function dashboardBytes(dashboard: Dashboard): JsonBytes {
  let bytes = bytesOf.get(dashboard);
  if (!bytes) {
    bytes = new JsonBytes(Buffer.from(JSON.stringify(presentDashboard(dashboard)), 'utf8'));
    bytesOf.set(dashboard, bytes);
  }
  return bytes;
}

export function registerDashboardRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/dashboard',
    { schema: { tags: ['dashboard'], params: RegionParams, response: { 200: DashboardSchema } } },
    async (request, reply) => {
      const { regionId } = request.params;
      // A parent region's reader reads a battle map below as that region's viewer does.
      const actor = await readerIn(ctx, actorOf(request), regionId);
      // Checked on every request, before a cached answer or a 304 can be given.
      demandDashboard(actor, regionId);
      // Callers of one visibility scope see the same battle map, so they share one cached answer.
      return sendCachedJson(
        ctx,
        request,
        reply,
        { key: `dashboard|${visibilityScope(actor)}`, regionId },
        async (version) => dashboardBytes(await regionDashboard(ctx, actor, regionId, version)),
      );
    },
  );

  // The regions directly below, each rolled up over its own regions below: for a city's or a province's office.
  api.get(
    '/regions/:regionId/rollup',
    { schema: { tags: ['dashboard'], params: RegionParams, response: { 200: RegionRollUpSchema } } },
    async (request, reply) => {
      const { regionId } = request.params;
      // Checked on every request, before a cached answer or a 304; the roll-up is the same for every reader.
      const regionIds = await rollUpRegions(ctx, actorOf(request), regionId);
      return sendCachedJson(ctx, request, reply, { key: 'rollup', regionId, regionIds }, async () =>
        presentRegionRollUp(await regionRollUp(ctx, actorOf(request), regionId)),
      );
    },
  );
}
