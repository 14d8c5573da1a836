import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  applyForTolerance,
  attachToTolerance,
  decideTolerance,
  toleranceRequest,
  toleranceRequestsOf,
} from '../../../services/tolerance-service.js';
import { actorOf, optionalVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentAttachment } from '../attachments/presenter.js';
import { readUpload } from '../../files.js';
import { AttachmentSchema } from '../attachments/schema.js';
import { presentTolerance, presentToleranceDetail } from './presenter.js';
import {
  IdParams,
  RegionParams,
  ToleranceBody,
  ToleranceDecisionBody,
  ToleranceDetailSchema,
  ToleranceQuery,
  ToleranceRequestSchema,
} from './schema.js';

export function registerToleranceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/tolerance-requests',
    {
      schema: {
        tags: ['accountability'],
        params: RegionParams,
        querystring: ToleranceQuery,
        response: { 200: z.array(ToleranceRequestSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await toleranceRequestsOf(ctx, actor, request.params.regionId, request.query);
      return rows.map((r) => presentTolerance(r, actor));
    },
  );

  api.post(
    '/regions/:regionId/tolerance-requests',
    {
      schema: {
        tags: ['accountability'],
        params: RegionParams,
        body: ToleranceBody,
        response: { 201: ToleranceDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await applyForTolerance(ctx, actor, request.params.regionId, request.body);
      return reply.status(201).send(presentToleranceDetail(row, [], actor));
    },
  );

  api.get(
    '/tolerance-requests/:id',
    { schema: { tags: ['accountability'], params: IdParams, response: { 200: ToleranceDetailSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const { request: row, files } = await toleranceRequest(ctx, actor, request.params.id);
      return presentToleranceDetail(row, files, actor);
    },
  );

  api.post(
    '/tolerance-requests/:id/files',
    {
      schema: {
        tags: ['accountability'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const file = await attachToTolerance(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentAttachment(file));
    },
  );

  api.post(
    '/tolerance-requests/:id/decide',
    {
      schema: {
        tags: ['accountability'],
        params: IdParams,
        body: ToleranceDecisionBody,
        response: { 200: ToleranceRequestSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (r) => presentTolerance(r, actor),
        () => decideTolerance(ctx, actor, request.params.id, version, request.body),
      );
    },
  );
}
