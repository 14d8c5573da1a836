import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, fail, type ErrorCode, type ErrorParams, type Reason } from '../services/errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; reason: Reason; message: string; params?: ErrorParams; details?: unknown };
}

export function errorBody(error: AppError): ErrorBody {
  const hasParams = Object.keys(error.params).length > 0;
  return {
    error: {
      code: error.code,
      reason: error.reason,
      message: error.message,
      ...(hasParams && { params: error.params }),
      ...(error.details !== undefined && { details: error.details }),
    },
  };
}

function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Fastify's validation entries (`instancePath: '/tags/1'`) in the same `{ path: 'tags.1', message }` shape. */
function validationIssues(
  validation: NonNullable<FastifyError['validation']>,
): { path: string; message: string }[] {
  return validation.map((v) => ({
    path: v.instancePath.split('/').filter(Boolean).join('.'),
    message: v.message ?? '',
  }));
}

/** Maps Fastify's own error codes to our reasons, so a client sees one vocabulary whatever layer refused. */
const FASTIFY_REASONS: Readonly<Record<string, Reason>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_REQ_FILE_TOO_LARGE: 'request.too_large',
  FST_FILES_LIMIT: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.unsupported_media_type',
};

function toAppError(error: FastifyError | ZodError | Error): AppError | null {
  const validation = (error as FastifyError).validation;
  if (error instanceof ZodError || validation) {
    const cause = (error as { cause?: unknown }).cause;
    const details =
      error instanceof ZodError
        ? zodIssues(error)
        : cause instanceof ZodError
          ? zodIssues(cause)
          : validation && validationIssues(validation);
    return fail('request.invalid', { where: (error as FastifyError).validationContext ?? 'body' }, details);
  }
  const code = (error as FastifyError).code ?? '';
  const mapped = FASTIFY_REASONS[code];
  if (mapped) return fail(mapped);
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return status === 404 ? fail('request.no_route') : fail('request.invalid', { where: error.message });
  }
  return null;
}

export function errorHandler(
  error: FastifyError | AppError | ZodError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = error instanceof AppError ? error : toAppError(error);
  if (known) {
    // A refusal that lifts by itself says when (login throttling): clients and proxies read Retry-After.
    const retryAfter = known.params.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(known.status).send(errorBody(known));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(errorBody(fail('request.failed')));
}
