// 督办件 as an .xlsx: the notices the caller's list shows, one row each.
import { listNotices, type NoticeFilter } from '../../db/repositories/notice-repository.js';
import { unitsById } from '../../db/repositories/unit-repository.js';
import type { NoticeKind, NoticeStatus } from '../../db/schema.js';
import { writeSimpleWorkbook } from '../../documents/xlsx/simple-sheet.js';
import { demand, demandRegion, regionFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, today, type ServiceContext } from '../context.js';
import * as noticePolicy from '../policies/notice.js';
import { seesWholeRegion } from '../policies/scope.js';
import { chineseDate, xlsxFile, type XlsxFile } from './xlsx-file.js';

const KIND: Readonly<Record<NoticeKind, string>> = {
  reminder: '提醒',
  urge: '催办',
  supervise: '督办',
  listed: '挂牌督办',
};
const STATUS: Readonly<Record<NoticeStatus, string>> = {
  issued: '待反馈',
  responded: '已反馈',
  closed: '已办结',
};

export interface NoticeSheetFilter {
  status?: NoticeStatus | undefined;
  kind?: NoticeKind | undefined;
  unitId?: string | undefined;
  open?: boolean | undefined;
  overdue?: boolean | undefined;
}

export async function exportNotices(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: NoticeSheetFilter,
): Promise<XlsxFile> {
  demandRegion(actor, regionId);
  demand(noticePolicy.can(actor, 'list', { regionId, unitId: null, status: 'issued' }));
  const region = await regionFor(ctx, actor, regionId);
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  const unitId = own ?? filter.unitId;
  const query: NoticeFilter = {
    regionId,
    ...(unitId && { unitId }),
    ...(filter.status && { status: filter.status }),
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.open && { open: true }),
    ...(filter.overdue && { overdueOn: today(ctx) }),
  };
  // A unit's staff asking for another unit's notices get an empty sheet, as the list answers none.
  const rows = own && filter.unitId && filter.unitId !== own ? [] : await listNotices(db(ctx), query);
  const units = await unitsById(db(ctx), regionId);
  const bytes = await writeSimpleWorkbook({
    name: '督办件',
    title: `${region.name}督办事项台账`,
    info: [`导出日期：${chineseDate(today(ctx))}`, `共${rows.length}件`],
    columns: [
      { header: '编号', width: 8, align: 'center' },
      { header: '事项', width: 44 },
      { header: '来源', width: 18 },
      { header: '承办单位', width: 18 },
      { header: '时限', width: 12, align: 'center' },
      { header: '状态', width: 10, align: 'center' },
      { header: '反馈', width: 40 },
    ],
    rows: rows.map((n, i) => [
      i + 1,
      `【${n.task_code} ${n.task_title}】${n.body}`,
      `${KIND[n.kind]}${n.issued_by ? '' : '（系统自动）'} ${n.issued_at.slice(0, 10)}`,
      units.get(n.unit_id)?.name ?? '',
      n.response_due,
      STATUS[n.status],
      n.response ?? '',
    ]),
  });
  return xlsxFile(`${region.name}-督办件`, bytes);
}
