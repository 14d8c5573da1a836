import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { ProjectStage, ProjectSummary } from '../../api/types';
import { useRegion } from '../../app/region';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatNumber, formatPercent } from '../../i18n/format';
import { STAGES, useStageLabel } from '../../lib/stage-label';
import { useLoad } from '../../lib/useLoad';
import { StatusTag } from '../../ui/StatusTag';
import { ProjectEditorButton } from './ProjectEditor';
import { loadConversion, loadProjects, projectsXlsxUrl, type ProjectFilter } from './projects-api';
import { RegionSettingsButton } from './RegionSettingsButton';
import { PageHead } from '../../ui/PageHead';
import './projects.css';

const LEVELS = ['province', 'city', 'district'] as const;
const PAGE = 50;

function filterOf(params: URLSearchParams): ProjectFilter {
  const stage = params.get('stage');
  const level = params.get('level');
  return {
    ...(stage && (STAGES as readonly string[]).includes(stage) && { stage: stage as ProjectStage }),
    ...(level && (LEVELS as readonly string[]).includes(level) && { level: level as ProjectFilter['level'] }),
    ...(params.get('category') && { category: params.get('category')! }),
    ...(params.get('town') && { town: params.get('town')! }),
  };
}

/** 重点项目: the region's lists with totals, filters held in the URL, and the year's conversion. */
export function ProjectsPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId, unitName } = useRegion();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const key = `${regionId}|${params.toString()}`;
  const me = useMe();
  const office = (me.role === 'office' && me.regionId === regionId) || me.role === 'admin';
  const { data, error, reload } = useLoad(() => loadProjects(regionId, filter, (page - 1) * PAGE, PAGE), key);
  const year = Number((data?.month ?? '').slice(0, 4)) || new Date().getFullYear();
  const stageLabel = useStageLabel(data?.stageLabels);
  const conversion = useLoad(() => loadConversion(regionId, year), `${regionId}|${year}`).data;

  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, locale));

  return (
    <div data-testid="projects-page">
      <PageHead title={t('prj.title')}>
        <Space wrap>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={projectsXlsxUrl(regionId, filter, data?.month)}
            data-testid="projects-export"
          >
            {t('excel.export')}
          </Button>
          {office && (
            <>
              <Link to={`/r/${regionId}/excel?kind=projects`}>
                <Button size="small" icon={<UploadOutlined />} data-testid="projects-import">
                  {t('excel.import')}
                </Button>
              </Link>
              <ProjectEditorButton stageLabels={data?.stageLabels} onDone={reload} />
              <RegionSettingsButton regionId={regionId} onDone={reload} />
            </>
          )}
        </Space>
      </PageHead>
      <Space wrap className="tz-project-filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('prj.stage')}
          value={filter.stage}
          onChange={(v?: string) => {
            set('stage', v);
          }}
          options={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
          data-testid="filter-stage"
        />
        <Select
          allowClear
          placeholder={t('prj.level')}
          value={filter.level}
          onChange={(v?: string) => {
            set('level', v);
          }}
          options={LEVELS.map((l) => ({ value: l, label: t(`prj.level.${l}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('prj.category')}
          defaultValue={filter.category}
          onSearch={(v) => {
            set('category', v.trim() || undefined);
          }}
        />
        <Input.Search
          allowClear
          placeholder={t('prj.town')}
          defaultValue={filter.town}
          onSearch={(v) => {
            set('town', v.trim() || undefined);
          }}
        />
      </Space>
      {error && <Alert type="error" title={errorText(error)} showIcon />}
      {!data && !error && <Skeleton active />}
      {data && (
        <>
          <Typography.Paragraph className="tz-project-totals" data-testid="project-totals">
            {t('prj.totals', {
              count: data.totals.count,
              total: formatNumber(data.totals.totalInvestment, locale),
              plan: formatNumber(data.totals.yearPlan, locale),
              done: formatNumber(data.totals.yearToDate, locale),
              rate: pct(data.totals.completion),
              time: formatPercent(data.totals.elapsed, locale),
            })}
          </Typography.Paragraph>
          {conversion && (
            <Typography.Paragraph type="secondary" data-testid="project-conversion">
              {t('prj.conversion', {
                reserve: conversion.newReserve,
                signed: conversion.newSigned,
                started: conversion.newStarted,
                operating: conversion.newOperating,
                s2s: pct(conversion.signedToStarted),
                s2o: pct(conversion.startedToOperating),
              })}
            </Typography.Paragraph>
          )}
          <Table<ProjectSummary>
            rowKey="id"
            size="small"
            dataSource={data.items}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('prj.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.totals.count,
              showSizeChanger: false,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
            columns={[
              {
                title: t('prj.name'),
                dataIndex: 'name',
                fixed: 'left',
                width: 220,
                render: (name: string, p) => <Link to={`/r/${regionId}/projects/${p.id}`}>{name}</Link>,
              },
              { title: t('prj.stage'), dataIndex: 'stage', render: (s: ProjectStage) => stageLabel(s) },
              {
                title: t('prj.level'),
                dataIndex: 'level',
                render: (l: ProjectSummary['level']) => t(`prj.level.${l}`),
              },
              { title: t('prj.category'), dataIndex: 'category' },
              { title: t('prj.town'), dataIndex: 'town' },
              { title: t('prj.leadUnit'), dataIndex: 'leadUnitId', render: (id: string) => unitName(id) },
              {
                title: t('prj.totalInvestment'),
                dataIndex: 'totalInvestment',
                align: 'right',
                render: (v: number) => formatNumber(v, locale),
              },
              {
                title: t('prj.yearPlan'),
                key: 'plan',
                align: 'right',
                render: (_, p) =>
                  p.figures.yearPlan === null ? t('prj.noPlan') : formatNumber(p.figures.yearPlan, locale),
              },
              {
                title: t('prj.yearToDate'),
                key: 'ytd',
                align: 'right',
                render: (_, p) => formatNumber(p.figures.yearToDate, locale),
              },
              {
                title: t('prj.completion'),
                key: 'rate',
                align: 'right',
                render: (_, p) => pct(p.figures.completion),
              },
              {
                title: t('prj.status'),
                key: 'status',
                render: (_, p) => <StatusTag status={p.figures.status} />,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
