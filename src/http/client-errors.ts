import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { fail, type Reason } from '../services/errors.js';
import { errorBody } from './errors.js';

/** Node's parser codes for a request's headers beyond its limit, and for a request that came too slowly. */
const REFUSALS: Readonly<Record<string, Reason>> = {
  HPE_HEADER_OVERFLOW: 'request.headers_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request.timeout',
};

/**
 * Answers what Node's HTTP parser refuses before any route sees it (a header with a control character, a
 * malformed request line, headers too large, a request too slow) with the API's own error body and code:
 * Fastify's default answers these with an English body of another shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A connection reset has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = fail(REFUSALS[error.code ?? ''] ?? 'request.malformed');
  const body = JSON.stringify(errorBody(refusal));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        `Connection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
