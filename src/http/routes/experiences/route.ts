import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import {
  adoptExperience,
  attachToExperience,
  decideExperience,
  experienceDetail,
  experiencesOf,
  proposeExperience,
  reviseExperience,
  searchLibrary,
} from '../../../services/experience-service.js';
import { actorOf, optionalVersion, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentAttachment } from '../attachments/presenter.js';
import { readUpload } from '../../files.js';
import { AttachmentSchema } from '../attachments/schema.js';
import { presentExperience, presentExperienceDetail } from './presenter.js';
import {
  AdoptionBody,
  ExperienceBody,
  ExperienceDetailSchema,
  ExperiencePatchBody,
  ExperienceSchema,
  IdParams,
  LibraryQuery,
  LibrarySchema,
  RegionExperienceQuery,
  RegionParams,
  ReturnBody,
  TaskParams,
} from './schema.js';

export function registerExperienceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['experiences'];

  api.get(
    '/experiences',
    { schema: { tags, querystring: LibraryQuery, response: { 200: LibrarySchema } } },
    async (request) => {
      const actor = actorOf(request);
      const library = await searchLibrary(ctx, actor, request.query);
      return { ...library, items: library.items.map((e) => presentExperience(e, actor)) };
    },
  );

  api.get(
    '/regions/:regionId/experiences',
    {
      schema: {
        tags,
        params: RegionParams,
        querystring: RegionExperienceQuery,
        response: { 200: z.array(ExperienceSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await experiencesOf(ctx, actor, request.params.regionId, request.query);
      return rows.map((e) => presentExperience(e, actor));
    },
  );

  api.post(
    '/tasks/:taskId/experiences',
    { schema: { tags, params: TaskParams, body: ExperienceBody, response: { 201: ExperienceSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await proposeExperience(ctx, actor, request.params.taskId, request.body);
      return reply.status(201).send(presentExperience(row, actor));
    },
  );

  api.get(
    '/experiences/:id',
    { schema: { tags, params: IdParams, response: { 200: ExperienceDetailSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return presentExperienceDetail(await experienceDetail(ctx, actor, request.params.id), actor);
    },
  );

  api.patch(
    '/experiences/:id',
    { schema: { tags, params: IdParams, body: ExperiencePatchBody, response: { 200: ExperienceSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(
        (e) => presentExperience(e, actor),
        () => reviseExperience(ctx, actor, request.params.id, version, request.body),
      );
    },
  );

  api.post(
    '/experiences/:id/files',
    {
      schema: {
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const file = await attachToExperience(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentAttachment(file));
    },
  );

  api.post(
    '/experiences/:id/accept',
    { schema: { tags, params: IdParams, response: { 200: ExperienceSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (e) => presentExperience(e, actor),
        () => decideExperience(ctx, actor, request.params.id, version, { accept: true }),
      );
    },
  );

  api.post(
    '/experiences/:id/return',
    { schema: { tags, params: IdParams, body: ReturnBody, response: { 200: ExperienceSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = optionalVersion(request);
      return presentUpdate(
        (e) => presentExperience(e, actor),
        () =>
          decideExperience(ctx, actor, request.params.id, version, {
            accept: false,
            reason: request.body.reason,
          }),
      );
    },
  );

  api.post(
    '/experiences/:id/adoptions',
    { schema: { tags, params: IdParams, body: AdoptionBody, response: { 201: ExperienceDetailSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await adoptExperience(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(presentExperienceDetail(detail, actor));
    },
  );
}
