import { Suspense, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Spin } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { activeNavKey, navFor } from './nav';
import { RegionProvider } from './RegionProvider';
import { RegionSwitcher } from './RegionSwitcher';
import { UserBadge } from './UserBadge';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import './shell.css';

function NavMenu({ regionId, onNavigate }: { regionId: string; onNavigate?: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const base = `/r/${regionId}`;
  const selected = activeNavKey(location.pathname.slice(base.length));
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      onClick={onNavigate}
      items={navFor(me).map((item) => ({
        key: item.key,
        label: <Link to={item.path ? `${base}/${item.path}` : base}>{t(item.label)}</Link>,
      }))}
    />
  );
}

/** Desktop: a side menu. Phones (reporters on the move): a top bar and a drawer menu. */
export function AppLayout() {
  const { regionId = '' } = useParams();
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const narrow = !screens.md;

  return (
    <RegionProvider regionId={regionId}>
      <Layout className="tz-layout">
        <Layout.Header className="tz-header">
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('shell.menu')}
              onClick={() => {
                setDrawerOpen(true);
              }}
              className="tz-menu-button"
            />
          )}
          <Link to={`/r/${regionId}`} className="tz-brand">
            {t('app.name')}
          </Link>
          <div className="tz-header-region">
            <RegionSwitcher />
          </div>
          <div className="tz-header-spacer" />
          {!narrow && <LanguageSwitch />}
          <UserBadge compact={narrow} />
        </Layout.Header>
        <Layout>
          {!narrow && (
            <Layout.Sider width={176} theme="light" className="tz-sider">
              <NavMenu regionId={regionId} />
            </Layout.Sider>
          )}
          <Layout.Content className="tz-content">
            <Suspense fallback={<Spin size="large" className="tz-page-spin" />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
        {narrow && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => {
              setDrawerOpen(false);
            }}
            size={240}
            title={t('app.name')}
          >
            <NavMenu
              regionId={regionId}
              onNavigate={() => {
                setDrawerOpen(false);
              }}
            />
            <div className="tz-drawer-lang">
              <LanguageSwitch />
            </div>
          </Drawer>
        )}
      </Layout>
    </RegionProvider>
  );
}
