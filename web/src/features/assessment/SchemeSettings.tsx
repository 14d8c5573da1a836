import { useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { updateScheme, type SchemeDetail } from './assessment-api';
import { gradeKey } from './labels';

type Group = SchemeDetail['groups'][number];
type Band = SchemeDetail['gradeBands'][number];

const UNIT_KINDS = ['department', 'town', 'other'] as const;
const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;

/**
 * 方案设置: the groups ranked apart (区直单位 / 镇街, sub-groups naming their units) and the grade bands
 * ("以上" includes the bound; 优秀 may be limited to the top N of a group). The office edits until a
 * result of the scheme is locked.
 */
export function SchemeSettings({ scheme, onChanged }: { scheme: SchemeDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { units } = useRegion();
  const { run, busy } = useWrite();
  const [groups, setGroups] = useState<Group[]>(scheme.groups);
  const [bands, setBands] = useState<Band[]>(scheme.gradeBands);
  const editable = scheme.can.manage && !scheme.locked;
  const setGroup = (i: number, patch: Partial<Group>) => {
    setGroups((all) => all.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  };
  const setBand = (i: number, patch: Partial<Band>) => {
    setBands((all) => all.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  };
  const save = async () => {
    const ok = await run(() => updateScheme(scheme.id, scheme.version, { groups, gradeBands: bands }), {
      success: t('assess.settingsSaved'),
    });
    if (ok) onChanged();
  };
  const unitOptions = units.filter((u) => u.kind !== 'office').map((u) => ({ value: u.id, label: u.name }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="assess-settings">
      {scheme.locked && <Alert type="info" showIcon title={t('assess.schemeLocked')} />}
      <Card size="small" title={t('assess.groups')}>
        <Typography.Paragraph type="secondary">{t('assess.groupsHint')}</Typography.Paragraph>
        <Table<Group>
          size="small"
          rowKey={(g) => String(groups.indexOf(g))}
          pagination={false}
          dataSource={groups}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('assess.groupName'),
              render: (_, g, i) => (
                <Input
                  aria-label={t('assess.groupName')}
                  disabled={!editable}
                  value={g.name}
                  maxLength={40}
                  style={{ minWidth: 120 }}
                  onChange={(e) => {
                    setGroup(i, { name: e.target.value });
                  }}
                />
              ),
            },
            {
              key: 'code',
              title: t('assess.code'),
              render: (_, g, i) => (
                <Input
                  aria-label={t('assess.code')}
                  disabled={!editable}
                  value={g.code}
                  maxLength={20}
                  style={{ width: 110 }}
                  onChange={(e) => {
                    setGroup(i, { code: e.target.value });
                  }}
                />
              ),
            },
            {
              key: 'kind',
              title: t('assess.groupUnitKind'),
              render: (_, g, i) => (
                <Select
                  aria-label={t('assess.groupUnitKind')}
                  disabled={!editable}
                  allowClear
                  value={g.unitKind ?? undefined}
                  style={{ minWidth: 120 }}
                  options={UNIT_KINDS.map((k) => ({ value: k, label: t(`assess.unitKind.${k}`) }))}
                  onChange={(v: Group['unitKind'] | undefined) => {
                    setGroup(i, { unitKind: v ?? null });
                  }}
                />
              ),
            },
            {
              key: 'units',
              title: t('assess.groupUnits'),
              render: (_, g, i) => (
                <Select
                  aria-label={t('assess.groupUnits')}
                  disabled={!editable}
                  mode="multiple"
                  allowClear
                  placeholder={t('assess.groupUnitsByKind')}
                  value={g.unitIds}
                  style={{ minWidth: 220, maxWidth: 420 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={unitOptions}
                  onChange={(unitIds: string[]) => {
                    setGroup(i, { unitIds });
                  }}
                />
              ),
            },
            ...(editable
              ? [
                  {
                    key: 'remove',
                    title: '',
                    render: (_: unknown, _g: Group, i: number) => (
                      <Button
                        size="small"
                        danger
                        disabled={groups.length <= 1}
                        onClick={() => {
                          setGroups((all) => all.filter((_x, k) => k !== i));
                        }}
                      >
                        {t('assess.remove')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editable && (
          <Button
            size="small"
            style={{ marginTop: 8 }}
            onClick={() => {
              setGroups((all) => [
                ...all,
                { code: `g${all.length + 1}`, name: t('assess.newGroup'), unitKind: null, unitIds: [] },
              ]);
            }}
          >
            {t('assess.addGroup')}
          </Button>
        )}
      </Card>
      <Card size="small" title={t('assess.gradeBands')}>
        <Typography.Paragraph type="secondary">{t('assess.gradeBandsHint')}</Typography.Paragraph>
        <Table<Band>
          size="small"
          rowKey="grade"
          pagination={false}
          dataSource={bands}
          columns={[
            { key: 'grade', title: t('assess.grade'), render: (_, b) => t(gradeKey(b.grade)) },
            {
              key: 'min',
              title: t('assess.bandMin'),
              render: (_, b, i) => (
                <InputNumber
                  aria-label={t('assess.bandMinOf', { grade: t(gradeKey(b.grade)) })}
                  disabled={!editable}
                  min={0}
                  max={10000}
                  value={b.min}
                  onChange={(v) => {
                    setBand(i, { min: v ?? 0 });
                  }}
                />
              ),
            },
            {
              key: 'topN',
              title: t('assess.bandTopN'),
              render: (_, b, i) => (
                <InputNumber
                  aria-label={t('assess.bandTopNOf', { grade: t(gradeKey(b.grade)) })}
                  disabled={!editable}
                  min={1}
                  max={1000}
                  placeholder={t('assess.noLimit')}
                  value={b.topN ?? null}
                  onChange={(v) => {
                    setBand(i, { topN: v });
                  }}
                />
              ),
            },
          ]}
        />
        {editable && bands.length < GRADES.length && (
          <Select
            style={{ marginTop: 8, minWidth: 160 }}
            placeholder={t('assess.addBand')}
            value={null}
            options={GRADES.filter((g) => !bands.some((b) => b.grade === g)).map((g) => ({
              value: g,
              label: t(gradeKey(g)),
            }))}
            onChange={(grade: Band['grade']) => {
              setBands((all) => [...all, { grade, min: 0, topN: null }]);
            }}
          />
        )}
      </Card>
      {editable && (
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="assess-settings-save">
          {t('assess.saveSettings')}
        </Button>
      )}
    </Space>
  );
}
