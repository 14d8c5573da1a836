import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { AppError } from '../../services/errors.js';
import {
  importProgramme,
  type ImportResult,
  type ProgrammeInput,
} from '../../services/plan-import/import-service.js';
import { PlanSchema, presentPlan, SpanSchema, TargetSchema } from '../presenters.js';
import { actorOf } from '../request-context.js';
import { RegionParams } from './common.js';

const ImportResponse = z.object({
  plan: PlanSchema,
  warnings: z.array(z.string()),
  areas: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), source: SpanSchema })),
  tasks: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      areaId: z.string().nullable(),
      leadUnitId: z.string().nullable(),
      proposedLeadUnit: z.string().nullable(),
      coUnitIds: z.array(z.string()),
      dueDate: z.string().nullable(),
      source: SpanSchema,
    }),
  ),
  targets: z.array(
    TargetSchema.pick({
      indicator: true,
      measure: true,
      comparator: true,
      value: true,
      unit: true,
      stretch: true,
      period: true,
      sourceText: true,
      source: true,
    }).extend({ taskId: z.string().nullable(), areaId: z.string().nullable() }),
  ),
  unmatchedUnits: z.array(
    z.object({ name: z.string(), role: z.enum(['lead', 'co']), taskCodes: z.array(z.string()) }),
  ),
  extraction: z.unknown(),
});

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

function present(result: ImportResult): z.infer<typeof ImportResponse> {
  const { draft, ids } = result;
  return {
    plan: presentPlan(result.plan),
    warnings: draft.warnings,
    areas: draft.areas.map((a, i) => ({
      id: ids.areas[i]!,
      code: a.code,
      title: a.title,
      source: { start: a.span[0], end: a.span[1] },
    })),
    tasks: draft.tasks.map((t, i) => ({
      id: ids.tasks[i]!,
      code: t.code,
      title: t.title,
      areaId: ids.areas[t.areaIndex] ?? null,
      leadUnitId: t.leadUnitId,
      proposedLeadUnit: t.proposedLeadUnit,
      coUnitIds: t.coUnitIds,
      dueDate: t.dueDate,
      source: { start: t.span[0], end: t.span[1] },
    })),
    targets: draft.targets.map((t) => ({
      indicator: t.quantity.indicator,
      measure: t.quantity.measure,
      comparator: t.quantity.comparator,
      value: t.quantity.value,
      unit: t.quantity.unit,
      stretch: t.quantity.stretch,
      period: t.quantity.period ?? null,
      sourceText: t.quantity.text,
      source: { start: t.quantity.span[0], end: t.quantity.span[1] },
      taskId: t.taskIndex === null ? null : ids.tasks[t.taskIndex]!,
      areaId: t.areaIndex === null ? null : ids.areas[t.areaIndex]!,
    })),
    unmatchedUnits: draft.unmatchedUnits,
    extraction: result.extraction,
  };
}

export function registerPlanImportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/regions/:regionId/plans/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['plans'],
        summary: '导入计划文件，生成草稿台账 / import a programme document as a draft plan',
        description: 'multipart/form-data with a `file` (.docx, .txt, .html), or JSON { text, filename? }',
        params: RegionParams,
        consumes: ['application/json', 'multipart/form-data'],
        body: z
          .strictObject({
            text: z.string().min(1).max(IMPORT_BODY_LIMIT),
            filename: z.string().max(200).optional(),
          })
          .nullish(),
        response: { 201: ImportResponse },
      },
    },
    async (request, reply) => {
      let input: ProgrammeInput;
      if (request.isMultipart()) {
        const part = await request.file();
        if (!part) throw new AppError('validation_failed', '未收到文件 (no file)', { field: 'file' });
        input = { kind: 'file', bytes: await part.toBuffer(), filename: part.filename };
      } else {
        if (!request.body)
          throw new AppError('validation_failed', '请上传文件或粘贴文本 (file or text required)', {
            field: 'text',
          });
        input = { kind: 'text', text: request.body.text, filename: request.body.filename ?? null };
      }
      const result = await importProgramme(ctx, actorOf(request), request.params.regionId, input);
      return reply.status(201).send(present(result));
    },
  );
}
