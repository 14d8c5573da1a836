import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readerIn, readerOfScheme } from '../../../services/access.js';
import { z } from 'zod';
import {
  addIndicator,
  createScheme,
  openRound,
  schemeDetail,
  schemesOf,
  updateIndicator,
  updateScheme,
} from '../../../services/assessment-scheme-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentIndicator, presentRoundSummary, presentScheme, presentSchemeDetail } from './presenter.js';
import {
  IdParams,
  IndicatorBody,
  IndicatorPatchBody,
  IndicatorSchema,
  RegionParams,
  RoundBody,
  RoundSummarySchema,
  SchemeBody,
  SchemeDetailSchema,
  SchemePatchBody,
  SchemeSchema,
} from './schema.js';

export function registerAssessmentSchemeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];

  api.get(
    '/regions/:regionId/assessment-schemes',
    { schema: { tags, params: RegionParams, response: { 200: z.array(SchemeSchema) } } },
    async (request) => {
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      return (await schemesOf(ctx, actor, request.params.regionId)).map((s) => presentScheme(s, actor));
    },
  );

  api.post(
    '/regions/:regionId/assessment-schemes',
    { schema: { tags, params: RegionParams, body: SchemeBody, response: { 201: SchemeDetailSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await createScheme(ctx, actor, request.params.regionId, request.body);
      return reply.status(201).send(presentSchemeDetail(detail, actor));
    },
  );

  api.get(
    '/assessment-schemes/:id',
    { schema: { tags, params: IdParams, response: { 200: SchemeDetailSchema } } },
    async (request) => {
      const actor = await readerOfScheme(ctx, actorOf(request), request.params.id);
      return presentSchemeDetail(await schemeDetail(ctx, actor, request.params.id), actor);
    },
  );

  api.patch(
    '/assessment-schemes/:id',
    { schema: { tags, params: IdParams, body: SchemePatchBody, response: { 200: SchemeDetailSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        async () => presentSchemeDetail(await schemeDetail(ctx, actor, request.params.id), actor),
        () => updateScheme(ctx, actor, request.params.id, version, request.body),
      );
    },
  );

  api.post(
    '/assessment-schemes/:id/indicators',
    { schema: { tags, params: IdParams, body: IndicatorBody, response: { 201: IndicatorSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply
        .status(201)
        .send(presentIndicator(await addIndicator(ctx, actor, request.params.id, request.body)));
    },
  );

  api.patch(
    '/assessment-indicators/:id',
    { schema: { tags, params: IdParams, body: IndicatorPatchBody, response: { 200: IndicatorSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(presentIndicator, () =>
        updateIndicator(ctx, actor, request.params.id, version, request.body),
      );
    },
  );

  api.post(
    '/assessment-schemes/:id/rounds',
    { schema: { tags, params: IdParams, body: RoundBody, response: { 201: RoundSummarySchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const round = await openRound(ctx, actor, request.params.id, request.body.period);
      return reply.status(201).send(presentRoundSummary(round));
    },
  );
}
