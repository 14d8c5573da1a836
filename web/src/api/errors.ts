export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * A failed API call: the server's coarse `code`, its exact `reason` and the `params` the screens word it from
 * in the reader's language (i18n/error-text.ts). `message` keeps the server's Chinese text for logs only.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly reason: string | null;
  readonly params: ErrorParams;
  readonly details: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { reason?: string | null; params?: ErrorParams; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.reason = extra.reason ?? null;
    this.params = extra.params ?? {};
    this.details = extra.details;
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
  error?: { code?: unknown; reason?: unknown; message?: unknown; params?: unknown; details?: unknown };
}

function toParams(value: unknown): ErrorParams {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

/** Reads the `{error:{code,reason,message,params,details}}` body every route answers with when it refuses. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(status, code, message, {
    reason: typeof error?.reason === 'string' ? error.reason : null,
    params: toParams(error?.params),
    details: error?.details,
  });
}

/** A call that never got an answer (offline, DNS, a dropped connection). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'network', String(cause));
}
