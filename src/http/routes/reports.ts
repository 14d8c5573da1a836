import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { AppError } from '../../services/errors.js';
import {
  addEvidence,
  createReport,
  evidenceFor,
  getReportFor,
  reportQueue,
  reportsOfTask,
  transitionReport,
  updateReport,
} from '../../services/report-service.js';
import type { ReportAction } from '../../services/report-workflow.js';
import { loadTaskFor } from '../../services/task-service.js';
import { FileSchema, presentFile, presentReport, ReportSchema } from '../presenters.js';
import { actorOf, etag, optionalVersion, requiredVersion } from '../request-context.js';
import { IdParams, RegionParams, TaskParams, Text } from './common.js';

const ReportFields = {
  progress: z.number().int().min(0).max(100),
  narrative: Text(5000),
  problems: z.string().max(5000).optional(),
  coordination: z.string().max(5000).optional(),
  claimsCompletion: z.boolean().optional(),
};
const ReportBody = z.strictObject({
  period: z.string().max(10),
  ...ReportFields,
  submit: z.boolean().optional(),
});
const ReportPatch = z.strictObject(ReportFields).partial();
const ACTIONS: Readonly<Record<string, ReportAction>> = {
  submit: 'submit',
  approve: 'approve',
  'send-back': 'send_back',
  accept: 'accept',
  return: 'return',
};
const ActionParams = z.strictObject({
  id: z.string().min(1),
  action: z.enum(['submit', 'approve', 'send-back', 'accept', 'return']),
});

export function registerReportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/tasks/:taskId/reports',
    {
      schema: {
        tags: ['reports'],
        params: TaskParams,
        body: ReportBody,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).loose(),
        response: { 201: ReportSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { report, replayed } = await createReport(
        ctx,
        actorOf(request),
        request.params.taskId,
        request.body,
        typeof key === 'string' ? key : undefined,
      );
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).header('etag', etag(report.version)).send(presentReport(report));
    },
  );

  api.get(
    '/tasks/:taskId/reports',
    { schema: { tags: ['reports'], params: TaskParams, response: { 200: z.array(ReportSchema) } } },
    async (request) => {
      await loadTaskFor(ctx, actorOf(request), request.params.taskId);
      const { reports, files } = await reportsOfTask(ctx, request.params.taskId);
      return reports.map((r) => presentReport(r, files));
    },
  );

  api.get(
    '/reports/:id',
    { schema: { tags: ['reports'], params: IdParams, response: { 200: ReportSchema } } },
    async (request, reply) => {
      const report = await getReportFor(ctx, actorOf(request), request.params.id);
      const { files } = await reportsOfTask(ctx, report.task_id);
      void reply.header('etag', etag(report.version));
      return presentReport(report, files);
    },
  );

  api.patch(
    '/reports/:id',
    { schema: { tags: ['reports'], params: IdParams, body: ReportPatch, response: { 200: ReportSchema } } },
    async (request, reply) => {
      const report = await updateReport(
        ctx,
        actorOf(request),
        request.params.id,
        requiredVersion(request),
        request.body,
      );
      void reply.header('etag', etag(report.version));
      return presentReport(report);
    },
  );

  api.post(
    '/reports/:id/:action',
    {
      schema: {
        tags: ['reports'],
        params: ActionParams,
        // A bodyless POST (the usual way to submit or approve) arrives as null, not undefined.
        body: z
          .strictObject({
            reason: z.string().max(1000).optional(),
            rating: z.number().int().min(1).max(5).optional(),
          })
          .nullish(),
        response: { 200: ReportSchema },
      },
    },
    async (request, reply) => {
      const report = await transitionReport(
        ctx,
        actorOf(request),
        request.params.id,
        ACTIONS[request.params.action]!,
        {
          reason: request.body?.reason,
          rating: request.body?.rating,
          expectedVersion: optionalVersion(request),
        },
      );
      void reply.header('etag', etag(report.version));
      return presentReport(report);
    },
  );

  api.get(
    '/regions/:regionId/report-queue',
    { schema: { tags: ['reports'], params: RegionParams, response: { 200: z.array(ReportSchema) } } },
    async (request) =>
      (await reportQueue(ctx, actorOf(request), request.params.regionId)).map((r) => presentReport(r)),
  );

  api.post(
    '/reports/:id/files',
    {
      schema: {
        tags: ['reports'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: FileSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          '请以 multipart/form-data 上传文件 (multipart required)',
        );
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', '未收到文件 (no file)', { field: 'file' });
      const bytes = await part.toBuffer();
      const file = await addEvidence(ctx, actorOf(request), request.params.id, part.filename, bytes);
      return reply.status(201).send(presentFile(file));
    },
  );

  api.get('/files/:id', { schema: { tags: ['reports'], params: IdParams } }, async (request, reply) => {
    const { file, path } = await evidenceFor(ctx, actorOf(request), request.params.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  });
}
