// 收到通报: what a published bulletin leaves in the work page of each unit it names, and the office's view
// of who has read it. The receipts themselves are written with the publication (bulletin-service).
import {
  getBulletinReceipt,
  markBulletinReceiptRead,
  receiptsOfBulletin,
  receiptsOfUnit,
  type BulletinReading,
  type UnitBulletinReceipt,
} from '../db/repositories/bulletin-receipt-repository.js';
import { bulletinFor, demand, unitFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as receiptPolicy from './policies/bulletin-receipt.js';

export type { BulletinReading, UnitBulletinReceipt };

export async function unitBulletinReceipts(
  ctx: ServiceContext,
  actor: Actor,
  unitId: string,
): Promise<UnitBulletinReceipt[]> {
  const unit = await unitFor(ctx, actor, unitId);
  demand(receiptPolicy.can(actor, 'list', { regionId: unit.region_id, unitId }));
  return receiptsOfUnit(db(ctx), unitId);
}

/** Who received a bulletin and who has read it: empty until it is published. */
export async function bulletinReadings(
  ctx: ServiceContext,
  actor: Actor,
  bulletinId: string,
): Promise<BulletinReading[]> {
  const bulletin = await bulletinFor(ctx, actor, bulletinId);
  demand(receiptPolicy.can(actor, 'readings', { regionId: bulletin.region_id, unitId: null }));
  return receiptsOfBulletin(db(ctx), bulletinId);
}

/** The unit's 已阅; saying it again keeps the first reader and time. */
export async function acknowledgeBulletin(
  ctx: ServiceContext,
  actor: Actor,
  bulletinId: string,
): Promise<UnitBulletinReceipt> {
  const bulletin = await bulletinFor(ctx, actor, bulletinId);
  demand(receiptPolicy.can(actor, 'acknowledge', { regionId: bulletin.region_id, unitId: actor.unitId }));
  const unitId = actor.unitId!;
  if (!(await getBulletinReceipt(db(ctx), bulletinId, unitId))) throw fail('bulletin.not_received');
  await write(ctx, actor, async ({ trx, audit }) => {
    if (await markBulletinReceiptRead(trx, bulletinId, unitId, nowIso(ctx), actor.accountId))
      await audit({
        regionId: bulletin.region_id,
        action: 'bulletin.read',
        entity: 'bulletin',
        entityId: bulletinId,
        data: { unitId },
      });
  });
  return (await receiptsOfUnit(db(ctx), unitId)).find((r) => r.bulletin_id === bulletinId)!;
}
