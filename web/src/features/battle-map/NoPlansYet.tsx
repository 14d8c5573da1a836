import { Button, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';

/** The battle map of a region with no published plan: the next steps, for those who may take them. */
export function NoPlansYet({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Empty
      className="tz-page-alert"
      data-testid="no-plans"
      description={
        <Space orientation="vertical">
          <Typography.Text strong>{t('firstRun.noPlans')}</Typography.Text>
          <Typography.Text type="secondary">{t('firstRun.noPlansHint')}</Typography.Text>
        </Space>
      }
    >
      <Space wrap>
        {(me.can.manageUnits || me.can.manageAccounts) && (
          <Link to={`/r/${regionId}/admin`}>
            <Button>{t('firstRun.goUnits')}</Button>
          </Link>
        )}
        {me.can.importPlans && (
          <Link to={`/r/${regionId}/import`}>
            <Button type="primary">{t('firstRun.goImport')}</Button>
          </Link>
        )}
      </Space>
    </Empty>
  );
}
