import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { STATUS_COLOR, STATUS_ORDER, STATUS_TEXT } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatNumber } from '../../i18n/format';
import { ledgerHref } from '../../app/ledger-url';

/** The five coloured tiles: each count opens the ledger filtered to that status. */
export function StatusCounts({ regionId, total }: { regionId: string; total: Dashboard['total'] }) {
  const { t, locale } = useI18n();
  return (
    <div className="tz-status-tiles">
      <Link to={ledgerHref(regionId)} className="tz-status-tile tz-status-total" data-testid="count-total">
        <span className="tz-tile-label">{t('map.total')}</span>
        <span className="tz-tile-number">{formatNumber(total.total, locale)}</span>
      </Link>
      {STATUS_ORDER.map((status) => (
        <Link
          key={status}
          to={ledgerHref(regionId, { status: [status] })}
          className="tz-status-tile"
          style={{ background: STATUS_COLOR[status], color: STATUS_TEXT[status] }}
          data-testid={`count-${status}`}
        >
          <span className="tz-tile-label">{t(`status.${status}`)}</span>
          <span className="tz-tile-number">{formatNumber(total.counts[status] ?? 0, locale)}</span>
        </Link>
      ))}
    </div>
  );
}
