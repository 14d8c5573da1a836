import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import { recordMeasurement } from '../../../services/measurement-service.js';
import { actorOf } from '../../request-context.js';
import { presentMeasurement } from './presenter.js';
import { IdParams, MeasurementBody, MeasurementSchema } from './schema.js';

export function registerMeasurementRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/targets/:id/measurements',
    {
      schema: {
        tags: ['targets'],
        params: IdParams,
        body: MeasurementBody,
        response: { 200: z.array(MeasurementSchema) },
      },
    },
    async (request) =>
      (await recordMeasurement(ctx, actorOf(request), request.params.id, request.body)).map(
        presentMeasurement,
      ),
  );
}
