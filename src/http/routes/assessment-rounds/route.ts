import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readerOfRound } from '../../../services/access.js';
import type { AssessmentStage } from '../../../domain/assessment-workflow.js';
import {
  advanceRound,
  correctScore,
  decideAdjustment,
  proposeAdjustment,
  raiseObjection,
  replyObjection,
  roundDetail,
  saveScores,
  unitSheet,
} from '../../../services/assessment-service.js';
import {
  attachAdjustmentEvidence,
  attachCellEvidence,
} from '../../../services/assessment-evidence-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { readUpload } from '../../files.js';
import { presentAttachment } from '../attachments/presenter.js';
import { actorOf, optionalVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import {
  presentAdjustment,
  presentCorrection,
  presentObjection,
  presentRound,
  presentSheet,
} from './presenter.js';
import {
  AdjustmentBody,
  AdjustmentSchema,
  AttachmentSchema,
  CellParams,
  CorrectionBody,
  CorrectionSchema,
  DecideBody,
  IdParams,
  ObjectionBody,
  ObjectionSchema,
  ReplyBody,
  RoundSchema,
  ScoresBody,
  SheetSchema,
  UnitParams,
} from './schema.js';

export function registerAssessmentRoundRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];

  api.get(
    '/assessment-rounds/:id',
    { schema: { tags, params: IdParams, response: { 200: RoundSchema } } },
    async (request) => {
      const actor = await readerOfRound(ctx, actorOf(request), request.params.id);
      return presentRound(await roundDetail(ctx, actor, request.params.id), actor);
    },
  );

  api.get(
    '/assessment-rounds/:id/units/:unitId',
    { schema: { tags, params: UnitParams, response: { 200: SheetSchema } } },
    async (request) => {
      const actor = await readerOfRound(ctx, actorOf(request), request.params.id);
      const { id, unitId } = request.params;
      return presentSheet(await unitSheet(ctx, actor, id, unitId), actor);
    },
  );

  api.put(
    '/assessment-rounds/:id/units/:unitId/scores',
    { schema: { tags, params: UnitParams, body: ScoresBody, response: { 200: SheetSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const { id, unitId } = request.params;
      const version = optionalVersion(request);
      return presentUpdate(
        async () => presentSheet(await unitSheet(ctx, actor, id, unitId), actor),
        () => saveScores(ctx, actor, id, unitId, version, request.body.stage, request.body.items),
      );
    },
  );

  api.post(
    '/assessment-rounds/:id/advance',
    { schema: { tags, params: IdParams, response: { 200: RoundSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        async () => presentRound(await roundDetail(ctx, actor, request.params.id), actor),
        () => advanceRound(ctx, actor, request.params.id, version),
      );
    },
  );

  api.post(
    '/assessment-rounds/:id/adjustments',
    { schema: { tags, params: IdParams, body: AdjustmentBody, response: { 201: AdjustmentSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const adj = await proposeAdjustment(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentAdjustment(adj, actor, 'self'));
    },
  );

  api.post(
    '/assessment-adjustments/:id/decide',
    { schema: { tags, params: IdParams, body: DecideBody, response: { 200: AdjustmentSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (a) => presentAdjustment(a, actor, 'final'),
        () => decideAdjustment(ctx, actor, request.params.id, version, request.body.approve),
      );
    },
  );

  api.post(
    '/assessment-rounds/:id/objections',
    { schema: { tags, params: IdParams, body: ObjectionBody, response: { 201: ObjectionSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const objection = await raiseObjection(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentObjection(objection, actor, 'publicity'));
    },
  );

  api.post(
    '/assessment-objections/:id/reply',
    { schema: { tags, params: IdParams, body: ReplyBody, response: { 200: ObjectionSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      const stage: AssessmentStage = 'publicity';
      return presentUpdate(
        (o) => presentObjection(o, actor, stage),
        () => replyObjection(ctx, actor, request.params.id, version, request.body.reply),
      );
    },
  );

  api.post(
    '/assessment-rounds/:id/corrections',
    { schema: { tags, params: IdParams, body: CorrectionBody, response: { 201: CorrectionSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      const correction = await correctScore(ctx, actor, request.params.id, version, request.body);
      return reply.status(201).send(presentCorrection(correction));
    },
  );

  const upload = { consumes: ['multipart/form-data'], response: { 201: AttachmentSchema } };

  api.post(
    '/assessment-rounds/:id/units/:unitId/indicators/:indicatorId/files',
    { schema: { tags, params: CellParams, ...upload } },
    async (request, reply) => {
      const { id, unitId, indicatorId } = request.params;
      const { filename, bytes } = await readUpload(request);
      const file = await attachCellEvidence(ctx, actorOf(request), id, unitId, indicatorId, filename, bytes);
      return reply.status(201).send(presentAttachment(file));
    },
  );

  api.post(
    '/assessment-adjustments/:id/files',
    { schema: { tags, params: IdParams, ...upload } },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const file = await attachAdjustmentEvidence(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentAttachment(file));
    },
  );
}
