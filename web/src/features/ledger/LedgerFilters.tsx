import { Button, Input, Select } from 'antd';
import type { PlanOverview, TaskStatus } from '../../api/types';
import { STATUS_COLOR, STATUS_ORDER } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { useRegion } from '../../app/region';
import type { LedgerFilter } from '../../app/ledger-url';

interface Props {
  filter: LedgerFilter;
  areas: PlanOverview['areas'];
  tags: string[];
  onChange: (next: LedgerFilter) => void;
}

export function LedgerFilters({ filter, areas, tags, onChange }: Props) {
  const { t } = useI18n();
  const { plans, units } = useRegion();
  const set = (patch: Partial<LedgerFilter>) => {
    // Empty choices leave the URL rather than staying as `status=` noise.
    const merged = Object.entries({ ...filter, ...patch }).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    );
    onChange(Object.fromEntries(merged));
  };

  return (
    <div className="tz-ledger-filters">
      <Select
        allowClear
        placeholder={t('ledger.allPlans')}
        value={filter.plan}
        className="tz-f-plan"
        aria-label={t('ledger.plan')}
        onChange={(plan?: string) => {
          set({ plan, area: undefined });
        }}
        options={plans.map((p) => ({
          value: p.id,
          label: p.status === 'draft' ? `${p.title}（${t('plan.draft')}）` : p.title,
        }))}
      />
      <Select<TaskStatus[]>
        mode="multiple"
        allowClear
        placeholder={t('ledger.status')}
        value={filter.status ?? []}
        className="tz-f-status"
        aria-label={t('ledger.status')}
        onChange={(status) => {
          set({ status });
        }}
        maxTagCount="responsive"
        options={STATUS_ORDER.map((s) => ({
          value: s,
          label: (
            <span>
              <span className="tz-dot" style={{ background: STATUS_COLOR[s] }} />
              {t(`status.${s}`)}
            </span>
          ),
        }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.area')}
        value={filter.area}
        className="tz-f-area"
        aria-label={t('ledger.area')}
        onChange={(area?: string) => {
          set({ area });
        }}
        options={areas.map((a) => ({ value: a.id, label: `${a.code}. ${a.shortName}`, title: a.title }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.unit')}
        value={filter.unit}
        className="tz-f-unit"
        aria-label={t('ledger.unit')}
        onChange={(unit?: string) => {
          set({ unit });
        }}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        allowClear
        placeholder={t('ledger.tag')}
        value={filter.tag}
        className="tz-f-tag"
        aria-label={t('ledger.tag')}
        onChange={(tag?: string) => {
          set({ tag });
        }}
        options={tags.map((tag) => ({ value: tag, label: tag }))}
      />
      <Input.Search
        allowClear
        placeholder={t('ledger.search')}
        defaultValue={filter.q}
        key={filter.q ?? ''}
        className="tz-f-q"
        aria-label={t('ledger.search')}
        onSearch={(q) => {
          set({ q: q.trim() || undefined });
        }}
      />
      <Button
        onClick={() => {
          onChange({});
        }}
      >
        {t('ledger.reset')}
      </Button>
    </div>
  );
}
