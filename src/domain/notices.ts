// Supervision notice kinds (督办), mildest first: each step up is an escalation.

export type NoticeKind = 'reminder' | 'urge' | 'supervise' | 'listed';

export const NOTICE_KINDS: readonly NoticeKind[] = ['reminder', 'urge', 'supervise', 'listed'];

export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, { zh: string; en: string }>> = {
  reminder: { zh: '提醒', en: 'Reminder' },
  urge: { zh: '催办', en: 'Urge' },
  supervise: { zh: '督办', en: 'Supervise' },
  listed: { zh: '挂牌督办', en: 'Listed supervision' },
};
