/**
 * Stable machine-readable error codes with their HTTP status. The message is Chinese first because the
 * people who read it are Chinese office workers; the code is what programs rely on.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 412,
  version_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_document: 422,
  too_many_attempts: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `未找到${what} (not found)`);
export const forbidden = (why = '无权执行此操作 (forbidden)'): AppError => new AppError('forbidden', why);
export const conflict = (why: string, details?: unknown): AppError => new AppError('conflict', why, details);
export const invalid = (why: string, details?: unknown): AppError =>
  new AppError('validation_failed', why, details);

/** Thrown when an update names a version other than the stored one; carries the current row for the client. */
export class StaleVersionError extends AppError {
  constructor(current: unknown) {
    super('stale_version', '数据已被他人修改，请查看最新内容后重新提交 (stale version)', { current });
  }
}
