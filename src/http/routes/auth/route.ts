import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changeOwnPassword, login, logout } from '../../../services/auth-service.js';
import { SESSION_COOKIE, type AppOptions } from '../../app-options.js';
import { actorOf } from '../../request-context.js';
import { presentMe } from './presenter.js';
import { LoginBody, MeSchema, OkSchema, PasswordChangeBody } from './schema.js';

export function registerAuthRoutes(app: FastifyInstance, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  api.post(
    '/auth/login',
    { schema: { tags: ['auth'], security: [], body: LoginBody, response: { 200: MeSchema } } },
    async (request, reply) => {
      const result = await login(ctx, request.body, request.ip);
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies ?? false,
        expires: new Date(result.expiresAt),
      });
      return presentMe(result.actor);
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['auth'], response: { 200: OkSchema } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(ctx, actorOf(request), token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  api.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码 / change one’s own password (ends the account’s other sessions)',
        body: PasswordChangeBody,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await changeOwnPassword(
        ctx,
        actorOf(request),
        request.cookies[SESSION_COOKIE] ?? '',
        request.body,
        request.ip,
      );
      return { ok: true };
    },
  );

  api.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeSchema } } }, (request) =>
    presentMe(actorOf(request)),
  );
}
