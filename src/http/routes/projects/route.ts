import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readerIn, readerOfProject } from '../../../services/access.js';
import type { Actor } from '../../../services/actor.js';
import type { ServiceContext } from '../../../services/context.js';
import { StaleVersionError } from '../../../services/errors.js';
import {
  confirmProjectMonth,
  reportProjectMonth,
  resolveProjectProblem,
  updateProjectMilestone,
} from '../../../services/project-report-service.js';
import {
  createProject,
  demandProjectList,
  moveProjectStage,
  projectConversion,
  projectDetail,
  projectsOf,
  updateProject,
  type ProjectDetail,
} from '../../../services/project-service.js';
import { attachProjectPhoto, removeProjectPhoto } from '../../../services/project-photo-service.js';
import { sendCachedJson } from '../../cached-json.js';
import { readUpload } from '../../files.js';
import { presentAttachment } from '../attachments/presenter.js';
import { AttachmentSchema } from '../attachments/schema.js';
import { actorOf, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import {
  presentListItem,
  presentMilestone,
  presentProblem,
  presentProject,
  presentReport,
} from './presenter.js';
import {
  ConversionSchema,
  IdParams,
  MilestonePatchBody,
  MilestoneSchema,
  ProblemBody,
  ProblemSchema,
  ProjectBody,
  ProjectListQuery,
  ProjectListSchema,
  ProjectMonthBody,
  ProjectPatchBody,
  ProjectReportSchema,
  ProjectSchema,
  RegionParams,
  StageBody,
  YearQuery,
} from './schema.js';
import { MonthQuery } from '../indicators/schema.js';
import { OkSchema } from '../../schemas.js';

/** A stale write answers 412 with the project as its page shows it, not the bare row. */
async function presentProjectUpdate(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  update: () => Promise<ProjectDetail>,
) {
  try {
    return presentProject(await update());
  } catch (error) {
    if (error instanceof StaleVersionError)
      throw new StaleVersionError(presentProject(await projectDetail(ctx, actor, id)));
    throw error;
  }
}

export function registerProjectRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:regionId/projects',
    {
      schema: {
        tags: ['projects'],
        params: RegionParams,
        querystring: ProjectListQuery,
        response: { 200: ProjectListSchema },
      },
    },
    async (request, reply) => {
      const actor = await readerIn(ctx, actorOf(request), request.params.regionId);
      const { regionId } = request.params;
      const { limit, offset, month, ...filter } = request.query;
      // Checked on every request, before a cached answer or a 304; the list is the same for every reader.
      demandProjectList(actor, regionId);
      const key = `projects|${JSON.stringify([filter.level, filter.category, filter.town, filter.stage, month, limit, offset])}`;
      return sendCachedJson(ctx, request, reply, { key, regionId }, async () => {
        const list = await projectsOf(ctx, actor, regionId, filter, { month, limit, offset });
        return {
          month: list.month,
          stageLabels: { ...list.stageLabels },
          totals: list.totals,
          items: list.items.map(presentListItem),
        };
      });
    },
  );

  api.post(
    '/regions/:regionId/projects',
    {
      schema: {
        tags: ['projects'],
        params: RegionParams,
        body: ProjectBody,
        response: { 201: ProjectSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentProject(await createProject(ctx, actorOf(request), request.params.regionId, request.body)),
        ),
  );

  api.get(
    '/regions/:regionId/project-conversion',
    {
      schema: {
        tags: ['projects'],
        params: RegionParams,
        querystring: YearQuery,
        response: { 200: ConversionSchema },
      },
    },
    async (request) =>
      projectConversion(
        ctx,
        await readerIn(ctx, actorOf(request), request.params.regionId),
        request.params.regionId,
        request.query.year ?? Number(ctx.now().toISOString().slice(0, 4)),
      ),
  );

  api.get(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        params: IdParams,
        querystring: MonthQuery,
        response: { 200: ProjectSchema },
      },
    },
    async (request) => {
      const actor = await readerOfProject(ctx, actorOf(request), request.params.id);
      return presentProject(await projectDetail(ctx, actor, request.params.id, request.query.month));
    },
  );

  api.patch(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        params: IdParams,
        body: ProjectPatchBody,
        response: { 200: ProjectSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentProjectUpdate(ctx, actor, request.params.id, () =>
        updateProject(ctx, actor, request.params.id, version, request.body),
      );
    },
  );

  api.post(
    '/projects/:id/stage',
    { schema: { tags: ['projects'], params: IdParams, body: StageBody, response: { 200: ProjectSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentProjectUpdate(ctx, actor, request.params.id, () =>
        moveProjectStage(ctx, actor, request.params.id, version, request.body),
      );
    },
  );

  api.post(
    '/projects/:id/reports',
    {
      schema: {
        tags: ['projects'],
        params: IdParams,
        body: ProjectMonthBody,
        response: { 200: ProjectReportSchema },
      },
    },
    async (request) =>
      presentReport(await reportProjectMonth(ctx, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    '/project-reports/:id/confirm',
    { schema: { tags: ['projects'], params: IdParams, response: { 200: ProjectReportSchema } } },
    async (request) => presentReport(await confirmProjectMonth(ctx, actorOf(request), request.params.id)),
  );

  api.post(
    '/project-reports/:id/photos',
    {
      schema: {
        tags: ['projects'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readUpload(request);
      const file = await attachProjectPhoto(ctx, actorOf(request), request.params.id, filename, bytes);
      return reply.status(201).send(presentAttachment(file));
    },
  );

  api.delete(
    '/project-photos/:id',
    { schema: { tags: ['projects'], params: IdParams, response: { 200: OkSchema } } },
    async (request) => {
      await removeProjectPhoto(ctx, actorOf(request), request.params.id);
      return { ok: true };
    },
  );

  api.patch(
    '/project-milestones/:id',
    {
      schema: {
        tags: ['projects'],
        params: IdParams,
        body: MilestonePatchBody,
        response: { 200: MilestoneSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(presentMilestone, () =>
        updateProjectMilestone(ctx, actor, request.params.id, version, request.body),
      );
    },
  );

  api.patch(
    '/project-problems/:id',
    { schema: { tags: ['projects'], params: IdParams, body: ProblemBody, response: { 200: ProblemSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      return presentUpdate(presentProblem, () =>
        resolveProjectProblem(ctx, actor, request.params.id, version, request.body),
      );
    },
  );
}
