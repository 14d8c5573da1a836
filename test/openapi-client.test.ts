import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../src/db/connection.js';
import { build } from '../src/http/app.js';

/*
 * The web app's client is generated from the server's OpenAPI document and committed. These checks
 * fail when a route changes without `npm run gen:api`, so the browser never calls a shape that is gone.
 */
const committedJson = new URL('../web/src/api/openapi.json', import.meta.url);
const committedTypes = new URL('../web/src/api/schema.d.ts', import.meta.url);

async function serverDocument(): Promise<unknown> {
  const storage = openStorage({ url: ':memory:' });
  const app = await build({
    ctx: { storage, filesDir: '/nonexistent', now: () => new Date() },
    webRoot: null,
  });
  await app.ready();
  const doc: unknown = JSON.parse(JSON.stringify(app.swagger()));
  await app.close();
  await storage.close();
  return doc;
}

/** The CLI prefixes a banner comment; compare the declarations only. */
function declarations(source: string): string {
  return source.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
}

describe('generated web API client', () => {
  it('matches the server OpenAPI document (run `npm run gen:api` after changing routes)', async () => {
    const committed: unknown = JSON.parse(readFileSync(committedJson, 'utf8'));
    expect(committed).toEqual(await serverDocument());
  });

  it('has types generated from the committed document', async () => {
    const doc = JSON.parse(readFileSync(committedJson, 'utf8')) as Parameters<typeof openapiTS>[0];
    const generated = astToString(await openapiTS(doc));
    expect(declarations(readFileSync(committedTypes, 'utf8'))).toBe(declarations(generated));
  });
});
