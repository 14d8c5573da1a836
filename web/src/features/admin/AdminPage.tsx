import { Alert, Card, Result, Skeleton, Tabs } from 'antd';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { AccountsTab } from './AccountsTab';
import { loadAdmin } from './admin-api';
import { UnitsTab } from './UnitsTab';
import { PageHead } from '../../ui/PageHead';

/** 单位与账号: the office (or the operator) keeps the region's units and accounts. */
export function AdminPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId, region, reload: reloadRegion } = useRegion();
  const allowed = me.can.manageUnits || me.can.manageAccounts;
  const { data, error, reload } = useLoad(
    () => (allowed ? loadAdmin(regionId) : Promise.resolve(null)),
    regionId,
  );

  if (!allowed) return <Result status="403" title={t('admin.forbidden')} />;
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const changed = () => {
    reload();
    reloadRegion();
  };

  return (
    <div data-testid="admin-page">
      <PageHead title={<>{t('admin.title', { region: region?.name ?? '' })}</>} />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'accounts',
              label: `${t('admin.accounts')} (${data.accounts.length})`,
              children: (
                <AccountsTab
                  regionId={regionId}
                  accounts={data.accounts}
                  units={data.units}
                  onChanged={changed}
                />
              ),
            },
            {
              key: 'units',
              label: `${t('admin.units')} (${data.units.length})`,
              children: <UnitsTab regionId={regionId} units={data.units} onChanged={changed} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
