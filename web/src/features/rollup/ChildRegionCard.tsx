import { Card, Empty, Progress } from 'antd';
import { Link } from 'react-router-dom';
import { ledgerHref } from '../../app/ledger-url';
import { STATUS_COLOR, STATUS_ORDER, STATUS_TEXT } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import type { ChildRollUp } from './rollup-api';

/**
 * One region below: its counts in the battle map's colours, its weighted progress and its most overdue
 * tasks, with the ways into its own pages. A child with regions under it opens on its own roll-up, so
 * its (empty) ledger is not offered; the counts then open nothing either. An overdue task opens in its
 * region's ledger, found by its code.
 */
export function ChildRegionCard({ child }: { child: ChildRollUp }) {
  const { t, locale } = useI18n();
  const leaf = child.regions <= 1;
  const home = `/r/${child.id}`;
  return (
    <Card
      size="small"
      className="tz-rollup-card"
      data-testid={`rollup-child-${child.id}`}
      title={
        <Link to={home} className="tz-rollup-name">
          {child.name}
        </Link>
      }
      extra={
        <span className="tz-rollup-links">
          <Link to={home} data-testid="drill-map">
            {leaf ? t('rollup.openMap') : t('rollup.openRollup')}
          </Link>
          {leaf && (
            <Link to={ledgerHref(child.id)} data-testid="drill-ledger">
              {t('rollup.openLedger')}
            </Link>
          )}
        </span>
      }
    >
      {!leaf && <div className="tz-rollup-sub">{t('rollup.regionsBelow', { n: child.regions - 1 })}</div>}
      <div className="tz-rollup-counts">
        <span className="tz-rollup-chip tz-rollup-total">
          {t('map.total')} <strong>{formatNumber(child.total.total, locale)}</strong>
        </span>
        {STATUS_ORDER.map((status) => {
          const body = (
            <>
              {t(`status.${status}`)} <strong>{formatNumber(child.total.counts[status] ?? 0, locale)}</strong>
            </>
          );
          const style = { background: STATUS_COLOR[status], color: STATUS_TEXT[status] };
          return leaf ? (
            <Link
              key={status}
              to={ledgerHref(child.id, { status: [status] })}
              className="tz-rollup-chip"
              style={style}
              data-testid={`rollup-count-${status}`}
            >
              {body}
            </Link>
          ) : (
            <span
              key={status}
              className="tz-rollup-chip"
              style={style}
              data-testid={`rollup-count-${status}`}
            >
              {body}
            </span>
          );
        })}
      </div>
      <div className="tz-rollup-progress">
        <span>{t('rollup.progress')}</span>
        <Progress
          percent={child.total.progress}
          showInfo={false}
          size="small"
          strokeColor={STATUS_COLOR.on_track}
        />
        <strong>{formatPercent(child.total.progress, locale)}</strong>
      </div>
      <div className="tz-rollup-red-title">{t('rollup.redList')}</div>
      {child.redList.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noRed')} />
      ) : (
        <ul className="tz-rollup-red" data-testid="rollup-red-list">
          {child.redList.map((r) => (
            <li key={r.taskId}>
              <Link to={ledgerHref(r.regionId, { q: r.code })} className="tz-rollup-red-task" title={r.title}>
                {r.code} {r.title}
              </Link>
              <span className="tz-rollup-red-meta">
                {leaf ? null : <span>{r.regionName}</span>}
                <span>{r.leadUnitName ?? '—'}</span>
                <span>{t('rollup.due', { date: formatDate(r.dueDate, locale) })}</span>
                <strong style={{ color: STATUS_COLOR.delayed }}>{t('map.days', { n: r.daysOverdue })}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
      <IndicatorLaggards child={child} />
    </Card>
  );
}

/** How many laggards a card names; the region's own indicators page lists them all. */
const LAGGARDS_SHOWN = 3;

/** The child's indicators behind 序时 or missed, furthest behind first, each opening its region's indicators. */
function IndicatorLaggards({ child }: { child: ChildRollUp }) {
  const { t, locale } = useI18n();
  const { counts, laggards } = child.indicators;
  const lagging = counts.behind + counts.missed;
  return (
    <>
      <div className="tz-rollup-red-title" data-testid="rollup-laggard-count">
        {t('rollup.laggards', { n: lagging, total: counts.total })}
      </div>
      {laggards.length > 0 && (
        <ul className="tz-rollup-red" data-testid="rollup-laggards">
          {laggards.slice(0, LAGGARDS_SHOWN).map((l) => (
            <li key={l.targetId}>
              <Link to={`/r/${l.regionId}/indicators?plan=${l.planId}`} className="tz-rollup-red-task">
                {l.indicator}
              </Link>
              <span className="tz-rollup-red-meta">
                {child.regions > 1 && <span>{l.regionName}</span>}
                <strong style={{ color: STATUS_COLOR.delayed }}>
                  {t(`ind.wording.${l.result.wording}`, { gap: formatNumber(l.result.gap, locale) })}
                </strong>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
