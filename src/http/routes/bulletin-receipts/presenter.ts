import type { Actor } from '../../../services/actor.js';
import type { BulletinReading, UnitBulletinReceipt } from '../../../services/bulletin-receipt-service.js';
import * as receiptPolicy from '../../../services/policies/bulletin-receipt.js';
import type { Reading, UnitReceipt } from './schema.js';

export function presentUnitReceipt(r: UnitBulletinReceipt, actor: Actor): UnitReceipt {
  return {
    bulletinId: r.bulletin_id,
    unitId: r.unit_id,
    documentNumber: r.document_number,
    title: r.title,
    period: r.period,
    publishedAt: r.published_at,
    receivedAt: r.received_at,
    readAt: r.read_at,
    can: {
      acknowledge:
        r.read_at === null &&
        receiptPolicy.can(actor, 'acknowledge', { regionId: r.region_id, unitId: r.unit_id }),
    },
  };
}

export function presentReading(r: BulletinReading): Reading {
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    receivedAt: r.received_at,
    readAt: r.read_at,
    readerName: r.reader_name,
  };
}
