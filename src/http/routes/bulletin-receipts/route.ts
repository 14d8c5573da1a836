import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgeBulletin,
  bulletinReadings,
  unitBulletinReceipts,
} from '../../../services/bulletin-receipt-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf } from '../../request-context.js';
import { presentReading, presentUnitReceipt } from './presenter.js';
import { IdParams, ReadingSchema, UnitReceiptSchema } from './schema.js';

export function registerBulletinReceiptRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/units/:id/bulletin-receipts',
    {
      schema: { tags: ['bulletins'], params: IdParams, response: { 200: z.array(UnitReceiptSchema) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await unitBulletinReceipts(ctx, actor, request.params.id);
      return rows.map((r) => presentUnitReceipt(r, actor));
    },
  );

  api.post(
    '/bulletins/:id/acknowledge',
    { schema: { tags: ['bulletins'], params: IdParams, response: { 200: UnitReceiptSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return presentUnitReceipt(await acknowledgeBulletin(ctx, actor, request.params.id), actor);
    },
  );

  api.get(
    '/bulletins/:id/readings',
    { schema: { tags: ['bulletins'], params: IdParams, response: { 200: z.array(ReadingSchema) } } },
    async (request) => (await bulletinReadings(ctx, actorOf(request), request.params.id)).map(presentReading),
  );
}
