import { z } from 'zod';
import { BULLETIN_TEMPLATES } from '../../../domain/bulletin-facts.js';
import { PROGRESS_CLASSES } from '../../../domain/bulletin-status.js';
import { CanSchema, Id, IdParams, Line, LongText, RegionParams } from '../../schemas.js';

export { IdParams, RegionParams };

export const BulletinSummarySchema = z.object({
  id: z.string(),
  regionId: z.string(),
  documentNumber: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  template: z.enum(BULLETIN_TEMPLATES),
  period: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  can: CanSchema(['edit', 'publish', 'readings']),
});
export type BulletinSummary = z.infer<typeof BulletinSummarySchema>;

const FigureSchema = z.union([z.string(), z.number()]);

export const BulletinSchema = BulletinSummarySchema.extend({
  asOf: z.string(),
  counts: z.object({
    total: z.number().int(),
    ...Object.fromEntries(PROGRESS_CLASSES.map((c) => [c, z.number().int()])),
  }),
  sections: z.array(
    z.object({
      key: z.string(),
      heading: z.string().nullable(),
      template: z.string(),
      generated: z.string(),
      edited: z.boolean(),
      text: z.string(),
      figures: z.record(z.string(), FigureSchema),
    }),
  ),
  attachments: z.array(
    z.object({
      label: z.string(),
      title: z.string(),
      columns: z.array(z.string()),
      rowCount: z.number().int(),
    }),
  ),
  /** Units named in the bulletin: notified on publish (notifiedUnitIds once published). */
  namedUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  notifiedUnitIds: z.array(z.string()).nullable(),
});
export type Bulletin = z.infer<typeof BulletinSchema>;

export const BulletinQuery = z.strictObject({ q: Line(100).optional() });

export const BulletinBody = z.strictObject({
  /** A quarter, 2026-Q2. */
  period: z.string().regex(/^\d{4}-Q[1-4]$/, '期次应为季度，如 2026-Q2'),
  template: z.enum(BULLETIN_TEMPLATES),
  /** The 文号 sequence; the next of the year when left out. */
  sequence: z.number().int().min(1).max(9999).optional(),
});
export type BulletinBody = z.infer<typeof BulletinBody>;

export const BulletinPatchBody = z.strictObject({
  /** Section key → the office's wording ({name} placeholders keep figures linked); null restores the generated text. */
  sections: z.record(Id, LongText(20000).nullable()),
});

export const BulletinFileQuery = z.strictObject({ download: z.enum(['true', 'false']).optional() });

export const PreviewSchema = z.object({ pages: z.array(z.string()) });

export const NoticeSheetQuery = z.strictObject({ kind: z.enum(['notification', 'urge']) });
