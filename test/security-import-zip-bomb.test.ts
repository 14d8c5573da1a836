import { describe, expect, it } from 'vitest';
import { multipart, ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';
import { deflatedZeros, docxLike } from './helpers/zip-builder.js';

// A .docx a few hundred kilobytes long that inflates to a gigabyte is refused while it is being unpacked.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(dialects)('a zip-bomb .docx import on $name', (dialect) => {
  const s = worldSuite(dialect, ['office']);

  async function planCount(): Promise<number> {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/plans`,
    });
    return res.json<unknown[]>().length;
  }

  it.each([
    ['honest about its size', undefined],
    ['lying about its size', 1024],
  ])('answers 413 to a bomb %s, writing nothing', async (_name, declaredSize) => {
    const mib = 1024;
    const bomb = docxLike({ deflated: deflatedZeros(mib), size: mib * 2 ** 20, declaredSize });
    expect(bomb.length).toBeLessThan(4 << 20);
    const before = { plans: await planCount(), version: await s.storage.dataVersion() };
    const res = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/plans/import`,
      ...multipart('计划.docx', bomb, DOCX),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await planCount()).toBe(before.plans);
    expect(await s.storage.dataVersion()).toBe(before.version);
  });
});
