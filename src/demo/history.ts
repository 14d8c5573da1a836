import type { AuditEventInput } from '../db/repositories/audit-repository.js';
import type { SimContext, SimResult } from './simulate.js';

/**
 * The trail a simulated year would have left in the audit log: who did what to the task, and when, in the
 * order it happened. Without it every demo task page said "no history" beside a year of reports. The
 * entries carry the same actions and data the services record, so the page reads them the same way.
 */
export function simulatedHistory(
  taskId: string,
  regionId: string,
  sim: SimResult,
  people: SimContext,
): AuditEventInput[] {
  const events: AuditEventInput[] = [];
  const add = (
    at: string | null | undefined,
    accountId: string | null,
    action: string,
    data: Record<string, unknown>,
  ) => {
    if (at) events.push({ regionId, accountId, action, entity: 'task', entityId: taskId, data, at });
  };
  for (const m of sim.milestones) {
    if (m.done_date)
      add(`${m.done_date}T08:30:00.000Z`, people.reporterId, 'milestone.update', {
        milestoneId: m.id,
        doneDate: m.done_date,
      });
  }
  for (const r of sim.reports) {
    const reportId = r.id;
    add(r.created_at, r.created_by, 'report.create', {
      reportId,
      status: r.submitted_at ? 'awaiting_head' : 'draft',
      period: r.period,
      progress: r.progress,
    });
    if (r.approved_at) add(r.approved_at, people.headId, 'report.approve', { reportId });
    if (r.reviewed_at && r.status === 'accepted')
      add(r.reviewed_at, people.officeId, 'report.accept', { reportId, rating: r.rating });
  }
  for (const n of sim.notices) {
    // The daily job raises urge notices by itself: no account issued them.
    add(n.issued_at, n.issued_by ?? null, 'notice.issue', { noticeId: n.id, kind: n.kind });
    add(n.responded_at, n.responded_by ?? null, 'notice.respond', { noticeId: n.id });
  }
  for (const i of sim.instructions)
    add(i.created_at, i.author_id, 'instruction.add', { instructionId: i.id });
  // Equal times keep the order above: a report is created before it is approved in the same minute.
  return events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.order - b.order))
    .map(({ e }) => e);
}
