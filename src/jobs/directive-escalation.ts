import { newId } from '../db/ids.js';
import {
  insertDirectiveNotices,
  listDirectives,
  urgedCheckpointsOf,
} from '../db/repositories/directive-repository.js';
import { listRegions } from '../db/repositories/region-repository.js';
import type { DirectiveCheckpointKind, DirectiveNoticeTable } from '../db/schema.js';
import type { Insertable } from 'kysely';
import { checkpointsToUrge } from '../domain/directives.js';
import { SYSTEM_ACTOR } from '../services/actor.js';
import { db, nowIso, write, type ServiceContext } from '../services/context.js';
import { progressOfMany } from '../services/directive-progress.js';

const STAGE: Readonly<Record<DirectiveCheckpointKind, string>> = {
  deployed: '部署',
  acting: '行动',
  effect: '见效',
};

/**
 * The directives' part of the daily escalation: a 催办 to the lead unit for each checkpoint past due with
 * nothing shown (一天有部署、一周有行动、一月有效果). Each checkpoint is urged once, however often it runs.
 */
export async function runDirectiveEscalation(ctx: ServiceContext): Promise<{ urge: number }> {
  let urge = 0;
  for (const region of await listRegions(db(ctx))) {
    const directives = await listDirectives(db(ctx), { regionId: region.id });
    if (directives.length === 0) continue;
    const [progress, urgedRows] = await Promise.all([
      progressOfMany(ctx, region.id, directives),
      urgedCheckpointsOf(db(ctx), region.id),
    ]);
    const urged = new Map<string, Set<DirectiveCheckpointKind>>();
    for (const r of urgedRows)
      urged.set(r.directive_id, (urged.get(r.directive_id) ?? new Set()).add(r.checkpoint));
    const notices: Insertable<DirectiveNoticeTable>[] = [];
    for (const d of directives) {
      const missed = checkpointsToUrge(progress.get(d.id)!.checkpoints, urged.get(d.id) ?? new Set());
      for (const c of missed)
        notices.push({
          id: newId('dntc'),
          region_id: region.id,
          directive_id: d.id,
          unit_id: d.lead_unit_id,
          checkpoint: c.kind,
          body: `交办事项“${d.content.slice(0, 60)}”应于${c.dueDate}前反馈${STAGE[c.kind]}情况，至今未反馈，请抓紧落实并反馈。`,
          issued_at: nowIso(ctx),
        });
    }
    if (notices.length === 0) continue;
    await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
      await insertDirectiveNotices(trx, notices);
      for (const n of notices)
        await audit({
          regionId: region.id,
          action: 'directive.urge',
          entity: 'directive',
          entityId: n.directive_id,
          data: { noticeId: n.id, checkpoint: n.checkpoint },
        });
    });
    urge += notices.length;
  }
  return { urge };
}
