import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readerOfReport, readerOfTask } from '../../../services/access.js';
import type { ServiceContext } from '../../../services/context.js';
import {
  createReport,
  reportQueue,
  reportsOfTask,
  reportWithFiles,
  transitionReport,
  updateReport,
} from '../../../services/report-service.js';
import { actorOf, etag, optionalVersion, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentReport } from './presenter.js';
import {
  IdempotencyHeaders,
  IdParams,
  RegionParams,
  ReportBody,
  ReportPatch,
  ReportSchema,
  TaskParams,
  TRANSITION_ACTIONS,
  TransitionBody,
  TransitionParams,
} from './schema.js';

export function registerReportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/tasks/:taskId/reports',
    {
      schema: {
        tags: ['reports'],
        params: TaskParams,
        body: ReportBody,
        headers: IdempotencyHeaders,
        response: { 201: ReportSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const key = request.headers['idempotency-key'];
      const { report, replayed } = await createReport(
        ctx,
        actor,
        request.params.taskId,
        request.body,
        typeof key === 'string' ? key : undefined,
      );
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).header('etag', etag(report.version)).send(presentReport(report, actor));
    },
  );

  api.get(
    '/tasks/:taskId/reports',
    { schema: { tags: ['reports'], params: TaskParams, response: { 200: z.array(ReportSchema) } } },
    async (request) => {
      const actor = await readerOfTask(ctx, actorOf(request), request.params.taskId);
      const { reports, files } = await reportsOfTask(ctx, actor, request.params.taskId);
      return reports.map((r) => presentReport(r, actor, files));
    },
  );

  api.get(
    '/reports/:id',
    { schema: { tags: ['reports'], params: IdParams, response: { 200: ReportSchema } } },
    async (request, reply) => {
      const actor = await readerOfReport(ctx, actorOf(request), request.params.id);
      const { report, files } = await reportWithFiles(ctx, actor, request.params.id);
      void reply.header('etag', etag(report.version));
      return presentReport(report, actor, files);
    },
  );

  api.patch(
    '/reports/:id',
    { schema: { tags: ['reports'], params: IdParams, body: ReportPatch, response: { 200: ReportSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      const report = await presentUpdate(
        (r) => presentReport(r, actor),
        () => updateReport(ctx, actor, request.params.id, version, request.body),
      );
      void reply.header('etag', etag(report.version));
      return report;
    },
  );

  api.post(
    '/reports/:id/:action',
    {
      schema: {
        tags: ['reports'],
        params: TransitionParams,
        body: TransitionBody,
        response: { 200: ReportSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const expectedVersion = optionalVersion(request);
      const report = await presentUpdate(
        (r) => presentReport(r, actor),
        () =>
          transitionReport(ctx, actor, request.params.id, TRANSITION_ACTIONS[request.params.action], {
            reason: request.body?.reason,
            rating: request.body?.rating,
            expectedVersion,
          }),
      );
      void reply.header('etag', etag(report.version));
      return report;
    },
  );

  api.get(
    '/regions/:regionId/report-queue',
    { schema: { tags: ['reports'], params: RegionParams, response: { 200: z.array(ReportSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      const { reports, files } = await reportQueue(ctx, actor, request.params.regionId);
      return reports.map((r) => presentReport(r, actor, files));
    },
  );
}
