// 督查通知单 and 催办通知书 generated from a notice (督办): the same notice, printed for the unit.
import { getRegion } from '../db/repositories/region-repository.js';
import { getTask } from '../db/repositories/task-repository.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import { renderSheetDocx, SHEET_TITLES, type SheetKind } from '../documents/bulletin/sheet.js';
import { noticeFor } from './access.js';
import type { Actor } from './actor.js';
import { db, type ServiceContext } from './context.js';

const KIND_LABELS = { reminder: '提醒', urge: '催办', supervise: '督办', listed: '挂牌督办' } as const;

export async function noticeSheetDocx(
  ctx: ServiceContext,
  actor: Actor,
  noticeId: string,
  kind: SheetKind,
): Promise<{ docx: Buffer; fileName: string }> {
  const notice = await noticeFor(ctx, actor, noticeId);
  const [task, unit, region] = await Promise.all([
    getTask(db(ctx), notice.task_id),
    getUnit(db(ctx), notice.unit_id),
    getRegion(db(ctx), notice.region_id),
  ]);
  const issuedOn = notice.issued_at.slice(0, 10);
  const docx = await renderSheetDocx({
    kind,
    issuer: `${region?.name ?? ''}督查室`,
    number: `编号：${issuedOn.replaceAll('-', '')}-${notice.id.slice(-4).toUpperCase()}`,
    unitName: unit?.name ?? '',
    matter: task ? `${task.code} ${task.title}` : '',
    requirement: notice.body,
    kindLabel: KIND_LABELS[notice.kind],
    deadline: notice.response_due,
    issuedOn,
  });
  return { docx, fileName: `${SHEET_TITLES[kind]}-${unit?.name ?? ''}` };
}
