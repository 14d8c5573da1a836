import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  addCheckpointEvidence,
  answerCheckpoint,
  decideExtension,
  directiveDetail,
  directiveEvidenceFor,
  directiveFromDecision,
  directiveFromInstruction,
  directivesOf,
  openDirectiveUrges,
  requestExtension,
} from '../../../services/directive-service.js';
import { readUpload, sendDownload } from '../../files.js';
import { actorOf, optionalVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import {
  presentDirective,
  presentDirectiveDetail,
  presentDirectiveFile,
  presentDirectiveUrge,
} from './presenter.js';
import {
  AnswerBody,
  CheckpointParams,
  DecideExtensionBody,
  DirectiveDetailSchema,
  DirectiveFileSchema,
  DirectiveFromDecisionBody,
  DirectiveFromInstructionBody,
  DirectiveQuery,
  DirectiveSchema,
  DirectiveUrgeSchema,
  ExtensionBody,
  IdParams,
  RegionParams,
} from './schema.js';

export function registerDirectiveRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['directives'];

  api.get(
    '/regions/:regionId/directives',
    {
      schema: {
        tags,
        params: RegionParams,
        querystring: DirectiveQuery,
        response: { 200: z.array(DirectiveSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const views = await directivesOf(ctx, actor, request.params.regionId, request.query);
      return views.map((v) => presentDirective(v, actor));
    },
  );

  api.get(
    '/regions/:regionId/directive-urges',
    { schema: { tags, params: RegionParams, response: { 200: z.array(DirectiveUrgeSchema) } } },
    async (request) =>
      (await openDirectiveUrges(ctx, actorOf(request), request.params.regionId)).map(presentDirectiveUrge),
  );

  api.get(
    '/directives/:id',
    { schema: { tags, params: IdParams, response: { 200: DirectiveDetailSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return presentDirectiveDetail(await directiveDetail(ctx, actor, request.params.id), actor);
    },
  );

  api.post(
    '/meeting-decisions/:id/directive',
    {
      schema: {
        tags,
        params: IdParams,
        body: DirectiveFromDecisionBody,
        response: { 201: DirectiveDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await directiveFromDecision(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentDirectiveDetail(detail, actor));
    },
  );

  api.post(
    '/instructions/:id/directive',
    {
      schema: {
        tags,
        params: IdParams,
        body: DirectiveFromInstructionBody,
        response: { 201: DirectiveDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await directiveFromInstruction(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentDirectiveDetail(detail, actor));
    },
  );

  api.post(
    '/directives/:id/checkpoints/:checkpoint/answer',
    {
      schema: { tags, params: CheckpointParams, body: AnswerBody, response: { 200: DirectiveDetailSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, checkpoint } = request.params;
      return presentDirectiveDetail(
        await answerCheckpoint(ctx, actor, id, checkpoint, request.body.body),
        actor,
      );
    },
  );

  api.post(
    '/directives/:id/checkpoints/:checkpoint/files',
    {
      schema: {
        tags,
        params: CheckpointParams,
        consumes: ['multipart/form-data'],
        response: { 201: DirectiveFileSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const { id, checkpoint } = request.params;
      const file = await addCheckpointEvidence(ctx, actorOf(request), id, checkpoint, filename, bytes);
      return reply.status(201).send(presentDirectiveFile(file));
    },
  );

  api.get('/directive-files/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
    const { file, path } = await directiveEvidenceFor(ctx, actorOf(request), request.params.id);
    return sendDownload(reply, { filename: file.filename, mime: file.mime, body: { path } });
  });

  api.post(
    '/directives/:id/extensions',
    { schema: { tags, params: IdParams, body: ExtensionBody, response: { 201: DirectiveDetailSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await requestExtension(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentDirectiveDetail(detail, actor));
    },
  );

  api.post(
    '/directive-extensions/:id/decide',
    {
      schema: { tags, params: IdParams, body: DecideExtensionBody, response: { 200: DirectiveDetailSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (d) => presentDirectiveDetail(d, actor),
        () => decideExtension(ctx, actor, request.params.id, version, request.body),
      );
    },
  );
}
