import type { Insertable, Kysely } from 'kysely';
import type { BulletinReceiptRow, BulletinReceiptTable, Database } from '../schema.js';

export async function insertBulletinReceipts(
  db: Kysely<Database>,
  rows: readonly Insertable<BulletinReceiptTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('bulletin_receipts')
      .values([...rows])
      .execute();
}

/** Who received a bulletin and who has read it, the units in the region's fixed order. */
export function receiptsOfBulletin(db: Kysely<Database>, bulletinId: string) {
  return (
    db
      .selectFrom('bulletin_receipts as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('accounts as a', 'a.id', 'r.read_by')
      .select([
        'r.bulletin_id',
        'r.unit_id',
        'r.received_at',
        'r.read_at',
        'u.name as unit_name',
        'a.display_name as reader_name',
      ])
      .where('r.bulletin_id', '=', bulletinId)
      // The region's fixed order of units, as listUnits gives it.
      .orderBy('u.kind')
      .orderBy('u.created_at')
      .orderBy('u.id')
      .execute()
  );
}

export type BulletinReading = Awaited<ReturnType<typeof receiptsOfBulletin>>[number];

/** The bulletins a unit has received, newest first, with what it needs to list and open them. */
export function receiptsOfUnit(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('bulletin_receipts as r')
    .innerJoin('bulletins as b', 'b.id', 'r.bulletin_id')
    .select([
      'r.bulletin_id',
      'r.unit_id',
      'r.received_at',
      'r.read_at',
      'r.region_id',
      'b.document_number',
      'b.title',
      'b.period',
      'b.published_at',
    ])
    .where('r.unit_id', '=', unitId)
    .orderBy('r.received_at', 'desc')
    .orderBy('b.seq', 'desc')
    .limit(200)
    .execute();
}

export type UnitBulletinReceipt = Awaited<ReturnType<typeof receiptsOfUnit>>[number];

export function getBulletinReceipt(
  db: Kysely<Database>,
  bulletinId: string,
  unitId: string,
): Promise<BulletinReceiptRow | undefined> {
  return db
    .selectFrom('bulletin_receipts')
    .selectAll()
    .where('bulletin_id', '=', bulletinId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Records the unit's 已阅 once: a second acknowledgment keeps the first reader and time. */
export async function markBulletinReceiptRead(
  db: Kysely<Database>,
  bulletinId: string,
  unitId: string,
  at: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('bulletin_receipts')
    .set({ read_at: at, read_by: accountId })
    .where('bulletin_id', '=', bulletinId)
    .where('unit_id', '=', unitId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
