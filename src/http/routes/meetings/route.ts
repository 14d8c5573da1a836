import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  addDecisions,
  addMeetingFile,
  meetingFileOf,
  meetingDetail,
  meetingsOf,
  recordMeeting,
  taskFromDecision,
} from '../../../services/meeting-service.js';
import { readUpload, sendDownload } from '../../files.js';
import { actorOf } from '../../request-context.js';
import { presentMeeting, presentMeetingFile, presentMeetingSummary } from './presenter.js';
import {
  DecisionsBody,
  DecisionTaskBody,
  IdParams,
  MeetingBody,
  MeetingFileSchema,
  MeetingSchema,
  MeetingSummarySchema,
  RegionParams,
} from './schema.js';

export function registerMeetingRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];

  api.get(
    '/regions/:regionId/meetings',
    { schema: { tags, params: RegionParams, response: { 200: z.array(MeetingSummarySchema) } } },
    async (request) =>
      (await meetingsOf(ctx, actorOf(request), request.params.regionId)).map(presentMeetingSummary),
  );

  api.post(
    '/regions/:regionId/meetings',
    { schema: { tags, params: RegionParams, body: MeetingBody, response: { 201: MeetingSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await recordMeeting(ctx, actor, request.params.regionId, request.body);
      return reply.status(201).send(presentMeeting(view, actor));
    },
  );

  api.get(
    '/meetings/:id',
    { schema: { tags, params: IdParams, response: { 200: MeetingSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return presentMeeting(await meetingDetail(ctx, actor, request.params.id), actor);
    },
  );

  api.post(
    '/meetings/:id/decisions',
    { schema: { tags, params: IdParams, body: DecisionsBody, response: { 201: MeetingSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await addDecisions(ctx, actor, request.params.id, request.body.decisions);
      return reply.status(201).send(presentMeeting(view, actor));
    },
  );

  api.post(
    '/meeting-decisions/:id/task',
    { schema: { tags, params: IdParams, body: DecisionTaskBody, response: { 201: MeetingSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await taskFromDecision(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentMeeting(view, actor));
    },
  );

  api.post(
    '/meetings/:id/files',
    {
      schema: {
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: MeetingFileSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const file = await addMeetingFile(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentMeetingFile(file));
    },
  );

  api.get('/meeting-files/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
    const { file, path } = await meetingFileOf(ctx, actorOf(request), request.params.id);
    return sendDownload(reply, { filename: file.filename, mime: file.mime, body: { path } });
  });
}
