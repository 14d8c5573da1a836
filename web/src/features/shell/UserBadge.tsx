import { useState } from 'react';
import { Button, Dropdown, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { useRegion } from '../../app/region';
import { ChangePassword } from './ChangePassword';

/** Who is signed in, in which role and unit: a reporter must see at a glance for which unit they write. */
export function UserBadge({ compact }: { compact: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const { unitName } = useRegion();
  const navigate = useNavigate();
  const unit = unitName(me.unitId);
  const role = t(`role.${me.role}`);
  const [changing, setChanging] = useState(false);

  const items = [
    {
      key: 'who',
      label: (
        <span>
          {me.displayName}
          <br />
          <small>
            {role}
            {unit && ` · ${unit}`}
          </small>
        </span>
      ),
      disabled: true,
    },
    { type: 'divider' as const },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('shell.changePassword'),
      onClick: () => {
        setChanging(true);
      },
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('shell.logout'),
      onClick: () => void logout().then(() => navigate('/login')),
    },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="tz-user" data-testid="user-menu">
          <UserOutlined />
          {!compact && <span className="tz-user-name">{me.displayName}</span>}
          {!compact && (
            <Tag color="red" className="tz-role-tag">
              {role}
            </Tag>
          )}
          {!compact && unit && <span className="tz-user-unit">{unit}</span>}
        </Button>
      </Dropdown>
      <ChangePassword
        open={changing}
        onClose={() => {
          setChanging(false);
        }}
      />
    </>
  );
}
