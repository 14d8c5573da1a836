import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { multipart, ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, type World } from './helpers/world.js';
import { deflatedZeros, docxLike } from './helpers/zip-builder.js';

// A .docx a few hundred kilobytes long that inflates to a gigabyte is refused while it is being unpacked.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(dialects)('a zip-bomb .docx import on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let office: string;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    office = await login(w.app, w.usernames.office);
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  async function planCount(): Promise<number> {
    const res = await ok(w.app, office, { method: 'GET', url: `/api/regions/${w.regionA}/plans` });
    return res.json<unknown[]>().length;
  }

  it.each([
    ['honest about its size', undefined],
    ['lying about its size', 1024],
  ])('answers 413 to a bomb %s, writing nothing', async (_name, declaredSize) => {
    const mib = 1024;
    const bomb = docxLike({ deflated: deflatedZeros(mib), size: mib * 2 ** 20, declaredSize });
    expect(bomb.length).toBeLessThan(4 << 20);
    const before = { plans: await planCount(), version: await storage.dataVersion() };
    const res = await send(w.app, office, {
      method: 'POST',
      url: `/api/regions/${w.regionA}/plans/import`,
      ...multipart('计划.docx', bomb, DOCX),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await planCount()).toBe(before.plans);
    expect(await storage.dataVersion()).toBe(before.version);
  });
});
