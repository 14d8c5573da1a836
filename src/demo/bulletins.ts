// The demo's bulletin archive: each district's latest finished quarter, drafted, numbered 1 of the year and
// published by its reform office through the same use cases the office uses, so the archive is not empty
// and the units it names find it in their work pages. No PDF is made here: that waits for a reader.
import { listAccounts } from '../db/repositories/account-repository.js';
import { listRegions } from '../db/repositories/region-repository.js';
import { periodOf, previousPeriod } from '../domain/periods.js';
import { actorOfAccount } from '../services/actor.js';
import { createBulletin, publishBulletin } from '../services/bulletin-service.js';
import { db, today, type ServiceContext } from '../services/context.js';

/** The quarter a demo bulletin reports on: the last one that has ended. */
export function latestFinishedQuarter(day: string): string {
  return previousPeriod(periodOf('quarterly', day));
}

export async function loadDemoBulletins(ctx: ServiceContext): Promise<number> {
  const period = latestFinishedQuarter(today(ctx));
  // The province and its cities follow the districts below them and publish no bulletin of their own.
  const districts = (await listRegions(db(ctx))).filter((r) => r.kind !== '省' && r.kind !== '市');
  let published = 0;
  for (const region of districts) {
    const office = (await listAccounts(db(ctx), region.id)).find((a) => a.role === 'office');
    if (!office) continue;
    const actor = actorOfAccount(office);
    const draft = await createBulletin(ctx, actor, region.id, { period, template: 'tracking' });
    await publishBulletin(ctx, actor, draft.row.id, draft.row.version);
    published++;
  }
  return published;
}
