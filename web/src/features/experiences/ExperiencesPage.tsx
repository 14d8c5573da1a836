import { useState } from 'react';
import { Alert, Button, Empty, Input, Segmented, Select, Spin, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { ExperienceStatus } from '../../api/types';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { ExperienceCard } from './ExperienceCard';
import { listRegionExperiences, searchLibrary } from './experiences-api';
import { ProposeForm } from './ProposeForm';
import { PageHead } from '../../ui/PageHead';
import './experiences.css';

const STATUSES: ExperienceStatus[] = ['proposed', 'accepted', 'returned'];

/**
 * 可复制推广经验: the library of every region's accepted experiences, searched by its words and filtered by
 * region, area and year (all in the URL), and this region's own experiences with their review state.
 */
export function ExperiencesPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId } = useRegion();
  const [params, setParams] = useSearchParams();
  const [proposing, setProposing] = useState(false);
  const tab = params.get('tab') === 'region' ? 'region' : 'library';
  const filter = {
    q: params.get('q') ?? undefined,
    regionId: params.get('region') ?? undefined,
    area: params.get('area') ?? undefined,
    year: params.get('year') ?? undefined,
  };
  const status = (params.get('status') ?? undefined) as ExperienceStatus | undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const library = useLoad(
    () => (tab === 'library' ? searchLibrary(filter) : Promise.resolve(undefined)),
    `lib:${tab}:${params.toString()}`,
  );
  const own = useLoad(
    () => (tab === 'region' ? listRegionExperiences(regionId, status) : Promise.resolve([])),
    `own:${tab}:${regionId}:${status ?? ''}`,
  );
  const isUnitStaff = (me.role === 'reporter' || me.role === 'unit_head') && me.unitId !== null;
  const facets = library.data?.facets;
  const error = library.error ?? own.error;

  return (
    <div data-testid="experiences-page">
      <PageHead title={t('exp.title')} />
      <Tabs
        activeKey={tab}
        onChange={(next) => {
          setParams(next === 'region' ? { tab: 'region' } : {});
        }}
        items={[
          { key: 'library', label: t('exp.tab.library') },
          { key: 'region', label: t('exp.tab.region') },
        ]}
      />
      {tab === 'library' ? (
        <div className="tz-exp-filters">
          <Input.Search
            allowClear
            className="tz-exp-search"
            placeholder={t('exp.search')}
            aria-label={t('exp.search')}
            defaultValue={filter.q}
            onSearch={(q) => {
              set({ q: q.trim() || undefined });
            }}
          />
          <Select
            allowClear
            className="tz-exp-select"
            placeholder={t('exp.filter.region')}
            aria-label={t('exp.filter.region')}
            value={filter.regionId}
            onChange={(v?: string) => {
              set({ region: v });
            }}
            options={(facets?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
          <Select
            allowClear
            className="tz-exp-select"
            placeholder={t('exp.filter.area')}
            aria-label={t('exp.filter.area')}
            value={filter.area}
            onChange={(v?: string) => {
              set({ area: v });
            }}
            options={(facets?.areaTitles ?? []).map((a) => ({ value: a, label: a }))}
          />
          <Select
            allowClear
            className="tz-exp-select"
            placeholder={t('exp.filter.year')}
            aria-label={t('exp.filter.year')}
            value={filter.year}
            onChange={(v?: string) => {
              set({ year: v });
            }}
            options={(facets?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
          />
        </div>
      ) : (
        <div className="tz-exp-filters">
          <Segmented<string>
            value={status ?? 'all'}
            onChange={(v) => {
              set({ status: v === 'all' ? undefined : v });
            }}
            options={[
              { value: 'all', label: t('notices.filter.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`exp.status.${s}`) })),
            ]}
            aria-label={t('exp.filter.status')}
          />
          {isUnitStaff && (
            <Button
              type="primary"
              onClick={() => {
                setProposing(true);
              }}
            >
              {t('exp.propose')}
            </Button>
          )}
        </div>
      )}
      {error ? (
        <Alert type="error" title={errorText(error)} showIcon />
      ) : tab === 'library' ? (
        <Spin spinning={library.loading}>
          {library.data && (
            <Typography.Paragraph type="secondary">
              {t('exp.count', { n: library.data.total })}
            </Typography.Paragraph>
          )}
          {library.data?.items.length === 0 && <Empty description={t('exp.empty')} />}
          {library.data?.items.map((e) => (
            <ExperienceCard key={e.id} experience={e} regionId={regionId} />
          ))}
        </Spin>
      ) : (
        <Spin spinning={own.loading}>
          {own.data?.length === 0 && <Empty description={t('exp.empty')} />}
          {own.data?.map((e) => (
            <ExperienceCard key={e.id} experience={e} regionId={regionId} />
          ))}
        </Spin>
      )}
      <ProposeForm
        open={proposing}
        onClose={() => {
          setProposing(false);
        }}
        onSaved={() => {
          setProposing(false);
          own.reload();
        }}
      />
    </div>
  );
}
