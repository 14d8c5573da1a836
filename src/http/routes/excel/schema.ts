import { z } from 'zod';
import { Id, Line, PlanParams, QueryFlag, RegionParams } from '../../schemas.js';
import { MonthKey } from '../indicators/schema.js';
import { ProjectListQuery } from '../projects/schema.js';
import { TaskStatusSchema } from '../tasks/schema.js';

export { PlanParams, RegionParams };

/** Named as the unit routes name it: one parameter name per path position. */
export const UnitParams = z.strictObject({ id: Id });

/** An assessment round, named as the assessment routes name it. */
export const RoundParams = z.strictObject({ id: Id });

/** The ledger page's view, as its URL holds it: the export shows the same rows in the same order. */
export const LedgerExportQuery = z.strictObject({
  status: z
    .string()
    .regex(/^[a-z_,]*$/)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(TaskStatusSchema))
    .optional(),
  area: Id.optional(),
  unit: Id.optional(),
  tag: Line(20).optional(),
  q: Line(100).optional(),
  sort: z.enum(['code', 'title', 'dueDate', 'status', 'progress', 'daysOverdue', 'leadUnit']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type LedgerExportQuery = z.infer<typeof LedgerExportQuery>;

export const TemplateQuery = z.strictObject({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '报送期间应为 2026-05 或 2026-Q2'),
});

export const NoticeExportQuery = z.strictObject({
  status: z.enum(['issued', 'responded', 'closed']).optional(),
  kind: z.enum(['reminder', 'urge', 'supervise', 'listed']).optional(),
  unitId: Id.optional(),
  open: QueryFlag.optional(),
  overdue: QueryFlag.optional(),
});

/** `apply=true` writes what the dry run (the default) previews. */
export const ImportQuery = z.strictObject({
  apply: QueryFlag.optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/)
    .optional(),
});

const Issue = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  value: z.string(),
});

/** One cell a sheet row would change: which field, in which column, from what to what. */
const CellChange = z.object({
  field: z.string(),
  column: z.string(),
  before: z.string(),
  after: z.string(),
});

export const LedgerImportResponse = z.object({
  applied: z.boolean(),
  sheet: z.string(),
  mode: z.enum(['new_plan', 'update']),
  planId: z.string().nullable(),
  planTitle: z.string(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), column: z.string() })),
  areas: z.number().int(),
  created: z.array(z.object({ row: z.number().int(), code: z.string(), title: z.string() })),
  updated: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      title: z.string(),
      taskId: z.string(),
      changes: z.array(
        CellChange.extend({
          // A ledger note's period (2026-05): one row may change several months' notes.
          period: z.string().optional(),
        }),
      ),
    }),
  ),
  skipped: z.array(
    z.object({ row: z.number().int(), code: z.string(), title: z.string(), reason: z.string() }),
  ),
  errors: z.array(Issue),
  unknownUnits: z.array(z.object({ name: z.string(), rows: z.array(z.number().int()) })),
});
export type LedgerImportResponse = z.infer<typeof LedgerImportResponse>;

export const ReportImportResponse = z.object({
  applied: z.boolean(),
  sheet: z.string(),
  period: z.string(),
  created: z.array(z.object({ row: z.number().int(), taskId: z.string(), title: z.string() })),
  updated: z.array(
    z.object({ row: z.number().int(), taskId: z.string(), title: z.string(), reportId: z.string() }),
  ),
  skipped: z.array(z.object({ row: z.number().int(), title: z.string(), reason: z.string() })),
  errors: z.array(Issue),
});
export type ReportImportResponse = z.infer<typeof ReportImportResponse>;

export const ProjectImportQuery = z.strictObject({ apply: QueryFlag.optional() });

export const ProjectImportResponse = z.object({
  applied: z.boolean(),
  sheet: z.string(),
  year: z.number().int(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), column: z.string() })),
  created: z.array(z.object({ row: z.number().int(), name: z.string(), months: z.number().int() })),
  updated: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      projectId: z.string(),
      changes: z.array(CellChange.extend({ month: z.string().optional() })),
    }),
  ),
  skipped: z.array(
    z.object({ row: z.number().int(), name: z.string(), reason: z.string(), month: z.string().optional() }),
  ),
  errors: z.array(Issue),
});
export type ProjectImportResponse = z.infer<typeof ProjectImportResponse>;

/** The project list's filters and month: the sheet holds every project the list would page through. */
export const ProjectExportQuery = ProjectListQuery.omit({ limit: true, offset: true }).extend({
  month: MonthKey.optional(),
});

/** The indicator page's month. */
export const IndicatorExportQuery = z.strictObject({ asOf: MonthKey.optional() });
