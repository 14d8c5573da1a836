import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { toApiError } from './errors';

/** The one typed client of the API, generated from the server's OpenAPI document (npm run gen:api). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns openapi-fetch's {data, error} into a value or a thrown ApiError, so callers handle errors once. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok || error !== undefined) throw toApiError(response.status, error);
  return data as T;
}

/** If-Match header for an optimistic-locking write based on `version`. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/**
 * An uploaded file as the body of a route that takes multipart: the OpenAPI document describes it in prose,
 * not as a body, so the FormData passes through openapi-fetch as it is. Spread into the call's options.
 */
export function fileBody(file: File): { body: never; bodySerializer: (body: unknown) => FormData } {
  const form = new FormData();
  form.append('file', file, file.name);
  return { body: form as never, bodySerializer: (body: unknown) => body as FormData };
}
