import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Grid, Layout, Menu, Spin, type MenuProps } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { readerView, readsFromAbove } from '../../app/reader';
import { AuthContext, useAuth, useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { activeNavKey, NAV_GROUP_LABELS, navGroupsFor, type NavItem } from './nav';
import { RegionProvider } from './RegionProvider';
import { RegionSwitcher } from './RegionSwitcher';
import { UserBadge } from './UserBadge';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import './shell.css';

function NavMenu({
  regionId,
  fromAbove,
  onNavigate,
}: {
  regionId: string;
  fromAbove: boolean;
  onNavigate?: () => void;
}) {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const base = `/r/${regionId}`;
  const selected = activeNavKey(location.pathname.slice(base.length));
  type MenuEntry = Required<MenuProps>['items'][number];
  const entry = (item: NavItem): MenuEntry => ({
    key: item.key,
    label: <Link to={item.path ? `${base}/${item.path}` : base}>{t(item.label)}</Link>,
  });
  // The day's own pages stand on top without a heading; the rest sit under their group's name.
  const items = navGroupsFor(me, fromAbove).flatMap(({ group, items: inGroup }): MenuEntry[] =>
    group === 'daily'
      ? inGroup.map(entry)
      : [
          {
            type: 'group' as const,
            key: `group-${group}`,
            label: t(NAV_GROUP_LABELS[group]),
            children: inGroup.map(entry),
          },
        ],
  );
  return (
    <Menu mode="inline" selectedKeys={[selected]} onClick={onNavigate} items={items} className="tz-nav" />
  );
}

/**
 * Below the header, a region the account follows from above (a city office in one of its districts) is seen
 * as that region's viewer, as the server reads it: menus and pages then offer nothing to write there.
 */
function AsReaderOf({ regionId, children }: { regionId: string; children: ReactNode }) {
  const auth = useAuth();
  const { me } = auth;
  const value = useMemo(() => ({ ...auth, me: me ? readerView(me, regionId) : me }), [auth, me, regionId]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Says so when the region is one the account follows from above, with the way back to its own. */
function ReadOnlyNote({ ownRegionId }: { ownRegionId: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      title={t('rollup.readOnly')}
      className="tz-read-only-note"
      data-testid="read-only-note"
      action={<Link to={`/r/${ownRegionId}`}>{t('rollup.backHome')}</Link>}
    />
  );
}

/** Desktop: a side menu. Phones (reporters on the move): a top bar and a drawer menu. */
export function AppLayout() {
  const { regionId = '' } = useParams();
  const me = useMe();
  const fromAbove = readsFromAbove(me, regionId);
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
        <AsReaderOf regionId={regionId}>
          <Layout>
            {!narrow && (
              <Layout.Sider width={176} theme="light" className="tz-sider">
                <NavMenu regionId={regionId} fromAbove={fromAbove} />
              </Layout.Sider>
            )}
            <Layout.Content className="tz-content">
              {fromAbove && me.regionId && <ReadOnlyNote ownRegionId={me.regionId} />}
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
                fromAbove={fromAbove}
                onNavigate={() => {
                  setDrawerOpen(false);
                }}
              />
              <div className="tz-drawer-lang">
                <LanguageSwitch />
              </div>
            </Drawer>
          )}
        </AsReaderOf>
      </Layout>
    </RegionProvider>
  );
}
