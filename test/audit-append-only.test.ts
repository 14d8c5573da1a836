/**
 * The audit log resists someone with write access to the database: the database itself refuses UPDATE and
 * DELETE of events; a forger who drops those guards and recomputes the hashes without TAIZHANG_AUDIT_KEY is
 * caught when a key is set; and cutting the tail is caught by checking the head an operator wrote down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { keyFingerprint, useAuditKeys } from '../src/db/audit-key.js';
import { recordAuditKey, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { createRegion } from '../src/services/region-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { runCli } from './helpers/cli.js';
import { cliTargets, type CliDatabase } from './helpers/cli-databases.js';
import { dropAuditGuards, rehashWithoutKey, truncateAfter } from './helpers/audit-forger.js';
import { TODAY } from './helpers/world.js';

const targets = cliTargets('taizhang-append-only-');

const KEY = 'k1-0123456789abcdef0123456789abcdef';
const NEXT_KEY = 'k2-fedcba9876543210fedcba9876543210';
const files = mkdtempSync(join(tmpdir(), 'taizhang-append-only-files-'));
afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

async function seed(storage: Storage, units = 3): Promise<void> {
  const ctx: ServiceContext = { storage, filesDir: files, now: () => TODAY };
  const region = await createRegion(ctx, SYSTEM_ACTOR, { name: `审计区${Math.random()}`, kind: '区' });
  for (let i = 0; i < units; i++)
    await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: `单位${i}`, kind: 'department' });
}

/** What `taizhang serve` does first: write the configured key into every chain. */
async function serverStart(storage: Storage): Promise<void> {
  await storage.transact((trx) => recordAuditKey(trx, storage.dialect, TODAY.toISOString()));
}

async function refused(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'accepted';
}

describe.each(targets)('append-only, keyed audit chain on $name', (target) => {
  const opened: CliDatabase[] = [];
  const open = async () => {
    const o = await target.open();
    opened.push(o);
    return o;
  };
  afterEach(async () => {
    useAuditKeys({ current: null, previous: [] });
    for (const o of opened.splice(0)) {
      await o.storage.close();
      await o.cleanup();
    }
  });

  it('refuses UPDATE and DELETE of events at the database, while appends keep moving the head', async () => {
    const { storage } = await open();
    await seed(storage);
    expect(await refused(sql`UPDATE audit_events SET data = '{}' WHERE seq = 2`.execute(storage.db))).toMatch(
      /append-only/,
    );
    expect(await refused(sql`DELETE FROM audit_events WHERE seq = 4`.execute(storage.db))).toMatch(
      /append-only/,
    );
    if (target.name === 'postgres')
      expect(await refused(sql`TRUNCATE audit_events`.execute(storage.db))).toMatch(/append-only/);
    await seed(storage, 1);
    expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 6 });
  });

  it('keys every chain: rotation recorded by fingerprint, verification needs the key', async () => {
    const { storage, databaseUrl } = await open();
    await seed(storage, 1); // two events under no key, as an existing database has
    useAuditKeys({ current: KEY, previous: [] });
    // As the server does at start: the key change goes into every chain (the region's and the installation's).
    await serverStart(storage);
    await seed(storage, 1); // a new region: its chain starts unkeyed and rotates at its first event
    const rotation = await storage.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.key_rotated')
      .orderBy('seq')
      .execute();
    expect(rotation).toHaveLength(3);
    expect(rotation.map((r) => r.chain_seq)).toEqual([1, 3, 1]);
    for (const r of rotation) {
      expect(JSON.parse(r.data)).toEqual({ fingerprint: keyFingerprint(KEY), previous: null });
      expect(r.data).not.toContain(KEY);
    }
    expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 7 });

    const withKey = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl, TAIZHANG_AUDIT_KEY: KEY });
    expect(withKey.stderr).toBe('');
    expect(withKey.code).toBe(0);
    const without = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl, TAIZHANG_AUDIT_KEY: '' });
    expect(without.code).not.toBe(0);
    expect(without.stderr).toContain(keyFingerprint(KEY));
    expect(without.stderr).toMatch(/TAIZHANG_AUDIT_KEY/);

    // Rotation: the new key applies from the next event, the old one is still needed for the events before.
    useAuditKeys({ current: NEXT_KEY, previous: [KEY] });
    await serverStart(storage);
    await seed(storage, 1);
    expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 13 });
    const both = await runCli(['verify-audit'], {
      DATABASE_URL: databaseUrl,
      TAIZHANG_AUDIT_KEY: NEXT_KEY,
      TAIZHANG_AUDIT_KEY_PREVIOUS: `other-key-000000000000,${KEY}`,
    });
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    const onlyNew = await runCli(['verify-audit'], {
      DATABASE_URL: databaseUrl,
      TAIZHANG_AUDIT_KEY: NEXT_KEY,
    });
    expect(onlyNew.code).not.toBe(0);
    expect(onlyNew.stderr).toContain(keyFingerprint(KEY));
  });

  it('asks for the current key at the end of every chain, not only the last one written', async () => {
    const { storage } = await open();
    await seed(storage, 1);
    useAuditKeys({ current: KEY, previous: [] });
    await seed(storage, 1);
    // The first region's chain has not been written under the key, and no server start recorded it there.
    expect(await verifyAuditChain(storage.db)).toMatchObject({
      ok: false,
      brokenAt: { reason: 'not_current_key', chainSeq: 2 },
    });
    await serverStart(storage);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it('catches an edit made with the guards dropped and the hashes recomputed without the key', async () => {
    const { storage, databaseUrl } = await open();
    useAuditKeys({ current: KEY, previous: [] });
    await seed(storage);
    expect((await verifyAuditChain(storage.db)).ok).toBe(true);
    await dropAuditGuards(storage);
    await sql`UPDATE audit_events SET data = ${'{"name":"伪造"}'} WHERE seq = 3`.execute(storage.db);
    await rehashWithoutKey(storage);
    // A verifier without the key cannot read past the rotation, let alone vouch for the forgery.
    expect((await verifyAuditChain(storage.db, { current: null, previous: [] })).ok).toBe(false);
    const check = await verifyAuditChain(storage.db);
    expect(check.ok).toBe(false);
    expect(check.brokenAt?.seq).toBe(2);
    const cli = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl, TAIZHANG_AUDIT_KEY: KEY });
    expect(cli.code).not.toBe(0);

    // Nor does dropping the rotation event and presenting an unkeyed chain help.
    await sql`DELETE FROM audit_events WHERE action = 'audit.key_rotated'`.execute(storage.db);
    await sql`UPDATE audit_events SET seq = seq - 1, chain_seq = chain_seq - 1`.execute(storage.db);
    await rehashWithoutKey(storage);
    expect(await verifyAuditChain(storage.db, { current: null, previous: [] })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(storage.db)).toMatchObject({
      ok: false,
      brokenAt: { reason: 'not_current_key' },
    });
  });

  it('prints the head as HASH@SEQ and --expect-head catches a truncated tail', async () => {
    const { storage, databaseUrl } = await open();
    await seed(storage, 4);
    const env = { DATABASE_URL: databaseUrl };
    const first = await runCli(['verify-audit'], env);
    expect(first.code).toBe(0);
    const head = /\b([0-9a-f]{64})@(\d+)\b/.exec(first.stdout);
    expect(head?.[2]).toBe('5');
    const anchor = `${head![1]}@${head![2]}`;
    expect((await runCli(['verify-audit', '--expect-head', anchor], env)).code).toBe(0);

    // Later writes keep the anchored event: still fine.
    await seed(storage, 1);
    expect((await runCli(['verify-audit', '--expect-head', anchor], env)).code).toBe(0);

    await dropAuditGuards(storage);
    await truncateAfter(storage, 3);
    // The cut chain is self-consistent, so only the anchor can tell.
    expect((await runCli(['verify-audit'], env)).code).toBe(0);
    const cut = await runCli(['verify-audit', '--expect-head', anchor], env);
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toMatch(/seq=5\b/);
    expect((await runCli(['verify-audit', '--expect-head', 'nonsense'], env)).code).toBe(2);
    // Seven runs of the CLI, each starting tsx: slow on a busy machine.
  }, 120_000);
});
