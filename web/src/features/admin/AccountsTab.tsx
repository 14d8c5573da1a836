import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { Account, Role, Unit } from '../../api/types';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { createAccount, REGION_ROLES, UNIT_ROLES, updateAccount } from './admin-api';
import { activeColumn, ActiveToggle } from './active-state';
import { CreateDialog } from './CreateDialog';
import { useAdminAction } from './useAdminAction';

/** Roles whose accounts only the operator creates or changes (the server's account policy says the same). */
const OPERATOR_KEPT: readonly Role[] = ['leader', 'viewer'];

interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string;
}

/** Accounts of the region: create, disable or enable, reset a forgotten password. */
export function AccountsTab({
  regionId,
  accounts,
  units,
  onChanged,
}: {
  regionId: string;
  accounts: Account[];
  units: Unit[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [resetting, setResetting] = useState<Account | null>(null);
  const [createForm] = Form.useForm<NewAccount>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const { run, busy } = useAdminAction(onChanged);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const role = Form.useWatch('role', createForm);
  // Leader and oversight accounts are the operator's to keep: the office neither creates nor changes them.
  const mayKeep = useMe().can.manageOversightAccounts;
  const keeps = (r: Role) => mayKeep || !OPERATOR_KEPT.includes(r);

  const toggle = (account: Account) => {
    void modal.confirm({
      title: t(account.active ? 'admin.disableAccountConfirm' : 'admin.enableAccountConfirm', {
        name: account.displayName,
      }),
      onOk: () =>
        run(() => updateAccount(account.id, account.version, { active: !account.active }), t('admin.saved')),
    });
  };

  const passwordRule = { min: 10, message: t('admin.passwordRule') };
  return (
    <div>
      <CreateDialog
        label={t('admin.newAccount')}
        busy={busy}
        form={createForm}
        initialValues={{ role: 'reporter' }}
        submit={(v) =>
          run(
            () =>
              createAccount(regionId, {
                ...v,
                username: v.username.trim(),
                displayName: v.displayName.trim(),
                unitId: v.unitId ?? null,
              }),
            t('admin.created'),
          )
        }
      >
        <Form.Item
          name="username"
          label={t('admin.username')}
          rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,40}$/, message: t('admin.usernameRule') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.displayName')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('admin.password')} rules={[{ required: true }, passwordRule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')}>
          <Select options={REGION_ROLES.filter(keeps).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('admin.unit')}
          rules={[{ required: UNIT_ROLES.includes(role), message: t('admin.unitRequired') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </CreateDialog>
      <Table<Account>
        size="small"
        rowKey="id"
        dataSource={accounts}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('admin.username'), dataIndex: 'username', width: 200 },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          {
            title: t('admin.role'),
            dataIndex: 'role',
            width: 110,
            render: (r: Role) => t(`role.${r}`),
            filters: REGION_ROLES.map((r) => ({ text: t(`role.${r}`), value: r })),
            onFilter: (v, a) => a.role === v,
          },
          {
            title: t('admin.unit'),
            dataIndex: 'unitId',
            ellipsis: true,
            render: (id: string | null) => (id ? (unitName.get(id) ?? '') : '—'),
          },
          activeColumn(t, 80),
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 240,
            render: (_, account) =>
              keeps(account.role) && (
                <Space>
                  <Button
                    size="small"
                    onClick={() => {
                      setResetting(account);
                    }}
                  >
                    {t('admin.resetPassword')}
                  </Button>
                  <ActiveToggle
                    t={t}
                    active={account.active}
                    onToggle={() => {
                      toggle(account);
                    }}
                  />
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={resetting !== null}
        title={t('admin.resetPasswordFor', { name: resetting?.displayName ?? '' })}
        onCancel={() => {
          setResetting(null);
        }}
        confirmLoading={busy}
        destroyOnHidden
        onOk={() =>
          void resetForm.validateFields().then((v) =>
            (resetting
              ? run(
                  () => updateAccount(resetting.id, resetting.version, { password: v.password }),
                  t('admin.passwordReset'),
                )
              : Promise.resolve(false)
            ).then((done) => {
              if (done) {
                setResetting(null);
                resetForm.resetFields();
              }
            }),
          )
        }
      >
        <Form form={resetForm} layout="vertical">
          <Form.Item
            name="password"
            label={t('admin.newPassword')}
            rules={[{ required: true }, passwordRule]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
