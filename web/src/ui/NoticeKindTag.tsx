import { Tag } from 'antd';
import type { NoticeKind } from '../api/types';
import { useI18n } from '../i18n/context';

const KIND_COLOR: Readonly<Record<NoticeKind, string>> = {
  reminder: 'blue',
  urge: 'gold',
  supervise: 'orange',
  listed: 'red',
};

/** Mildest first, as the office escalates. */
export const NOTICE_KINDS: readonly NoticeKind[] = ['reminder', 'urge', 'supervise', 'listed'];

/** Working days a unit has to answer by default, as the server's RESPONSE_DAYS (domain/notices.ts). */
export const DEFAULT_WORKING_DAYS: Readonly<Record<NoticeKind, number>> = {
  reminder: 7,
  urge: 5,
  supervise: 3,
  listed: 3,
};

export function NoticeKindTag({ kind }: { kind: NoticeKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLOR[kind]}>{t(`notice.kind.${kind}`)}</Tag>;
}
