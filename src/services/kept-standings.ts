import { chainHeadsOfRegions, changesSince, type ChainHeads } from '../db/repositories/audit-repository.js';
import { leavesStanding, MAX_KEPT_CHANGES } from '../domain/region-changes.js';
import { db, perContext, type ServiceContext } from './context.js';
import { regionStandings, type RegionStanding } from './region-standing.js';

/** A region's standing as of a day and a place in its chain and the installation's. */
interface KeptStanding {
  day: string;
  heads: ChainHeads;
  standing: RegionStanding;
}

/** One per region, replaced when it no longer holds: as many as the regions a roll-up reads. */
const keptOf = perContext(() => new Map<string, KeptStanding>());

/**
 * The standings of the regions as they stand now. A region's kept standing holds while its chain has not
 * moved, and after writes it never reads (a working day's logins move every chain: see leavesStanding); the
 * others are read together, in one query per kind, and kept.
 */
export async function standingsAt(
  ctx: ServiceContext,
  regionIds: readonly string[],
  day: string,
  redListLength: number,
): Promise<Map<string, RegionStanding>> {
  const kept = keptOf(ctx);
  const heads = await chainHeadsOfRegions(db(ctx), regionIds);
  const standings = new Map<string, RegionStanding>();
  await Promise.all(
    regionIds.map(async (id) => {
      const found = kept.get(id);
      const now = heads.get(id)!;
      if (!found || found.day !== day || found.heads.installation !== now.installation) return;
      if (found.heads.region < now.region) {
        const changes = await changesSince(db(ctx), id, found.heads.region, MAX_KEPT_CHANGES + 1);
        if (!leavesStanding(changes)) return;
        kept.set(id, { ...found, heads: now });
      }
      standings.set(id, found.standing);
    }),
  );
  // Read after the heads: a standing built now holds at least what they say.
  const built = await regionStandings(
    ctx,
    regionIds.filter((id) => !standings.has(id)),
    day,
    redListLength,
  );
  for (const [id, standing] of built) {
    kept.set(id, { day, heads: heads.get(id)!, standing });
    standings.set(id, standing);
  }
  return standings;
}
