import { Empty, Grid } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { ledgerHref } from '../../app/ledger-url';

/** The delayed tasks, longest overdue first, with who leads them. */
export function RedList({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const rows = [...dashboard.redList].sort((a, b) => b.daysOverdue - a.daysOverdue);
  const screens = Grid.useBreakpoint();
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noRed')} />;
  if (!screens.md) {
    return (
      <ul className="tz-red-cards" data-testid="red-list">
        {rows.map((r) => (
          <li key={r.taskId}>
            <Link to={`/r/${regionId}/tasks/${r.taskId}`}>
              {r.code} {r.title}
            </Link>
            <div className="tz-red-card-meta">
              <span>{r.leadUnitName ?? '—'}</span>
              <strong style={{ color: STATUS_COLOR.delayed }}>{t('map.days', { n: r.daysOverdue })}</strong>
              <span>{Math.round(r.progress)}%</span>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="tz-plain-scroll">
      <table className="tz-plain tz-red-list" data-testid="red-list">
        <thead>
          <tr>
            <th className="tz-code-col">{t('task.code')}</th>
            <th>{t('task.title')}</th>
            <th className="tz-unit-col">{t('task.leadUnit')}</th>
            <th className="tz-date-col">{t('task.dueDate')}</th>
            <th className="tz-num-col">{t('map.daysOverdue')}</th>
            <th className="tz-bar-col">{t('task.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.taskId}>
              <td>{r.code}</td>
              <td className="tz-ellipsis-cell">
                <Link to={`/r/${regionId}/tasks/${r.taskId}`} title={r.title}>
                  {r.title}
                </Link>
              </td>
              <td className="tz-ellipsis-cell">
                {r.leadUnitId ? (
                  <Link to={ledgerHref(regionId, { unit: r.leadUnitId, status: ['delayed'] })}>
                    {r.leadUnitName}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td>{formatDate(r.dueDate, locale)}</td>
              <td className="tz-num-col">
                <strong style={{ color: STATUS_COLOR.delayed }}>{t('map.days', { n: r.daysOverdue })}</strong>
              </td>
              <td>
                <span className="tz-mini-bar">
                  <span style={{ width: `${r.progress}%`, background: STATUS_COLOR.delayed }} />
                </span>
                <span className="tz-mini-number">{Math.round(r.progress)}%</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
