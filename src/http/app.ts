import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { JSON_BODY_LIMIT_BYTES, UPLOAD_LIMIT_BYTES } from '../domain/limits.js';
import type { Actor } from '../services/actor.js';
import { rememberedSession, resolveSession } from '../services/auth-service.js';
import { fail } from '../services/errors.js';
import { SESSION_COOKIE, type AppOptions } from './app-options.js';
import { clientErrorHandler } from './client-errors.js';
import { errorBody, errorHandler } from './errors.js';
import { registerOriginCheck } from './request-origin.js';
import { registerRoutes } from './routes/index.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerStaticAssets } from './static-assets.js';
import './request-context.js';

const PUBLIC_API = new Set(['/api/auth/login', '/api/openapi.json']);

/** Builds the app without listening, so tests drive it in-process and the CLI decides the port. */
export async function build(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);

  const webRoot =
    options.webRoot === undefined ? fileURLToPath(new URL('../web/', import.meta.url)) : options.webRoot;
  registerSecurityHeaders(app, { webRoot, https: options.secureCookies ?? false });
  registerOriginCheck(app);

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 10 },
    throwFileSizeLimit: true,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '台账 Taizhang API',
        version: '0.1.0',
        description: '改革任务台账 reform-task ledger API',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Not an async hook: a session checked a moment ago is answered in this call, without the promise and the
  // turns of the microtask queue an async hook costs every API call.
  app.addHook('onRequest', (request, _reply, done) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || PUBLIC_API.has(path) || path.startsWith('/api/docs')) {
      done();
      return;
    }
    const admit = (actor: Actor | null | undefined) => {
      if (actor) request.actor = actor;
      done(actor ? undefined : fail('auth.required'));
    };
    const token = request.cookies[SESSION_COOKIE];
    const remembered = token ? rememberedSession(options.ctx, token) : null;
    if (token && remembered === undefined) void resolveSession(options.ctx, token).then(admit, done);
    else admit(remembered);
  });

  app.get('/healthz', { schema: { hide: true } }, () => ({ ok: true }));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(
    (api, _opts, done) => {
      registerRoutes(api, options);
      done();
    },
    { prefix: '/api' },
  );

  if (webRoot && existsSync(webRoot)) {
    await registerStaticAssets(app, webRoot);
  } else {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody(fail('request.no_route'))));
  }
  return app;
}
