import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/*
 * Headers every answer carries, in one place.
 *
 * The web app's policy allows scripts from this origin and, by hash, the one inline script of index.html
 * (it starts the first API calls before the app's JavaScript has loaded; hashing it at start-up keeps it
 * working without allowing inline scripts in general). Ant Design writes its styles into <style> elements
 * at run time, so styles need 'unsafe-inline'; the favicon is a data: URL. API answers get a policy that
 * allows nothing, and a sandbox: an uploaded file opened from its URL cannot run anything as this origin.
 */

export interface SecurityHeaderOptions {
  /** Built single-page app, whose index.html's inline scripts the policy allows by hash. */
  webRoot: string | null;
  /** Behind HTTPS: send Strict-Transport-Security. */
  https: boolean;
}

/** A year: browsers remember to use HTTPS that long. Without includeSubDomains, other hosts are unaffected. */
const HSTS = 'max-age=31536000';

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** sha256 sources for every inline <script> (one without src) of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

export function appPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptHashes].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function indexHtmlOf(webRoot: string | null): string {
  const file = webRoot ? join(webRoot, 'index.html') : null;
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function isApi(path: string): boolean {
  return path.startsWith('/api/') && !path.startsWith('/api/docs');
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  // Built once: these hooks run on every request, and a fresh object per answer showed in profiles.
  const common = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    ...(options.https && { 'strict-transport-security': HSTS }),
  };
  const apiHeaders = {
    ...common,
    'content-security-policy': API_POLICY,
    'cross-origin-resource-policy': 'same-origin',
  };
  const pageHeaders = {
    ...common,
    'content-security-policy': appPolicy(inlineScriptHashes(indexHtmlOf(options.webRoot))),
  };
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(isApi(request.url) ? apiHeaders : pageHeaders);
    done();
  });
  // API answers carry personal data: no cache keeps them, unless the route chose its own caching (the
  // ledger and dashboard answer `private, no-cache` with an ETag, revalidated on every use).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
