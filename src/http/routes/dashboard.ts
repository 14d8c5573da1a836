import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { regionDashboard } from '../../services/dashboard-service.js';
import { presentRollUp, RollUpSchema, TaskStatusSchema, UnitKindSchema } from '../presenters.js';
import { actorOf } from '../request-context.js';
import { sendCachedJson } from '../cached-json.js';
import { visibilityScope } from '../../services/actor.js';
import { RegionParams } from './common.js';

const DashboardSchema = z.object({
  asOf: z.string(),
  total: RollUpSchema,
  timeElapsed: z.number(),
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      year: z.number().int(),
      rollUp: RollUpSchema,
      timeElapsed: z.number(),
    }),
  ),
  areas: z.array(
    z.object({
      id: z.string(),
      planId: z.string(),
      code: z.string(),
      title: z.string(),
      rollUp: RollUpSchema,
      timeElapsed: z.number(),
    }),
  ),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: UnitKindSchema,
      red: z.number().int(),
      yellow: z.number().int(),
      rollUp: RollUpSchema,
    }),
  ),
  redList: z.array(
    z.object({
      taskId: z.string(),
      planId: z.string(),
      code: z.string(),
      title: z.string(),
      leadUnitId: z.string().nullable(),
      leadUnitName: z.string().nullable(),
      dueDate: z.string().nullable(),
      daysOverdue: z.number().int(),
      progress: z.number(),
    }),
  ),
  trend: z.array(z.object({ month: z.string(), counts: z.record(TaskStatusSchema, z.number().int()) })),
});

export function registerDashboardRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/regions/:regionId/dashboard',
    { schema: { tags: ['dashboard'], params: RegionParams, response: { 200: DashboardSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      return sendCachedJson(
        ctx,
        request,
        reply,
        `dashboard|${request.params.regionId}|${visibilityScope(actor)}`,
        () => present(regionDashboard(ctx, actor, request.params.regionId)),
      );
    },
  );
}

async function present(
  pending: ReturnType<typeof regionDashboard>,
): Promise<z.infer<typeof DashboardSchema>> {
  const d = await pending;
  return {
    ...d,
    total: presentRollUp(d.total),
    plans: d.plans.map((p) => ({ ...p, rollUp: presentRollUp(p.rollUp) })),
    areas: d.areas.map((a) => ({ ...a, rollUp: presentRollUp(a.rollUp) })),
    units: d.units.map((u) => ({ ...u, rollUp: presentRollUp(u.rollUp) })),
  };
}
