import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { UPLOAD_LIMIT_BYTES } from '../../../domain/limits.js';
import type { ServiceContext } from '../../../services/context.js';
import { exportLedger } from '../../../services/excel/ledger-export.js';
import { importLedgerSheet } from '../../../services/excel/ledger-import.js';
import { exportIndicators } from '../../../services/excel/indicator-sheet.js';
import { exportNotices } from '../../../services/excel/notice-sheet.js';
import { importProjectSheet } from '../../../services/excel/project-import.js';
import { exportProjects } from '../../../services/excel/project-sheet.js';
import { exportReportTemplate, importReportSheet } from '../../../services/excel/report-sheet.js';
import { exportScores } from '../../../services/excel/score-sheet.js';
import { readerOfRound } from '../../../services/access.js';
import { readUpload } from '../../files.js';
import { actorOf } from '../../request-context.js';
import { presentLedgerImport, presentProjectImport, presentReportImport, sendXlsx } from './presenter.js';
import {
  ImportQuery,
  LedgerExportQuery,
  LedgerImportResponse,
  IndicatorExportQuery,
  NoticeExportQuery,
  PlanParams,
  ProjectExportQuery,
  ProjectImportQuery,
  ProjectImportResponse,
  RegionParams,
  ReportImportResponse,
  RoundParams,
  TemplateQuery,
  UnitParams,
} from './schema.js';

/** Excel 台账: spreadsheets out (ledger, reporting template, notices) and in (ledger, filled template). */
export function registerExcelRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/plans/:planId/ledger.xlsx',
    {
      schema: {
        tags: ['excel'],
        summary: '导出改革任务台账 / the ledger as .xlsx, with the ledger page’s filters and sort',
        params: PlanParams,
        querystring: LedgerExportQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const file = await exportLedger(ctx, actorOf(request), request.params.planId, {
        status: q.status,
        areaId: q.area,
        leadUnitId: q.unit,
        tag: q.tag,
        q: q.q,
        sort: q.sort,
        order: q.order,
      });
      return sendXlsx(reply, file);
    },
  );

  api.post(
    '/regions/:regionId/ledger-imports',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['excel'],
        summary: '导入Excel台账（先预览，apply=true 时写入）/ import a ledger sheet: dry run, or apply',
        description: 'multipart/form-data with a `file` (.xlsx)',
        params: RegionParams,
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: LedgerImportResponse },
      },
    },
    async (request) => {
      const file = await readUpload(request);
      const result = await importLedgerSheet(ctx, actorOf(request), request.params.regionId, file, {
        apply: request.query.apply ?? false,
      });
      return presentLedgerImport(result);
    },
  );

  api.get(
    '/units/:id/report-template.xlsx',
    {
      schema: {
        tags: ['excel'],
        summary: '导出单位进展报送表（空白）/ a unit’s blank reporting template for one period',
        params: UnitParams,
        querystring: TemplateQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await exportReportTemplate(ctx, actorOf(request), request.params.id, request.query.period),
      ),
  );

  api.post(
    '/regions/:regionId/report-imports',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['excel'],
        summary:
          '导入填好的报送表为草稿 / a filled-in reporting template as draft reports: dry run, or apply',
        description: 'multipart/form-data with a `file` (.xlsx)',
        params: RegionParams,
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ReportImportResponse },
      },
    },
    async (request) => {
      const file = await readUpload(request);
      const result = await importReportSheet(ctx, actorOf(request), request.params.regionId, file, {
        apply: request.query.apply ?? false,
        period: request.query.period,
      });
      return presentReportImport(result);
    },
  );

  api.get(
    '/regions/:regionId/notices.xlsx',
    {
      schema: {
        tags: ['excel'],
        summary: '导出督办件 / the region’s notices as .xlsx',
        params: RegionParams,
        querystring: NoticeExportQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportNotices(ctx, actorOf(request), request.params.regionId, request.query)),
  );

  api.get(
    '/regions/:regionId/projects.xlsx',
    {
      schema: {
        tags: ['excel'],
        summary: '导出重点项目投资进度表 / the key projects’ monthly investment table as .xlsx',
        params: RegionParams,
        querystring: ProjectExportQuery,
      },
    },
    async (request, reply) => {
      const { month, ...filter } = request.query;
      return sendXlsx(
        reply,
        await exportProjects(ctx, actorOf(request), request.params.regionId, filter, month),
      );
    },
  );

  api.post(
    '/regions/:regionId/projects.xlsx/import',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['excel'],
        summary:
          '导入重点项目投资进度表（先预览，apply=true 时写入）/ import a key-project sheet: dry run, or apply',
        description: 'multipart/form-data with a `file` (.xlsx)',
        params: RegionParams,
        querystring: ProjectImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ProjectImportResponse },
      },
    },
    async (request) => {
      const file = await readUpload(request);
      const result = await importProjectSheet(ctx, actorOf(request), request.params.regionId, file, {
        apply: request.query.apply ?? false,
      });
      return presentProjectImport(result);
    },
  );

  api.get(
    '/plans/:planId/indicators.xlsx',
    {
      schema: {
        tags: ['excel'],
        summary: '导出主要指标完成情况 / the plan’s indicators, month by month, as .xlsx',
        params: PlanParams,
        querystring: IndicatorExportQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await exportIndicators(ctx, actorOf(request), request.params.planId, request.query.asOf),
      ),
  );

  api.get(
    '/assessment-rounds/:id/scores.xlsx',
    {
      schema: {
        tags: ['excel'],
        summary:
          '导出考核得分表 / an assessment round’s score table as .xlsx, for those who read its results',
        params: RoundParams,
      },
    },
    async (request, reply) => {
      const actor = await readerOfRound(ctx, actorOf(request), request.params.id);
      return sendXlsx(reply, await exportScores(ctx, actor, request.params.id));
    },
  );
}
