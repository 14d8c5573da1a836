import { InputNumber, Table } from 'antd';
import type { Unit } from '../../api/types';
import { useI18n } from '../../i18n/context';

export interface PerUnit {
  /** Blank: the unit is not assessed on this indicator; the rest of its sheet scales up. */
  targets: Record<string, number | null>;
  /** Blank: the indicator's own points. */
  points: Record<string, number | null>;
}

interface Props {
  units: readonly Unit[];
  value: PerUnit;
  onChange: (next: PerUnit) => void;
  measureUnit: string;
  defaultPoints: number | undefined;
  withTargets: boolean;
}

/** Per-unit targets and points of one indicator: one line per unit the indicator applies to. */
export function UnitTargets({ units, value, onChange, measureUnit, defaultPoints, withTargets }: Props) {
  const { t } = useI18n();
  const set = (field: keyof PerUnit, unitId: string, v: number | null) => {
    onChange({ ...value, [field]: { ...value[field], [unitId]: v } });
  };
  return (
    <Table<Unit>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...units]}
      scroll={{ y: 260 }}
      data-testid="assess-unit-targets"
      columns={[
        { key: 'unit', title: t('assess.unit'), dataIndex: 'name' },
        ...(withTargets
          ? [
              {
                key: 'target',
                title: `${t('assess.target')}${measureUnit ? `（${measureUnit}）` : ''}`,
                width: 130,
                render: (_: unknown, u: Unit) => (
                  <InputNumber
                    aria-label={t('assess.targetOf', { unit: u.name })}
                    placeholder={t('assess.notAssessedShort')}
                    min={0}
                    value={value.targets[u.id] ?? null}
                    onChange={(v) => {
                      set('targets', u.id, v);
                    }}
                  />
                ),
              },
            ]
          : []),
        {
          key: 'points',
          title: t('assess.points'),
          width: 110,
          render: (_: unknown, u: Unit) => (
            <InputNumber
              aria-label={t('assess.pointsOf', { unit: u.name })}
              placeholder={defaultPoints === undefined ? '' : String(defaultPoints)}
              min={0}
              max={10000}
              value={value.points[u.id] ?? null}
              onChange={(v) => {
                set('points', u.id, v);
              }}
            />
          ),
        },
      ]}
    />
  );
}
