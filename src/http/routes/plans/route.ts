import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  createPlan,
  planOverview,
  planSource,
  plansOf,
  publishPlan,
  updatePlan,
} from '../../../services/plan-service.js';
import { readerIn, readerOfPlan } from '../../../services/access.js';
import { actorOf, etag, optionalVersion, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentPlan, presentPlanOverview } from './presenter.js';
import {
  PlanBody,
  PlanOverviewSchema,
  PlanParams,
  PlanPatchBody,
  PlanSchema,
  PlanSourceSchema,
  RegionParams,
} from './schema.js';

export function registerPlanRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/plans',
    { schema: { tags: ['plans'], params: RegionParams, response: { 200: z.array(PlanSchema) } } },
    async (request) => {
      // A parent region's reader lists a region below as its viewer does.
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      return (await plansOf(ctx, actor, request.params.regionId)).map((p) => presentPlan(p, actor));
    },
  );

  api.post(
    '/regions/:regionId/plans',
    { schema: { tags: ['plans'], params: RegionParams, body: PlanBody, response: { 201: PlanSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const plan = await createPlan(ctx, actor, request.params.regionId, request.body);
      return reply.status(201).send(presentPlan(plan, actor));
    },
  );

  api.get(
    '/plans/:planId',
    { schema: { tags: ['plans'], params: PlanParams, response: { 200: PlanOverviewSchema } } },
    async (request, reply) => {
      const actor = await readerOfPlan(ctx, actorOf(request), request.params.planId);
      const overview = await planOverview(ctx, actor, request.params.planId);
      void reply.header('etag', etag(overview.plan.version));
      return presentPlanOverview(overview, actor);
    },
  );

  api.get(
    '/plans/:planId/source',
    { schema: { tags: ['plans'], params: PlanParams, response: { 200: PlanSourceSchema } } },
    async (request) => ({ text: await planSource(ctx, actorOf(request), request.params.planId) }),
  );

  api.patch(
    '/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        params: PlanParams,
        body: PlanPatchBody,
        response: { 200: PlanSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      const plan = await presentUpdate(
        (p) => presentPlan(p, actor),
        () => updatePlan(ctx, actor, request.params.planId, version, request.body),
      );
      void reply.header('etag', etag(plan.version));
      return plan;
    },
  );

  api.post(
    '/plans/:planId/publish',
    { schema: { tags: ['plans'], params: PlanParams, response: { 200: PlanSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (p) => presentPlan(p, actor),
        () => publishPlan(ctx, actor, request.params.planId, version),
      );
    },
  );
}
