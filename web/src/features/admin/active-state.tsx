import { Button, Tag } from 'antd';
import type { MessageKey } from '../../i18n/messages.zh';

type T = (key: MessageKey) => string;

/** The 状态 column of units and accounts: active or disabled. */
export function activeColumn(t: T, width: number) {
  return {
    title: t('admin.state'),
    dataIndex: 'active',
    width,
    render: (a: boolean) => (
      <Tag color={a ? 'green' : 'default'}>{t(a ? 'admin.active' : 'admin.disabled')}</Tag>
    ),
  };
}

/** Disables an active row or enables a disabled one; disabling is the dangerous direction. */
export function ActiveToggle({ t, active, onToggle }: { t: T; active: boolean; onToggle: () => void }) {
  return (
    <Button size="small" danger={active} onClick={onToggle}>
      {t(active ? 'admin.disable' : 'admin.enable')}
    </Button>
  );
}
