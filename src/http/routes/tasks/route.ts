import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../../services/actor.js';
import { today, type ServiceContext } from '../../../services/context.js';
import { visibilityScope } from '../../../services/policies/scope.js';
import {
  createTask,
  demandLedger,
  planLedger,
  taskDetail,
  updateTask,
} from '../../../services/task-service.js';
import { planForCachedView, readerOfTask } from '../../../services/access.js';
import { JsonBytes, sendCachedJson } from '../../cached-json.js';
import { ledgerBody } from './ledger-lines.js';
import { actorOf, etag, requiredVersion } from '../../request-context.js';
import { presentUpdate } from '../../stale.js';
import { presentTaskDetail, presentTaskSummary } from './presenter.js';
import {
  LedgerQuery,
  PlanParams,
  statusesOf,
  TaskBody,
  TaskDetailSchema,
  TaskParams,
  TaskPatch,
  TaskSummarySchema,
} from './schema.js';

/**
 * Callers who would get the same ledger share a cached one: the same rows (their visibility scope) and the
 * same `can` on every line, which also depends on the caller's role and unit.
 */
function ledgerAudience(actor: Actor): string {
  return `${visibilityScope(actor)}|${actor.role}|${actor.unitId ?? '-'}`;
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
      // A parent region's reader reads a ledger below as that region's viewer does. Checked on every request,
      // before a cached answer or a 304 can be given.
      const {
        reader: actor,
        plan,
        version,
      } = await planForCachedView(ctx, actorOf(request), request.params.planId);
      demandLedger(actor, plan);
      const { status, ...rest } = request.query;
      const statuses = statusesOf(status);
      const audience = ledgerAudience(actor);
      const key = `ledger|${request.params.planId}|${audience}|${JSON.stringify(request.query)}`;
      const view = { key, regionId: plan.region_id, version };
      return sendCachedJson(ctx, request, reply, view, async () => {
        const filter = { ...rest, ...(statuses && { status: statuses }) };
        const ledger = await planLedger(ctx, actor, request.params.planId, filter, { plan, version });
        return new JsonBytes(ledgerBody(ledger.tasks, ledger.units, actor, audience));
      });
    },
  );

  api.post(
    '/plans/:planId/tasks',
    { schema: { tags: ['tasks'], params: PlanParams, body: TaskBody, response: { 201: TaskSummarySchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const task = await createTask(ctx, actor, request.params.planId, request.body);
      return reply
        .status(201)
        .header('etag', etag(task.version))
        .send(presentTaskSummary(task, task.units, actor));
    },
  );

  api.get(
    '/tasks/:taskId',
    { schema: { tags: ['tasks'], params: TaskParams, response: { 200: TaskDetailSchema } } },
    async (request, reply) => {
      const actor = await readerOfTask(ctx, actorOf(request), request.params.taskId);
      const detail = await taskDetail(ctx, actor, request.params.taskId);
      void reply.header('etag', etag(detail.task.version));
      return presentTaskDetail(detail, actor, today(ctx));
    },
  );

  api.patch(
    '/tasks/:taskId',
    {
      schema: { tags: ['tasks'], params: TaskParams, body: TaskPatch, response: { 200: TaskSummarySchema } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = requiredVersion(request);
      const task = await presentUpdate(
        (t) => presentTaskSummary(t, t.units, actor),
        () => updateTask(ctx, actor, request.params.taskId, version, request.body),
      );
      void reply.header('etag', etag(task.version));
      return task;
    },
  );
}
