import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
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
import { parseRankList, unitsOfGroups } from './scheme-units';
import { UnitTargets, type PerUnit } from './UnitTargets';

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
  content?: string;
  dataSource?: string;
  reachPercent?: number | null;
  stepPerPoint?: number | null;
  rankMode?: 'list' | 'linear';
  rankList?: string;
  firstScore?: number | null;
  lastScore?: number | null;
  perOccurrence?: number | null;
  ratingMax?: number | null;
}

const TARGETED: readonly string[] = ['ratio', 'target_step'];

/** A parameter the user filled in, or nothing (the method's default applies). */
function given<K extends string>(key: K, v: number | null | undefined): Partial<Record<K, number>> {
  return v === null || v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

/** The method's parameters from the form, only those the method reads. */
function paramsOf(v: FormValues): IndicatorBody['params'] {
  switch (v.method) {
    case 'target_step':
      return { ...given('reachPercent', v.reachPercent), ...given('stepPerPoint', v.stepPerPoint) };
    case 'rank':
      return v.rankMode === 'linear'
        ? { firstScore: v.firstScore ?? 0, lastScore: v.lastScore ?? 0 }
        : { rankScores: parseRankList(v.rankList ?? '') ?? [] };
    case 'per_occurrence':
      return given('perOccurrence', v.perOccurrence);
    case 'rating':
      return given('ratingMax', v.ratingMax);
    default:
      return {};
  }
}

/** Only the units with a figure: a blank target means not assessed, a blank point the indicator's own. */
function filled(record: Record<string, number | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(record)) if (v !== null) out[k] = v;
  return out;
}

/** 指标编辑: the scheme's indicators with their standards; the office adds and edits until a result is locked. */
export function IndicatorEditor({ scheme, onChanged }: { scheme: SchemeDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { units, unitName } = useRegion();
  const { run, busy } = useWrite();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [perUnit, setPerUnit] = useState<PerUnit>({ targets: {}, points: {} });
  const method = Form.useWatch('method', form);
  const rankMode = Form.useWatch('rankMode', form);
  const groupCodes = Form.useWatch('groupCodes', form) ?? [];
  const measureUnit = Form.useWatch('measureUnit', form) ?? '';
  const defaultPoints = Form.useWatch('points', form);
  const editable = scheme.can.manage && !scheme.locked;

  const open = (target: Indicator | 'new') => {
    setEditing(target);
    setPerUnit(
      target === 'new'
        ? { targets: {}, points: {} }
        : { targets: { ...target.unitTargets }, points: { ...target.unitPoints } },
    );
    form.setFieldsValue(
      target === 'new'
        ? {
            code: `G${scheme.indicators.length + 1}`,
            category: 'specific',
            method: 'manual',
            points: 5,
            difficulty: 1,
            rankMode: 'list',
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
            content: target.content,
            dataSource: target.dataSource,
            reachPercent: target.params.reachPercent ?? null,
            stepPerPoint: target.params.stepPerPoint ?? null,
            rankMode: target.params.rankScores || target.params.firstScore === undefined ? 'list' : 'linear',
            rankList: (target.params.rankScores ?? []).join('/'),
            firstScore: target.params.firstScore ?? null,
            lastScore: target.params.lastScore ?? null,
            perOccurrence: target.params.perOccurrence ?? null,
            ratingMax: target.params.ratingMax ?? null,
          },
    );
  };

  const save = async () => {
    const v = await form.validateFields();
    const body: IndicatorBody = {
      code: v.code,
      category: v.category,
      name: v.name,
      points: v.points,
      method: v.method,
      params: paramsOf(v),
      standard: v.standard ?? '',
      content: v.content ?? '',
      dataSource: v.dataSource ?? '',
      measureUnit: v.measureUnit ?? '',
      difficulty: v.difficulty ?? 1,
      scoringUnitId: v.scoringUnitId ?? null,
      cap: v.cap ?? null,
      groupCodes: v.groupCodes ?? [],
      unitTargets: TARGETED.includes(v.method) ? filled(perUnit.targets) : {},
      unitPoints: filled(perUnit.points),
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
        width={720}
        forceRender
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
          {method === 'target_step' && (
            <Space wrap>
              <Form.Item name="reachPercent" label={t('assess.param.reachPercent')}>
                <InputNumber min={0} max={200} suffix="%" />
              </Form.Item>
              <Form.Item name="stepPerPoint" label={t('assess.param.stepPerPoint')}>
                <InputNumber min={0} max={100} step={0.1} />
              </Form.Item>
            </Space>
          )}
          {method === 'rank' && (
            <>
              <Form.Item name="rankMode" label={t('assess.param.rankMode')}>
                <Radio.Group
                  options={[
                    { value: 'list', label: t('assess.param.rankList') },
                    { value: 'linear', label: t('assess.param.rankLinear') },
                  ]}
                />
              </Form.Item>
              {rankMode === 'linear' ? (
                <Space wrap>
                  <Form.Item
                    name="firstScore"
                    label={t('assess.param.firstScore')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={10000} />
                  </Form.Item>
                  <Form.Item
                    name="lastScore"
                    label={t('assess.param.lastScore')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={10000} />
                  </Form.Item>
                </Space>
              ) : (
                <Form.Item
                  name="rankList"
                  label={t('assess.param.rankScores')}
                  extra={t('assess.param.rankScoresHint')}
                  rules={[
                    { required: true, whitespace: true },
                    {
                      validator: (_, text: string | undefined) =>
                        parseRankList(text ?? '') !== null
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('assess.param.rankScoresBad'))),
                    },
                  ]}
                >
                  <Input placeholder="60/57/54/51" />
                </Form.Item>
              )}
            </>
          )}
          {method === 'per_occurrence' && (
            <Form.Item name="perOccurrence" label={t('assess.param.perOccurrence')}>
              <InputNumber min={0} max={10000} step={0.5} />
            </Form.Item>
          )}
          {method === 'rating' && (
            <Form.Item name="ratingMax" label={t('assess.param.ratingMax')}>
              <InputNumber min={1} max={1000} />
            </Form.Item>
          )}
          <Form.Item name="content" label={t('assess.content')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
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
          <Form.Item name="dataSource" label={t('assess.dataSource')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label={TARGETED.includes(method ?? '') ? t('assess.perUnitTargets') : t('assess.perUnitPoints')}
            extra={
              TARGETED.includes(method ?? '') ? t('assess.perUnitTargetsHint') : t('assess.perUnitPointsHint')
            }
          >
            <UnitTargets
              units={unitsOfGroups(units, scheme.groups, groupCodes)}
              value={perUnit}
              onChange={setPerUnit}
              measureUnit={measureUnit}
              defaultPoints={defaultPoints}
              withTargets={TARGETED.includes(method ?? '')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
