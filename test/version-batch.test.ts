/**
 * Region data versions asked for in one turn of the event loop are read together (src/db/version-batch.ts), and
 * a version asked for after a write always includes it: on the real storage of each dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { appendAuditEvent } from '../src/db/repositories/audit-repository.js';
import { batchedVersions } from '../src/db/version-batch.js';
import { testAuditEvent } from './helpers/audit-event.js';
import { dialects } from './helpers/storage.js';

describe('batched version reads', () => {
  it('reads the versions asked for in one turn in one read, and each caller gets its own region’s', async () => {
    const reads: string[][] = [];
    const version = batchedVersions((ids) => {
      reads.push([...ids]);
      return Promise.resolve(new Map(ids.map((id) => [id, id.length])));
    });
    const answers = await Promise.all([version('a'), version('bbb'), version('a')]);
    expect(answers).toEqual([1, 3, 1]);
    expect(reads).toEqual([['a', 'bbb']]);
    // A later turn reads again: nothing read before is reused.
    expect(await version('a')).toBe(1);
    expect(reads).toHaveLength(2);
  });

  it('fails every caller of a batch whose read fails, and the next batch reads afresh', async () => {
    let fail = true;
    const version = batchedVersions((ids) =>
      fail
        ? Promise.reject(new Error('connection lost'))
        : Promise.resolve(new Map(ids.map((id) => [id, 7]))),
    );
    const answers = await Promise.allSettled([version('a'), version('b')]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await version('a')).toBe(7);
  });
});

describe.each(dialects)('region data versions on $name', (dialect) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await dialect.open();
  });
  afterAll(async () => {
    await storage.close();
  });

  const write = (regionId: string | null) =>
    storage.transact(
      (trx) => appendAuditEvent(trx, dialect.name, testAuditEvent(regionId, '2026-06-15T04:00:00.000Z')),
      regionId,
    );

  it('counts a region’s writes and the installation’s, and sees a write as soon as it is committed', async () => {
    expect(await Promise.all([storage.regionDataVersion('va'), storage.regionDataVersion('vb')])).toEqual([
      0, 0,
    ]);
    await write('va');
    await write('va');
    await write('vb');
    expect(await Promise.all([storage.regionDataVersion('va'), storage.regionDataVersion('vb')])).toEqual([
      2, 1,
    ]);
    await write(null);
    expect(await storage.regionDataVersion('va')).toBe(3);
    // Asked for beside a write in flight: the answer is either side of it, and the next one after it.
    const [, during] = await Promise.all([write('va'), storage.regionDataVersion('va')]);
    expect([3, 4]).toContain(during);
    expect(await storage.regionDataVersion('va')).toBe(4);
  });
});
