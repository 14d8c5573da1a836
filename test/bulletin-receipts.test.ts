/**
 * 收到通报 on each dialect: publishing a bulletin leaves a receipt in the work page of each unit it names
 * (and of no other), the unit's staff say 已阅 once, and the office sees which units have read it.
 */
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../src/db/repositories/audit-repository.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

interface Receipt {
  bulletinId: string;
  unitId: string;
  documentNumber: string;
  title: string;
  readAt: string | null;
  can: { acknowledge: boolean };
}
interface Reading {
  unitId: string;
  unitName: string;
  readAt: string | null;
  readerName: string | null;
}

describe.each(dialects)('bulletin receipts on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1', 'reporter2', 'head2', 'leader']);

  const receipts = async (unitId: string, cookie = suite.cookies.office) =>
    (await ok(suite.w.app, cookie, { method: 'GET', url: `/api/units/${unitId}/bulletin-receipts` })).json<
      Receipt[]
    >();
  const readings = async (id: string) =>
    (
      await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/bulletins/${id}/readings` })
    ).json<Reading[]>();
  const acknowledge = (id: string, cookie: string) =>
    send(suite.w.app, cookie, { method: 'POST', url: `/api/bulletins/${id}/acknowledge` });

  it('delivers a published bulletin to each unit it names, and only then', async () => {
    const { w, cookies } = suite;
    const draft = (
      await ok(w.app, cookies.office, {
        method: 'POST',
        url: `/api/regions/${w.regionA}/bulletins`,
        payload: { period: '2026-Q2', template: 'tracking' },
      })
    ).json<{ id: string; version: number; namedUnits: { id: string; name: string }[] }>();
    const named = draft.namedUnits.map((u) => u.id);
    expect(named).toEqual([w.units.dept1, w.units.dept2, w.units.town1]);
    // A draft reaches nobody: it is still the office's working copy.
    expect(await receipts(w.units.dept2)).toEqual([]);
    expect(await readings(draft.id)).toEqual([]);
    const acknowledgeDraft = await acknowledge(draft.id, cookies.reporter2);
    expect(acknowledgeDraft.statusCode).toBe(404);

    const published = (
      await ok(w.app, cookies.office, {
        method: 'POST',
        url: `/api/bulletins/${draft.id}/publish`,
        headers: { 'if-match': `"${draft.version}"` },
      })
    ).json<{ documentNumber: string; title: string }>();
    for (const unitId of named) {
      const [receipt, ...more] = await receipts(unitId);
      expect(more).toEqual([]);
      expect(receipt).toMatchObject({
        bulletinId: draft.id,
        unitId,
        documentNumber: published.documentNumber,
        title: published.title,
        readAt: null,
      });
      // The office lists it but may not say 已阅 for the unit.
      expect(receipt!.can.acknowledge).toBe(false);
    }
    expect(await receipts(w.units.office)).toEqual([]);
    const [own] = await receipts(w.units.dept2, cookies.reporter2);
    expect(own!.can.acknowledge).toBe(true);
    expect((await readings(draft.id)).map((r) => [r.unitName, r.readAt])).toEqual([
      ['区发展和改革局', null],
      ['区教育局', null],
      ['东城街道', null],
    ]);

    // A unit's staff read only their own unit's receipts.
    const others = await send(w.app, cookies.reporter2, {
      method: 'GET',
      url: `/api/units/${w.units.dept1}/bulletin-receipts`,
    });
    expect(others.statusCode).toBe(403);
  });

  it('records the unit’s 已阅 once, shows it to the office, and refuses others', async () => {
    const { w, cookies } = suite;
    const [receipt] = await receipts(w.units.dept2);
    const id = receipt!.bulletinId;

    const read = await acknowledge(id, cookies.reporter2);
    expect(read.statusCode).toBe(200);
    const first = read.json<Receipt>();
    expect(first.readAt).not.toBeNull();
    expect(first.can.acknowledge).toBe(false);
    // The unit head saying it again keeps the reporter's first reading.
    const again = await acknowledge(id, cookies.head2);
    expect(again.statusCode).toBe(200);
    expect(again.json<Receipt>().readAt).toBe(first.readAt);

    const byUnit = Object.fromEntries((await readings(id)).map((r) => [r.unitId, r]));
    expect(byUnit[w.units.dept2]).toMatchObject({ readAt: first.readAt, readerName: expect.any(String) });
    expect(byUnit[w.units.dept2]!.readerName).not.toBe('');
    expect(byUnit[w.units.dept1]!.readAt).toBeNull();

    // Nobody says 已阅 for a unit that is not theirs, nor the office for anyone.
    for (const cookie of [cookies.office, cookies.leader]) {
      const refused = await acknowledge(id, cookie);
      expect(refused.statusCode).toBe(403);
    }
    // Units see only their own receipts; who has read it is for those who oversee the region.
    const peek = await send(w.app, cookies.reporter1, {
      method: 'GET',
      url: `/api/bulletins/${id}/readings`,
    });
    expect(peek.statusCode).toBe(403);
    expect((await receipts(w.units.dept1, cookies.reporter1))[0]!.readAt).toBeNull();
    // One audit event for the one reading, none for the repeat or the refusals.
    const events = await listAuditEvents(w.ctx.storage.db, 'bulletin', id);
    expect(events.filter((e) => e.action === 'bulletin.read')).toHaveLength(1);
  });
});
