import { App, Form, Input, Select, Space, Table } from 'antd';
import type { Unit, UnitKind } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { createUnit, UNIT_KINDS, updateUnit } from './admin-api';
import { activeColumn, ActiveToggle } from './active-state';
import { CreateDialog } from './CreateDialog';
import { useAdminAction } from './useAdminAction';

export function UnitsTab({
  regionId,
  units,
  onChanged,
}: {
  regionId: string;
  units: Unit[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ name: string; kind: UnitKind }>();
  const { run, busy } = useAdminAction(onChanged);

  const toggle = (unit: Unit) => {
    const disabling = unit.active;
    void modal.confirm({
      title: t(disabling ? 'admin.disableUnitConfirm' : 'admin.enableUnitConfirm', { name: unit.name }),
      onOk: () => run(() => updateUnit(unit.id, unit.version, { active: !unit.active }), t('admin.saved')),
    });
  };

  return (
    <div>
      <CreateDialog
        label={t('admin.newUnit')}
        busy={busy}
        form={form}
        initialValues={{ kind: 'department' }}
        submit={(v) => run(() => createUnit(regionId, v.name.trim(), v.kind), t('admin.created'))}
      >
        <Form.Item
          name="name"
          label={t('admin.unitName')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.unitKind')}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
      </CreateDialog>
      <Table<Unit>
        size="small"
        rowKey="id"
        dataSource={units}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('admin.unitName'), dataIndex: 'name' },
          {
            title: t('admin.unitKind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: UnitKind) => t(`unitKind.${k}`),
            filters: UNIT_KINDS.map((k) => ({ text: t(`unitKind.${k}`), value: k })),
            onFilter: (v, u) => u.kind === v,
          },
          activeColumn(t, 90),
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 110,
            render: (_, unit) => (
              <Space>
                <ActiveToggle
                  t={t}
                  active={unit.active}
                  onToggle={() => {
                    toggle(unit);
                  }}
                />
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
