// Bulletins (通报) made through the API for the role matrix, and a stand-in for LibreOffice so the matrix
// checks who may fetch a PDF without running a conversion per caller (test/bulletin-pdf.test.ts runs the
// real one).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../src/services/context.js';
import { ok, tinyPdf } from './http.js';

export interface BulletinFixture {
  id: string;
  version: number;
}

export async function draftBulletin(
  app: FastifyInstance,
  office: string,
  regionId: string,
): Promise<BulletinFixture> {
  const res = await ok(app, office, {
    method: 'POST',
    url: `/api/regions/${regionId}/bulletins`,
    payload: { period: '2026-Q2', template: 'tracking' },
  });
  return res.json<BulletinFixture>();
}

const published = new WeakMap<FastifyInstance, Promise<BulletinFixture>>();

/** One published bulletin per app, made on first use. */
export function publishedBulletin(
  app: FastifyInstance,
  office: string,
  regionId: string,
): Promise<BulletinFixture> {
  let made = published.get(app);
  if (made === undefined) {
    made = (async () => {
      const draft = await draftBulletin(app, office, regionId);
      const res = await ok(app, office, {
        method: 'POST',
        url: `/api/bulletins/${draft.id}/publish`,
        headers: { 'if-match': `"${draft.version}"` },
      });
      return res.json<BulletinFixture>();
    })();
    published.set(app, made);
  }
  return made;
}

/** Points the app's PDF rendering at a script that answers at once with a one-page PDF. */
export function fakePdfConverter(ctx: ServiceContext): void {
  if (ctx.pdf?.binary?.includes('fake-soffice')) return;
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-fake-soffice-'));
  writeFileSync(join(dir, 'page.pdf'), tinyPdf('bulletin'));
  const script = join(dir, 'fake-soffice');
  writeFileSync(
    script,
    `#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done\nmkdir -p "$out" && cp "${join(dir, 'page.pdf')}" "$out/bulletin.pdf"\n`,
  );
  chmodSync(script, 0o755);
  ctx.pdf = { binary: script, timeoutMs: 10_000 };
}
