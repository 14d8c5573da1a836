import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import {
  addIndicator,
  updateIndicator,
  type Indicator,
  type IndicatorBody,
  type SchemeDetail,
} from './assessment-api';
import { points } from './labels';

const METHODS = ['ratio', 'target_step', 'rank', 'per_occurrence', 'any_zero', 'rating', 'manual'] as const;
const CATEGORIES = ['common', 'specific', 'adjustment'] as const;

interface FormValues {
  code: string;
  category: IndicatorBody['category'];
  name: string;
  points: number;
  method: IndicatorBody['method'];
  standard?: string;
  cap?: number | null;
  difficulty?: number;
  scoringUnitId?: string | null;
  groupCodes?: string[];
  measureUnit?: string;
}

/** 指标编辑: the scheme's indicators with their standards; the office adds and edits until a result is locked. */
export function IndicatorEditor({ scheme, onChanged }: { scheme: SchemeDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { units, unitName } = useRegion();
  const { run, busy } = useWrite();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const editable = scheme.can.manage && !scheme.locked;

  const open = (target: Indicator | 'new') => {
    setEditing(target);
    form.setFieldsValue(
      target === 'new'
        ? {
            code: `G${scheme.indicators.length + 1}`,
            category: 'specific',
            method: 'manual',
            points: 5,
            difficulty: 1,
          }
        : {
            code: target.code,
            category: target.category,
            name: target.name,
            points: target.points,
            method: target.method,
            standard: target.standard,
            cap: target.cap,
            difficulty: target.difficulty,
            scoringUnitId: target.scoringUnitId,
            groupCodes: target.groupCodes,
            measureUnit: target.measureUnit,
          },
    );
  };

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      standard: v.standard ?? '',
      scoringUnitId: v.scoringUnitId ?? null,
      cap: v.cap ?? null,
      groupCodes: v.groupCodes ?? [],
    };
    const target = editing;
    const ok = await run(
      () =>
        target === 'new' || target === null
          ? addIndicator(scheme.id, body)
          : updateIndicator(target.id, target.version, body),
      { success: t('assess.indicatorSaved') },
    );
    if (ok) {
      setEditing(null);
      onChanged();
    }
  };

  const columns: TableProps<Indicator>['columns'] = [
    { key: 'code', title: t('assess.code'), dataIndex: 'code', width: 64 },
    { key: 'name', title: t('assess.indicator'), render: (_, i) => <span title={i.content}>{i.name}</span> },
    {
      key: 'category',
      title: t('assess.category'),
      width: 110,
      render: (_, i) => t(`assess.category.${i.category}`),
    },
    { key: 'points', title: t('assess.points'), width: 64, render: (_, i) => points(i.points) },
    {
      key: 'method',
      title: t('assess.method'),
      width: 140,
      render: (_, i) =>
        i.autoKind ? <Tag color="blue">{t('assess.auto')}</Tag> : t(`assess.method.${i.method}`),
    },
    {
      key: 'groups',
      title: t('assess.groups'),
      width: 120,
      render: (_, i) =>
        i.groupCodes.length === 0
          ? t('assess.allGroups')
          : i.groupCodes.map((c) => scheme.groups.find((g) => g.code === c)?.name ?? c).join('、'),
    },
    {
      key: 'scorer',
      title: t('assess.scorer'),
      width: 120,
      render: (_, i) => (i.scoringUnitId ? unitName(i.scoringUnitId) : '—'),
    },
    {
      key: 'standard',
      title: t('assess.standard'),
      render: (_, i) => <span className="tz-assess-standard">{i.standard}</span>,
    },
    ...(editable
      ? [
          {
            key: 'edit',
            title: '',
            width: 64,
            render: (_: unknown, i: Indicator) => (
              <Button
                size="small"
                onClick={() => {
                  open(i);
                }}
              >
                {t('assess.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="assess-indicators">
      {scheme.locked && (
        <Alert type="info" showIcon title={t('assess.schemeLocked')} style={{ marginBottom: 8 }} />
      )}
      {editable && (
        <Button
          type="primary"
          style={{ marginBottom: 8 }}
          onClick={() => {
            open('new');
          }}
        >
          {t('assess.addIndicator')}
        </Button>
      )}
      <Table<Indicator>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={scheme.indicators}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('assess.addIndicator') : t('assess.editIndicator')}
        onCancel={() => {
          setEditing(null);
        }}
        onOk={() => void save()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="code"
            label={t('assess.code')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,20}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('assess.indicator')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('assess.category')} rules={[{ required: true }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`assess.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="points" label={t('assess.points')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="method" label={t('assess.method')} rules={[{ required: true }]}>
            <Select options={METHODS.map((m) => ({ value: m, label: t(`assess.method.${m}`) }))} />
          </Form.Item>
          <Form.Item name="standard" label={t('assess.standard')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="groupCodes" label={t('assess.groups')}>
            <Select
              mode="multiple"
              allowClear
              options={scheme.groups.map((g) => ({ value: g.code, label: g.name }))}
            />
          </Form.Item>
          <Form.Item name="scoringUnitId" label={t('assess.scorer')}>
            <Select allowClear options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="cap" label={t('assess.cap')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="difficulty" label={t('assess.difficulty')}>
            <InputNumber min={0.1} max={10} step={0.1} />
          </Form.Item>
          <Form.Item name="measureUnit" label={t('assess.measureUnit')}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
