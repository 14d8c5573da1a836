import { useState } from 'react';
import { Button, Empty, Timeline } from 'antd';
import type { HistoryEntry } from '../../api/types';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages.zh';
import { zh } from '../../i18n/messages.zh';
import { formatDateTime } from '../../i18n/format';

function actionKey(action: string): MessageKey | null {
  const key = `audit.${action}`;
  return key in zh ? (key as MessageKey) : null;
}

const NOTICE_KINDS = ['reminder', 'urge', 'supervise', 'listed'] as const;

/** A short note of what an audit entry carried: a reason, a notice's kind or a progress figure, when there is one. */
function detail(data: unknown, t: (key: MessageKey) => string): string {
  if (!data || typeof data !== 'object') return '';
  const d = data as Record<string, unknown>;
  // Notice kinds are stored as codes; the reader sees 催办 or 督办, never "urge".
  const kind = NOTICE_KINDS.find((k) => k === d.kind);
  const parts = [
    d.reason,
    kind && t(`notice.kind.${kind}`),
    typeof d.progress === 'number' ? `${d.progress}%` : undefined,
  ].filter((v): v is string => typeof v === 'string' && v.length > 0);
  return parts.join(' · ');
}

// A year of monthly reports leaves some forty entries; the latest few answer "what happened lately".
const SHOWN = 8;

/** The task's audit trail, newest first. */
export function History({ history }: { history: HistoryEntry[] }) {
  const { t, locale } = useI18n();
  const [all, setAll] = useState(false);
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noHistory')} />;
  const newestFirst = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <>
      <Timeline
        items={(all ? newestFirst : newestFirst.slice(0, SHOWN)).map((h) => {
          const key = actionKey(h.action);
          const extra = detail(h.data, t);
          return {
            key: h.seq,
            title: formatDateTime(h.at, locale),
            content: (
              <span>
                {h.actorName && <strong>{h.actorName} </strong>}
                {key ? t(key) : h.action}
                {extra && `${t('common.colon')}${extra}`}
              </span>
            ),
          };
        })}
      />
      {!all && newestFirst.length > SHOWN && (
        <Button
          type="link"
          onClick={() => {
            setAll(true);
          }}
        >
          {t('task.allHistory', { n: newestFirst.length })}
        </Button>
      )}
    </>
  );
}
