import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readerOfPlan } from '../../../services/access.js';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  confirmIndicatorValue,
  indicatorsOf,
  reportIndicatorValue,
} from '../../../services/indicator-service.js';
import { regionProgressSummary } from '../../../services/progress-summary-service.js';
import { actorOf } from '../../request-context.js';
import { presentMeasurement } from '../measurements/presenter.js';
import { MeasurementSchema } from '../measurements/schema.js';
import { presentIndicator, presentSummary } from './presenter.js';
import {
  AsOfQuery,
  ConfirmBody,
  IdParams,
  IndicatorPageSchema,
  MonthQuery,
  PlanParams,
  ProgressSummarySchema,
  RegionParams,
  ValueBody,
} from './schema.js';

export function registerIndicatorRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/plans/:planId/indicators',
    {
      schema: {
        tags: ['indicators'],
        params: PlanParams,
        querystring: AsOfQuery,
        response: { 200: IndicatorPageSchema },
      },
    },
    async (request) => {
      const actor = await readerOfPlan(ctx, actorOf(request), request.params.planId);
      const page = await indicatorsOf(ctx, actor, request.params.planId, request.query.asOf);
      return { asOf: page.asOf, indicators: page.indicators.map(presentIndicator) };
    },
  );

  api.post(
    '/targets/:id/values',
    {
      schema: {
        tags: ['indicators'],
        params: IdParams,
        body: ValueBody,
        response: { 200: z.array(MeasurementSchema) },
      },
    },
    async (request) =>
      (await reportIndicatorValue(ctx, actorOf(request), request.params.id, request.body)).map(
        presentMeasurement,
      ),
  );

  api.post(
    '/targets/:id/values/confirm',
    {
      schema: {
        tags: ['indicators'],
        params: IdParams,
        body: ConfirmBody,
        response: { 200: z.array(MeasurementSchema) },
      },
    },
    async (request) =>
      (await confirmIndicatorValue(ctx, actorOf(request), request.params.id, request.body)).map(
        presentMeasurement,
      ),
  );

  api.get(
    '/regions/:regionId/progress-summary',
    {
      schema: {
        tags: ['indicators'],
        params: RegionParams,
        querystring: MonthQuery,
        response: { 200: ProgressSummarySchema },
      },
    },
    async (request) =>
      presentSummary(
        await regionProgressSummary(ctx, actorOf(request), request.params.regionId, request.query.month),
      ),
  );
}
