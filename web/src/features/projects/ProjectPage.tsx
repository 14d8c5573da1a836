import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import type { ProjectDetail } from '../../api/types';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate, formatNumber, formatPercent, formatPeriod } from '../../i18n/format';
import { todayInChina } from '../../lib/china-time';
import { useStageLabel } from '../../lib/stage-label';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { StatusTag } from '../../ui/StatusTag';
import { ProjectEditorButton } from './ProjectEditor';
import { ProjectPhotos } from './ProjectPhotos';
import { MoveStageButton, ReportMonthButton } from './ProjectForms';
import { confirmMonth, loadProject, markMilestone } from './projects-api';
import { PageHead } from '../../ui/PageHead';
import './projects.css';

/**
 * One key project: its record, figures against 序时, stage moves, roadmap, monthly reports with their
 * 形象进度照片, and problems.
 */
export function ProjectPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { projectId = '' } = useParams();
  const { unitName } = useRegion();
  const { data, error, reload } = useLoad(() => loadProject(projectId), projectId);
  const { run } = useWrite();
  const stageLabel = useStageLabel(data?.stageLabels);
  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const p: ProjectDetail = data;
  const f = p.figures;
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, locale));
  const zh = locale === 'zh-CN';
  const wan = (v: number | null) => (v === null ? t('prj.noPlan') : formatNumber(v, locale));

  return (
    <div data-testid="project-page">
      <PageHead
        title={
          <>
            {p.name} <StatusTag status={f.status} />
          </>
        }
      >
        <Space wrap>
          {p.can.report && <ReportMonthButton project={p} onDone={reload} />}
          {p.can.move_stage && <MoveStageButton project={p} onDone={reload} />}
          {p.can.edit && <ProjectEditorButton project={p} stageLabels={p.stageLabels} onDone={reload} />}
        </Space>
      </PageHead>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        className="tz-project-figures"
        data-testid="project-figures"
      >
        <Descriptions.Item label={t('prj.stage')}>{stageLabel(p.stage)}</Descriptions.Item>
        <Descriptions.Item label={t('prj.yearPlan')}>{wan(f.yearPlan)}</Descriptions.Item>
        <Descriptions.Item label={t('prj.yearToDate')}>
          {formatNumber(f.yearToDate, locale)}
          {zh ? '（' : ' ('}
          {pct(f.completion)}
          {zh ? '，' : ', '}
          {t('ind.series.pace')} {formatPercent(f.elapsed, locale)}
          {zh ? '）' : ')'}
        </Descriptions.Item>
        <Descriptions.Item label={t('prj.sinceStart')}>
          {formatNumber(f.sinceStart, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('prj.totalShare')}>{pct(f.totalShare)}</Descriptions.Item>
        <Descriptions.Item label={t('prj.totalInvestment')}>
          {formatNumber(p.totalInvestment, locale)}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('prj.record')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('prj.level')}>{t(`prj.level.${p.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('prj.nature')}>{t(`prj.nature.${p.nature}`)}</Descriptions.Item>
          <Descriptions.Item label={t('prj.category')}>{p.category}</Descriptions.Item>
          <Descriptions.Item label={t('prj.industry')}>{p.industry}</Descriptions.Item>
          <Descriptions.Item label={t('prj.town')}>{p.town}</Descriptions.Item>
          <Descriptions.Item label={t('prj.park')}>{p.park}</Descriptions.Item>
          <Descriptions.Item label={t('prj.location')}>{p.location}</Descriptions.Item>
          <Descriptions.Item label={t('prj.capacity')}>{p.capacity}</Descriptions.Item>
          <Descriptions.Item label={t('prj.years')}>
            {[p.startYear, p.endYear].filter(Boolean).join('—')}
          </Descriptions.Item>
          <Descriptions.Item label={t('prj.plannedStart')}>
            {formatDate(p.plannedStart, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('prj.actualStart')}>
            {formatDate(p.actualStart, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('prj.plannedEnd')}>
            {formatDate(p.plannedEnd, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('prj.funding')}>{p.funding}</Descriptions.Item>
          <Descriptions.Item label={t('prj.yearGoal')}>{p.yearGoal}</Descriptions.Item>
          <Descriptions.Item label={t('prj.inStatistics')}>{p.inStatistics ? '✓' : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('prj.leader')}>{p.leader}</Descriptions.Item>
          <Descriptions.Item label={t('prj.leadUnit')}>{unitName(p.leadUnitId)}</Descriptions.Item>
          <Descriptions.Item label={t('prj.leadContact')}>{p.leadContact}</Descriptions.Item>
          <Descriptions.Item label={t('prj.owner')}>
            {[p.ownerCompany, p.ownerContact].filter(Boolean).join(' · ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('prj.content')} span={3}>
            {p.content}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <div className="tz-project-columns">
        <Card size="small" title={t('prj.moves')}>
          <Timeline
            items={p.moves.map((m) => ({
              children: (
                <span>
                  {formatDate(m.movedOn, locale)} {m.from ? `${stageLabel(m.from)} → ` : ''}
                  {stageLabel(m.to)}
                  {m.reason && <Typography.Text type="secondary">（{m.reason}）</Typography.Text>}
                </span>
              ),
            }))}
          />
        </Card>
        <Card size="small" title={t('prj.milestones')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.milestones}
            columns={[
              { title: t('prj.milestones'), dataIndex: 'name' },
              {
                title: t('prj.dueDate'),
                dataIndex: 'dueDate',
                render: (d: string | null) => formatDate(d, locale),
              },
              {
                title: t('prj.doneDate'),
                key: 'done',
                render: (_, m) =>
                  m.doneDate ? (
                    formatDate(m.doneDate, locale)
                  ) : p.can.track ? (
                    <Button
                      size="small"
                      onClick={() =>
                        void run(() => markMilestone(m.id, m.version, todayInChina()), {}).then(reload)
                      }
                    >
                      {t('prj.markDone')}
                    </Button>
                  ) : (
                    ''
                  ),
              },
            ]}
          />
        </Card>
      </div>
      <Card
        size="small"
        title={t('prj.reports')}
        extra={
          <Space size={4} wrap data-testid="report-due">
            <Typography.Text type="secondary">{t('prj.dueDay', { day: p.reporting.dueDay })}</Typography.Text>
            {p.reporting.overdue && (
              <Tag color="red">{t('prj.monthOverdue', { date: formatDate(p.reporting.dueOn, locale) })}</Tag>
            )}
          </Space>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={[...p.reports].reverse()}
          data-testid="project-reports"
          columns={[
            { title: t('prj.month'), dataIndex: 'month', render: (m: string) => formatPeriod(m, locale) },
            {
              title: t('prj.investment'),
              dataIndex: 'investment',
              align: 'right',
              render: (v: number) => formatNumber(v, locale),
            },
            { title: t('prj.progress'), dataIndex: 'progress' },
            { title: t('prj.nextPlan'), dataIndex: 'nextPlan' },
            {
              title: t('prj.timeliness'),
              key: 'late',
              render: (_, r) => {
                const late = p.reporting.late.find((l) => l.month === r.month);
                return late ? (
                  <Tag color="orange">{t('prj.daysLate', { days: late.daysLate })}</Tag>
                ) : (
                  <Tag color="green">{t('prj.onTime')}</Tag>
                );
              },
            },
            {
              title: t('prj.status'),
              key: 'status',
              render: (_, r) =>
                r.status === 'confirmed' ? (
                  <Tag color="blue">{t('prj.confirmed')}</Tag>
                ) : p.can.confirm_report ? (
                  <Button
                    size="small"
                    data-testid={`confirm-month-${r.month}`}
                    onClick={() =>
                      void run(() => confirmMonth(r.id), { success: t('prj.confirmed') }).then(reload)
                    }
                  >
                    {t('prj.confirm')}
                  </Button>
                ) : (
                  <Tag>{t('prj.submitted')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <ProjectPhotos project={p} onDone={reload} />
      <Card size="small" title={t('prj.problems')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.problems}
          columns={[
            { title: t('prj.problem'), dataIndex: 'text' },
            { title: t('prj.problemOwner'), dataIndex: 'owner' },
            {
              title: t('prj.problemDeadline'),
              dataIndex: 'deadline',
              render: (d: string) => formatDate(d, locale),
            },
            {
              title: t('prj.resolution'),
              key: 'resolution',
              render: (_, x) =>
                x.resolution ? `${x.resolution}（${formatDate(x.resolvedOn, locale)}）` : '—',
            },
          ]}
        />
      </Card>
    </div>
  );
}
