import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../services/errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}

function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Maps Fastify's own error codes to ours, so a client sees one vocabulary whatever layer refused. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

const MESSAGES: Readonly<Partial<Record<ErrorCode, string>>> = {
  payload_too_large: '提交的内容过大 (payload too large)',
  unsupported_media_type: '不支持的内容类型 (unsupported media type)',
  validation_failed: '提交的内容格式有误 (validation failed)',
};

export function errorHandler(
  error: FastifyError | AppError | ZodError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof AppError) {
    void reply.status(error.status).send(body(error.code, error.message, error.details));
    return;
  }
  const validation = (error as FastifyError).validation;
  if (error instanceof ZodError || validation) {
    const cause = (error as { cause?: unknown }).cause;
    const details =
      error instanceof ZodError
        ? zodIssues(error)
        : cause instanceof ZodError
          ? zodIssues(cause)
          : validation;
    void reply
      .status(400)
      .send(
        body(
          'validation_failed',
          `${MESSAGES.validation_failed}：${(error as FastifyError).validationContext ?? 'body'}`,
          details,
        ),
      );
    return;
  }
  const mapped = FASTIFY_CODES[(error as FastifyError).code ?? ''];
  if (mapped) {
    void reply.status(ERROR_STATUS[mapped]).send(body(mapped, MESSAGES[mapped] ?? error.message));
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    void reply.status(status).send(body(status === 404 ? 'not_found' : 'validation_failed', error.message));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(body('internal_error', '服务器内部错误，请稍后再试 (internal error)'));
}
