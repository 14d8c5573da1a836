import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calendarYear, deadlinePreview, replaceCalendarYear } from '../../../services/calendar-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { actorOf } from '../../request-context.js';
import { presentHolidayYear } from './presenter.js';
import { DeadlineQuery, DeadlineSchema, HolidayYearBody, HolidayYearSchema, YearParams } from './schema.js';

export function registerCalendarRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/calendar/years/:year',
    { schema: { tags: ['calendar'], params: YearParams, response: { 200: HolidayYearSchema } } },
    async (request) => presentHolidayYear(await calendarYear(ctx, actorOf(request), request.params.year)),
  );

  api.put(
    '/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        params: YearParams,
        body: HolidayYearBody,
        response: { 200: HolidayYearSchema },
      },
    },
    async (request) =>
      presentHolidayYear(await replaceCalendarYear(ctx, actorOf(request), request.params.year, request.body)),
  );

  api.get(
    '/calendar/deadline',
    { schema: { tags: ['calendar'], querystring: DeadlineQuery, response: { 200: DeadlineSchema } } },
    async (request) => deadlinePreview(ctx, actorOf(request), request.query.workingDays),
  );
}
