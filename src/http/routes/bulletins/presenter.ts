import type { Actor } from '../../../services/actor.js';
import type { BulletinRow, BulletinView } from '../../../services/bulletin-service.js';
import * as bulletinPolicy from '../../../services/policies/bulletin.js';
import * as receiptPolicy from '../../../services/policies/bulletin-receipt.js';
import type { Bulletin, BulletinSummary } from './schema.js';

export function presentBulletinSummary(b: BulletinRow, actor: Actor): BulletinSummary {
  return {
    id: b.id,
    regionId: b.region_id,
    documentNumber: b.document_number,
    year: b.year,
    sequence: b.seq,
    template: b.template,
    period: b.period,
    title: b.title,
    status: b.status,
    createdAt: b.created_at,
    publishedAt: b.published_at,
    version: b.version,
    can: {
      ...bulletinPolicy.actionsOn(actor, { regionId: b.region_id, status: b.status }),
      // Who has read it: once published, for those who oversee the region.
      readings:
        b.status === 'published' &&
        receiptPolicy.can(actor, 'readings', { regionId: b.region_id, unitId: null }),
    },
  };
}

export function presentBulletin(v: BulletinView, actor: Actor): Bulletin {
  return {
    ...presentBulletinSummary(v.row, actor),
    asOf: v.asOf,
    counts: { ...v.counts },
    sections: v.sections.map((s) => ({ ...s, figures: { ...s.figures } })),
    attachments: v.attachments.map((a) => ({
      label: a.label,
      title: a.title,
      columns: [...a.columns],
      rowCount: a.rows.filter((r) => 'cells' in r).length,
    })),
    namedUnits: v.namedUnits.map((u) => ({ ...u })),
    notifiedUnitIds:
      v.row.notified_unit_ids === null ? null : (JSON.parse(v.row.notified_unit_ids) as string[]),
  };
}
