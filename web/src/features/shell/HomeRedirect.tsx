import { Alert, Spin } from 'antd';
import { Navigate } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { useMe } from '../../app/session';
import { FirstRun } from './FirstRun';
import { listRegions } from './shell-api';

/** Region staff land on their region; the operator on the first region they can see. */
export function HomeRedirect() {
  const me = useMe();
  const { t } = useI18n();
  const errorText = useErrorText();
  const regions = useLoad(() => (me.regionId ? Promise.resolve([]) : listRegions()), me.id);
  if (me.regionId) return <Navigate to={`/r/${me.regionId}`} replace />;
  if (regions.error)
    return <Alert type="error" showIcon title={errorText(regions.error)} className="tz-page-alert" />;
  if (!regions.data) return <Spin size="large" className="tz-page-spin" />;
  const first = regions.data[0];
  if (!first)
    return me.can.createRegions ? (
      <FirstRun />
    ) : (
      <Alert type="info" showIcon title={t('shell.noRegions')} className="tz-page-alert" />
    );
  return <Navigate to={`/r/${first.id}`} replace />;
}
