import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { taskDetail } from '../../services/task-detail-service.js';
import { visibilityScope } from '../../services/actor.js';
import {
  addMilestone,
  createTask,
  planLedger,
  summaryFactsOf,
  updateMilestone,
  updateTask,
} from '../../services/task-service.js';
import { sendCachedJson } from '../cached-json.js';
import {
  AreaSchema,
  HistorySchema,
  InstructionSchema,
  MilestoneSchema,
  NoticeSchema,
  PlanSchema,
  presentArea,
  presentInstruction,
  presentMilestone,
  presentNotice,
  presentPlan,
  presentReport,
  presentTarget,
  presentTaskSummary,
  ReportSchema,
  TargetSchema,
  TaskStatusSchema,
  TaskSummarySchema,
} from '../presenters.js';
import { actorOf, etag, requiredVersion } from '../request-context.js';
import { DateString, IdParams, PlanParams, TaskParams, Text } from './common.js';

const TaskBody = z.strictObject({
  code: z.string().max(20).optional(),
  title: Text(500),
  areaId: z.string().nullable().optional(),
  parentTaskId: z.string().nullable().optional(),
  leadUnitId: z.string().nullable().optional(),
  coUnitIds: z.array(z.string()).max(50).optional(),
  leaderName: z.string().max(60).nullable().optional(),
  implementationPlan: z.string().max(20_000).optional(),
  workStandard: z.string().max(5_000).optional(),
  tags: z.array(z.string().max(20)).max(10).optional(),
  startDate: DateString.nullable().optional(),
  dueDate: DateString.nullable().optional(),
  weight: z.number().min(0).max(100).optional(),
});

const LedgerQuery = z.strictObject({
  status: z.union([TaskStatusSchema, z.string().regex(/^[a-z_,]+$/)]).optional(),
  leadUnitId: z.string().optional(),
  areaId: z.string().optional(),
  tag: z.string().optional(),
  q: z.string().max(100).optional(),
});

const TaskDetailSchema = TaskSummarySchema.extend({
  implementationPlan: z.string(),
  workStandard: z.string(),
  weight: z.number(),
  plan: PlanSchema,
  area: AreaSchema.nullable(),
  source: z.object({ paragraph: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
  milestones: z.array(MilestoneSchema),
  targets: z.array(TargetSchema),
  reports: z.array(ReportSchema),
  notices: z.array(NoticeSchema),
  instructions: z.array(InstructionSchema),
  history: z.array(HistorySchema),
});

function statusesOf(value: string | undefined) {
  if (!value) return undefined;
  return value.split(',').map((s) => TaskStatusSchema.parse(s));
}

export function registerTaskRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/plans/:planId/tasks',
    {
      schema: {
        tags: ['tasks'],
        params: PlanParams,
        querystring: LedgerQuery,
        response: { 200: z.array(TaskSummarySchema) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { status, ...rest } = request.query;
      const statuses = statusesOf(status);
      // planLedger checks access when the view is produced; a cached view was produced for this same scope.
      const key = `ledger|${request.params.planId}|${visibilityScope(actor)}|${JSON.stringify(request.query)}`;
      return sendCachedJson(ctx, request, reply, key, async () => {
        const ledger = await planLedger(ctx, actor, request.params.planId, {
          ...rest,
          ...(statuses && { status: statuses }),
        });
        return ledger.tasks.map((t) => presentTaskSummary(t.row, t.evaluation, t.coUnitIds, ledger.units));
      });
    },
  );

  api.post(
    '/plans/:planId/tasks',
    { schema: { tags: ['tasks'], params: PlanParams, body: TaskBody, response: { 201: TaskSummarySchema } } },
    async (request, reply) => {
      const task = await createTask(ctx, actorOf(request), request.params.planId, request.body);
      const { evaluation, coUnitIds, units } = await summaryFactsOf(ctx, task);
      return reply
        .status(201)
        .header('etag', etag(task.version))
        .send(presentTaskSummary(task, evaluation, coUnitIds, units));
    },
  );

  api.get(
    '/tasks/:taskId',
    { schema: { tags: ['tasks'], params: TaskParams, response: { 200: TaskDetailSchema } } },
    async (request, reply) => {
      const d = await taskDetail(ctx, actorOf(request), request.params.taskId);
      void reply.header('etag', etag(d.task.version));
      return {
        ...presentTaskSummary(d.task, d.evaluation, d.coUnitIds, d.units),
        implementationPlan: d.task.implementation_plan,
        workStandard: d.task.work_standard,
        weight: d.task.weight,
        plan: presentPlan(d.plan),
        area: d.area ? presentArea(d.area) : null,
        source: d.source,
        milestones: d.milestones.map(presentMilestone),
        targets: d.targets.map((t) => presentTarget(t.target, t.measurements)),
        reports: d.reports.map((r) => presentReport(r, d.files)),
        notices: d.notices.map(presentNotice),
        instructions: d.instructions.map(presentInstruction),
        history: d.history,
      };
    },
  );

  api.patch(
    '/tasks/:taskId',
    {
      schema: {
        tags: ['tasks'],
        params: TaskParams,
        body: TaskBody.partial(),
        response: { 200: TaskSummarySchema },
      },
    },
    async (request, reply) => {
      const task = await updateTask(
        ctx,
        actorOf(request),
        request.params.taskId,
        requiredVersion(request),
        request.body,
      );
      const { evaluation, coUnitIds, units } = await summaryFactsOf(ctx, task);
      void reply.header('etag', etag(task.version));
      return presentTaskSummary(task, evaluation, coUnitIds, units);
    },
  );

  api.post(
    '/tasks/:taskId/milestones',
    {
      schema: {
        tags: ['tasks'],
        params: TaskParams,
        body: z.strictObject({ title: Text(200), dueDate: DateString }),
        response: { 201: MilestoneSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentMilestone(await addMilestone(ctx, actorOf(request), request.params.taskId, request.body)),
        ),
  );

  api.patch(
    '/milestones/:id',
    {
      schema: {
        tags: ['tasks'],
        params: IdParams,
        body: z.strictObject({
          title: Text(200).optional(),
          dueDate: DateString.optional(),
          doneDate: DateString.nullable().optional(),
        }),
        response: { 200: MilestoneSchema },
      },
    },
    async (request, reply) => {
      const milestone = await updateMilestone(
        ctx,
        actorOf(request),
        request.params.id,
        requiredVersion(request),
        request.body,
      );
      void reply.header('etag', etag(milestone.version));
      return presentMilestone(milestone);
    },
  );
}
