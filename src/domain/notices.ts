// Supervision notice kinds (督办), mildest first: each step up is an escalation.

export type NoticeKind = 'reminder' | 'urge' | 'supervise' | 'listed';

export const NOTICE_KINDS = ['reminder', 'urge', 'supervise', 'listed'] as const;

/** Working days (工作日, see working-days.ts) a unit has to answer by default, by how serious the notice is. */
export const RESPONSE_DAYS: Readonly<Record<NoticeKind, number>> = {
  reminder: 7,
  urge: 5,
  supervise: 3,
  listed: 3,
};

export type NoticeStatus = 'issued' | 'responded' | 'closed';

export function isNoticeOpen(status: NoticeStatus): boolean {
  return status !== 'closed';
}
