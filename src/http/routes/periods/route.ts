import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readerOfTask } from '../../../services/access.js';
import type { ServiceContext } from '../../../services/context.js';
import {
  decideRegionPeriod,
  decideTaskPeriod,
  owedReports,
  periodsOfTask,
} from '../../../services/period-service.js';
import { actorOf } from '../../request-context.js';
import { presentDecision, presentOwedReport, presentTaskPeriod } from './presenter.js';
import {
  DECISIONS,
  DecisionBody,
  OwedReportSchema,
  PeriodDecisionSchema,
  RegionParams,
  RegionPeriodParams,
  TaskParams,
  TaskPeriodParams,
  TaskPeriodSchema,
} from './schema.js';

export function registerPeriodRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/tasks/:taskId/periods',
    { schema: { tags: ['periods'], params: TaskParams, response: { 200: z.array(TaskPeriodSchema) } } },
    async (request) => {
      const actor = await readerOfTask(ctx, actorOf(request), request.params.taskId);
      const { regionId, periods } = await periodsOfTask(ctx, actor, request.params.taskId);
      return periods.map((p) => presentTaskPeriod(p, regionId, actor));
    },
  );

  api.post(
    '/tasks/:taskId/periods/:period/:action',
    {
      schema: {
        tags: ['periods'],
        params: TaskPeriodParams,
        body: DecisionBody,
        response: { 200: TaskPeriodSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { taskId, period, action } = request.params;
      const decided = await decideTaskPeriod(ctx, actor, taskId, period, {
        state: DECISIONS[action],
        reason: request.body?.reason,
      });
      return presentTaskPeriod(decided.period, decided.regionId, actor);
    },
  );

  api.post(
    '/regions/:regionId/periods/:period/:action',
    {
      schema: {
        tags: ['periods'],
        params: RegionPeriodParams,
        body: DecisionBody,
        response: { 200: PeriodDecisionSchema },
      },
    },
    async (request) => {
      const { regionId, period, action } = request.params;
      const decision = await decideRegionPeriod(ctx, actorOf(request), regionId, period, {
        state: DECISIONS[action],
        reason: request.body?.reason,
      });
      return presentDecision(decision);
    },
  );

  api.get(
    '/regions/:regionId/owed-reports',
    { schema: { tags: ['periods'], params: RegionParams, response: { 200: z.array(OwedReportSchema) } } },
    async (request) => {
      const owed = await owedReports(ctx, actorOf(request), request.params.regionId);
      return owed.map(presentOwedReport);
    },
  );
}
