import type { Insertable } from 'kysely';
import { newId } from '../db/ids.js';
import { insertAccount } from '../db/repositories/account-repository.js';
import { insertRegion, listRegions, setRegionParent } from '../db/repositories/region-repository.js';
import { insertUnit } from '../db/repositories/unit-repository.js';
import type { AccountTable } from '../db/schema.js';
import { SYSTEM_ACTOR } from '../services/actor.js';
import { nowIso, write, type ServiceContext } from '../services/context.js';
import { DEMO_REGIONS } from './fixture.js';

/** The cities above the demo regions, with the slug of their office's demo account. */
const CITIES: Record<string, string> = {
  佛山市: 'foshan',
  珠海市: 'zhuhai',
  河源市: 'heyuan',
  湛江市: 'zhanjiang',
};

/**
 * Puts the four demo regions in a tree: 广东省 → its cities → the demo regions, with an office account for
 * the province (`gd.office`, and a leader `gd.leader`) and for each city (`zhanjiang.office`, …), which
 * follow the regions below them read-only.
 */
export async function loadDemoRegionTree(
  ctx: ServiceContext,
  passwordHash: string,
): Promise<{ regions: number; accounts: number }> {
  const createdAt = nowIso(ctx);
  const existing = new Map((await listRegions(ctx.storage.db)).map((r) => [r.name, r.id]));
  let regions = 0;
  let accounts = 0;
  const addRegion = async (
    name: string,
    kind: string,
    parentId: string | null,
    slug: string,
    officeName: string,
    leader: string | null,
  ): Promise<string> => {
    const id = newId('rgn');
    await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
      await insertRegion(trx, {
        id,
        name,
        kind,
        parent_city: null,
        parent_id: parentId,
        settings: '{}',
        created_at: createdAt,
      });
      const unitId = newId('unit');
      await insertUnit(trx, {
        id: unitId,
        region_id: id,
        name: officeName,
        kind: 'office',
        active: 1,
        version: 1,
        created_at: createdAt,
      });
      const account = (username: string, displayName: string, role: AccountTable['role']) =>
        ({
          id: newId('acct'),
          region_id: id,
          username,
          display_name: displayName,
          password_hash: passwordHash,
          role,
          unit_id: role === 'office' ? unitId : null,
          active: 1,
          created_at: createdAt,
        }) satisfies Insertable<AccountTable>;
      const rows = [account(`${slug}.office`, `${name}委改革办`, 'office')];
      if (leader) rows.push(account(`${slug}.leader`, `${name}${leader}`, 'leader'));
      for (const row of rows) await insertAccount(trx, row);
      accounts += rows.length;
      await audit({
        regionId: id,
        action: 'region.create',
        entity: 'region',
        entityId: id,
        data: { name, kind, parentId },
      });
    });
    regions++;
    return id;
  };

  const province = await addRegion(
    '广东省',
    '省',
    null,
    'gd',
    '省委全面深化改革委员会办公室',
    '省委改革办主任',
  );
  for (const [city, slug] of Object.entries(CITIES)) {
    const cityId = await addRegion(city, '市', province, slug, '市委全面深化改革委员会办公室', null);
    for (const demo of DEMO_REGIONS.filter((r) => r.parentCity === city)) {
      const regionId = existing.get(demo.name);
      if (regionId === undefined) continue;
      await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
        await setRegionParent(trx, regionId, cityId);
        await audit({
          regionId,
          action: 'region.set_parent',
          entity: 'region',
          entityId: regionId,
          data: { parentId: cityId, parentName: city },
        });
      });
    }
  }
  return { regions, accounts };
}
