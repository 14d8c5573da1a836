/** A failed API call, carrying the server's stable error code and its Chinese-first message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The row as it is now, sent with a 412 so the user can see what the other person changed. */
  get current(): Record<string, unknown> | null {
    if (this.status !== 412) return null;
    const details = this.details as { current?: unknown } | null | undefined;
    const current = details?.current;
    return current && typeof current === 'object' ? (current as Record<string, unknown>) : null;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Reads the `{error:{code,message,details}}` body every route answers with when it refuses. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message =
    typeof error?.message === 'string' ? error.message : `请求失败 (request failed, HTTP ${status})`;
  return new ApiError(status, code, message, error?.details);
}

/** The message to show: the server's own, or a plain one for network failures. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
