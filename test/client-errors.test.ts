import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build } from '../src/http/app.js';
import { clientErrorHandler } from '../src/http/client-errors.js';
import type { Storage } from '../src/db/connection.js';
import { dialects } from './helpers/storage.js';

/** Sends raw bytes (what no HTTP client would let through) and answers the status and the body. */
function rawExchange(port: number, request: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
  });
}

// Only SQLite: the parser refuses these before any route or query, whatever the database.
describe('requests the HTTP parser refuses', () => {
  let storage: Storage;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    storage = await dialects[0]!.open();
    app = await build({ ctx: { storage, filesDir: '', now: () => new Date() }, webRoot: null });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await app.close();
    await storage.close();
  });

  it('answers a header with a control character with the API error body and a stable code', async () => {
    const { status, head, body } = await rawExchange(
      port,
      'GET /api/regions HTTP/1.1\r\nHost: x\r\nCookie: tz_session=a\u0001b\r\n\r\n',
    );
    expect(status).toBe(400);
    expect(head).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
    expect(JSON.parse(body)).toMatchObject({
      error: { code: 'validation_failed', reason: 'request.malformed' },
    });
    expect(JSON.parse(body).error.message).toMatch(/请求格式有误/);
  });

  it('answers headers beyond the limit with 431 and its own code', async () => {
    const { status, body } = await rawExchange(
      port,
      `GET /api/regions HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(status).toBe(431);
    expect(JSON.parse(body)).toMatchObject({
      error: { code: 'headers_too_large', reason: 'request.headers_too_large' },
    });
  });

  it('still answers a well-formed request as before', async () => {
    const { status, body } = await rawExchange(port, 'GET /api/regions HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(status).toBe(401);
    expect(JSON.parse(body).error.reason).toBe('auth.required');
  });
});

describe('the parser refusal of a request too slow', () => {
  it('answers 408 with its code, and nothing on a connection already reset', () => {
    const written: string[] = [];
    let destroyed = 0;
    const socket = {
      destroyed: false,
      writable: true,
      write: (text: string) => written.push(text),
      destroy: () => destroyed++,
    };
    const timeout = Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    clientErrorHandler(timeout, socket as never);
    expect(written[0]).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(written[0]!.split('\r\n\r\n')[1]!).error.reason).toBe('request.timeout');
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    clientErrorHandler(reset, socket as never);
    expect(written).toHaveLength(1);
    expect(destroyed).toBe(1);
  });
});
