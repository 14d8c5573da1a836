import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  createArea,
  createPlan,
  createTarget,
  planOverview,
  planSource,
  plansOf,
  publishPlan,
  recordMeasurement,
  targetsOf,
  updateArea,
  updatePlan,
  updateTarget,
} from '../../services/plan-service.js';
import {
  AreaSchema,
  MeasurementSchema,
  PlanSchema,
  presentArea,
  presentPlan,
  presentRollUp,
  presentTarget,
  RollUpSchema,
  TargetSchema,
} from '../presenters.js';
import { actorOf, etag, optionalVersion, requiredVersion } from '../request-context.js';
import { DateString, IdParams, PlanParams, RegionParams, Text } from './common.js';

const PlanKind = PlanSchema.shape.kind;
const PlanBody = z.strictObject({
  title: Text(200),
  kind: PlanKind,
  year: z.number().int().min(2000).max(2100),
  periodStart: DateString.optional(),
  periodEnd: DateString.optional(),
  cadence: z.enum(['monthly', 'quarterly']).optional(),
});
const TargetBody = z.strictObject({
  indicator: Text(100),
  measure: TargetSchema.shape.measure,
  comparator: TargetSchema.shape.comparator,
  value: z.number(),
  unit: z.string().max(20),
  stretch: z.boolean().optional(),
  period: z.string().max(20).nullable().optional(),
  areaId: z.string().nullable().optional(),
  taskId: z.string().nullable().optional(),
});
const PlanOverviewSchema = z.object({
  plan: PlanSchema,
  rollUp: RollUpSchema,
  areas: z.array(AreaSchema.extend({ rollUp: RollUpSchema })),
});

export function registerPlanRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/plans',
    { schema: { tags: ['plans'], params: RegionParams, response: { 200: z.array(PlanSchema) } } },
    async (request) => (await plansOf(ctx, actorOf(request), request.params.regionId)).map(presentPlan),
  );

  api.post(
    '/regions/:regionId/plans',
    { schema: { tags: ['plans'], params: RegionParams, body: PlanBody, response: { 201: PlanSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentPlan(await createPlan(ctx, actorOf(request), request.params.regionId, request.body))),
  );

  api.get(
    '/plans/:planId',
    { schema: { tags: ['plans'], params: PlanParams, response: { 200: PlanOverviewSchema } } },
    async (request, reply) => {
      const o = await planOverview(ctx, actorOf(request), request.params.planId);
      void reply.header('etag', etag(o.plan.version));
      return {
        plan: presentPlan(o.plan),
        rollUp: presentRollUp(o.rollUp),
        areas: o.areas.map((a) => ({ ...presentArea(a), rollUp: presentRollUp(a.rollUp) })),
      };
    },
  );

  api.get(
    '/plans/:planId/source',
    {
      schema: {
        tags: ['plans'],
        params: PlanParams,
        response: { 200: z.object({ text: z.string().nullable() }) },
      },
    },
    async (request) => ({ text: await planSource(ctx, actorOf(request), request.params.planId) }),
  );

  api.patch(
    '/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        params: PlanParams,
        body: PlanBody.partial(),
        response: { 200: PlanSchema },
      },
    },
    async (request, reply) => {
      const plan = await updatePlan(
        ctx,
        actorOf(request),
        request.params.planId,
        requiredVersion(request),
        request.body,
      );
      void reply.header('etag', etag(plan.version));
      return presentPlan(plan);
    },
  );

  api.post(
    '/plans/:planId/publish',
    { schema: { tags: ['plans'], params: PlanParams, response: { 200: PlanSchema } } },
    async (request) =>
      presentPlan(await publishPlan(ctx, actorOf(request), request.params.planId, optionalVersion(request))),
  );

  api.post(
    '/plans/:planId/areas',
    {
      schema: {
        tags: ['plans'],
        params: PlanParams,
        body: z.strictObject({ title: Text(200), code: z.string().max(20).optional() }),
        response: { 201: AreaSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentArea(await createArea(ctx, actorOf(request), request.params.planId, request.body))),
  );

  api.patch(
    '/areas/:id',
    {
      schema: {
        tags: ['plans'],
        params: IdParams,
        body: z.strictObject({ title: Text(200).optional(), code: z.string().max(20).optional() }),
        response: { 200: AreaSchema },
      },
    },
    async (request) =>
      presentArea(
        await updateArea(ctx, actorOf(request), request.params.id, requiredVersion(request), request.body),
      ),
  );

  api.get(
    '/plans/:planId/targets',
    { schema: { tags: ['targets'], params: PlanParams, response: { 200: z.array(TargetSchema) } } },
    async (request) =>
      (await targetsOf(ctx, actorOf(request), request.params.planId)).map((t) =>
        presentTarget(t.target, t.measurements),
      ),
  );

  api.post(
    '/plans/:planId/targets',
    { schema: { tags: ['targets'], params: PlanParams, body: TargetBody, response: { 201: TargetSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentTarget(await createTarget(ctx, actorOf(request), request.params.planId, request.body))),
  );

  api.patch(
    '/targets/:id',
    {
      schema: {
        tags: ['targets'],
        params: IdParams,
        body: TargetBody.partial(),
        response: { 200: TargetSchema },
      },
    },
    async (request) =>
      presentTarget(
        await updateTarget(ctx, actorOf(request), request.params.id, requiredVersion(request), request.body),
      ),
  );

  api.post(
    '/targets/:id/measurements',
    {
      schema: {
        tags: ['targets'],
        params: IdParams,
        body: z.strictObject({
          period: z.string().max(10),
          value: z.number(),
          note: z.string().max(500).optional(),
        }),
        response: { 200: z.array(MeasurementSchema) },
      },
    },
    async (request) =>
      (await recordMeasurement(ctx, actorOf(request), request.params.id, request.body)).map((m) => ({
        period: m.period,
        value: m.value,
        note: m.note,
      })),
  );
}
