import { z } from 'zod';
import { CanSchema, IdParams } from '../../schemas.js';

export { IdParams };

/** A bulletin as one unit received it (收到通报). */
export const UnitReceiptSchema = z.object({
  bulletinId: z.string(),
  unitId: z.string(),
  documentNumber: z.string(),
  title: z.string(),
  period: z.string(),
  publishedAt: z.string().nullable(),
  receivedAt: z.string(),
  readAt: z.string().nullable(),
  can: CanSchema(['acknowledge']),
});
export type UnitReceipt = z.infer<typeof UnitReceiptSchema>;

/** One unit a bulletin reached, and whether (and by whom) it has been read. */
export const ReadingSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  receivedAt: z.string(),
  readAt: z.string().nullable(),
  readerName: z.string().nullable(),
});
export type Reading = z.infer<typeof ReadingSchema>;
