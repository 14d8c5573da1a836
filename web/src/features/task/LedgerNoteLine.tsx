import { Alert } from 'antd';
import type { LedgerNote } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDateTime, formatPeriod } from '../../i18n/format';

/** The office's 台账进展备注 for a period: set apart from the unit's own words, never mistaken for them. */
export function LedgerNoteLine({ note, withPeriod = false }: { note: LedgerNote; withPeriod?: boolean }) {
  const { t, locale } = useI18n();
  const head = withPeriod
    ? `${formatPeriod(note.period, locale)} · ${t('ledgerNote.title')}`
    : t('ledgerNote.title');
  return (
    <Alert
      type="info"
      className="tz-ledger-note"
      data-testid={`ledger-note-${note.period}`}
      title={head}
      description={
        <>
          <div className="tz-prewrap">{note.note}</div>
          <div className="tz-ledger-note-at">
            {t('ledgerNote.by')} · {formatDateTime(note.updatedAt, locale)}
          </div>
        </>
      }
    />
  );
}
