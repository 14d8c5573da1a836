import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Report, TaskDetail } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate, formatPercent, formatPeriod } from '../../i18n/format';
import { zh, type MessageKey } from '../../i18n/messages.zh';
import { todayInChina } from '../../lib/china-time';
import { useLoad } from '../../lib/useLoad';
import { StatusTag } from '../../ui/StatusTag';
import { ledgerHref } from '../../app/ledger-url';
import { LedgerNoteLine } from './LedgerNoteLine';
import { ReportCard } from './ReportCard';
import { ReportEditor } from './ReportEditor';
import { ReviewActions } from './ReviewActions';
import { useRegion } from '../../app/region';
import { History } from './History';
import { Instructions } from './Instructions';
import { AddMilestoneForm, MarkDoneButton } from './MilestoneActions';
import { Milestones } from './Milestones';
import { PeriodList } from './PeriodList';
import { IssueNoticeForm, NoticeList } from './Notices';
import { SourceSentence } from './SourceSentence';
import { ParentTaskLink, SubTasks } from './SubTasks';
import { getTask } from './task-api';
import { TaskEditDrawer } from './TaskEditDrawer';
import './task.css';

/**
 * Whether this account reports on the task, and which report it continues: the server decides both
 * (`task.can.report`, and a report's `can.edit` for a draft or returned one this account may still change).
 */
function reporting(task: TaskDetail): { may: boolean; editable: Report | undefined } {
  const editable = task.reports.find((r) => r.can.edit);
  // A finished task takes no new report: a display choice, the server would still accept one.
  return { may: task.can.report && task.status !== 'done', editable };
}

/** The latest few reports tell the story; older months open on demand. */
const REPORTS_SHOWN = 3;

function reasonKey(reason: string): MessageKey | null {
  const key = `reason.${reason}`;
  return key in zh ? (key as MessageKey) : null;
}

export function TaskPage() {
  const { taskId = '' } = useParams();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId } = useRegion();
  const { data: task, error, reload } = useLoad(() => getTask(taskId), taskId);
  const [editing, setEditing] = useState(false);
  const [allReports, setAllReports] = useState(false);
  const [editingTask, setEditingTask] = useState(false);
  // ?report=2026-05 (from the 待报送 list or a returned report) opens the editor on that period.
  const [params, setParams] = useSearchParams();
  const requested = params.get('report');

  if (error?.status === 403) {
    return (
      <Result
        status="403"
        title={t('error.forbiddenTask')}
        subTitle={errorText(error)}
        extra={
          <Link to={`/r/${regionId}/ledger`}>
            <Button>{t('nav.ledger')}</Button>
          </Link>
        }
      />
    );
  }
  if (error?.status === 404) return <Result status="404" title={t('error.taskNotFound')} />;
  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!task) return <Skeleton active paragraph={{ rows: 12 }} />;

  const { may, editable: anyEditable } = reporting(task);
  // The report to continue: the one of the requested period, else the unit's editable one.
  const editable = requested ? task.reports.find((r) => r.can.edit && r.period === requested) : anyEditable;
  const editorOpen = editing || (requested !== null && may);
  const closeEditor = () => {
    setEditing(false);
    if (requested !== null)
      setParams(
        (p) => {
          p.delete('report');
          return p;
        },
        { replace: true },
      );
  };
  const mayEditTask = task.can.edit;
  const roadmap = task.can.editRoadmap;
  const reports = [...task.reports].sort(
    (a, b) => b.period.localeCompare(a.period) || b.createdAt.localeCompare(a.createdAt),
  );
  const notesByPeriod = new Map(task.ledgerNotes.map((n) => [n.period, n]));
  const reportedPeriods = new Set(task.reports.map((r) => r.period));
  const loneNotes = task.ledgerNotes.filter((n) => !reportedPeriods.has(n.period));

  return (
    <div className="tz-task" data-testid="task-page">
      <Card size="small" className="tz-task-head">
        <ParentTaskLink task={task} />
        <Space wrap align="center" size={8}>
          <Typography.Text type="secondary">{task.code}</Typography.Text>
          <StatusTag status={task.status} />
          {task.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
        <Typography.Title level={4} className="tz-task-title" data-testid="task-title">
          {task.title}
        </Typography.Title>
        <div className="tz-task-progress">
          <span>{t('task.progress')}</span>
          <Progress
            percent={Math.round(task.progress)}
            strokeColor={STATUS_COLOR[task.status]}
            className="tz-grow"
          />
          <Typography.Text type="secondary">
            {t('task.timeElapsed', { time: formatPercent(task.timeElapsed, locale) })}
          </Typography.Text>
        </div>
        {task.reasons.length > 0 && (
          <Space wrap size={4}>
            {task.reasons.map((r) => {
              const key = reasonKey(r);
              return (
                <Tag key={r} color={task.status === 'delayed' ? 'red' : 'gold'}>
                  {key ? t(key) : r}
                </Tag>
              );
            })}
            {task.daysOverdue > 0 && <Tag color="red">{t('task.overdueDays', { n: task.daysOverdue })}</Tag>}
          </Space>
        )}
        {(may || mayEditTask) && (
          <div className="tz-task-head-actions">
            {may && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => {
                  setEditing(true);
                }}
                data-testid="report-open"
              >
                {editable
                  ? t('report.continue', { period: formatPeriod(editable.period, locale) })
                  : t('report.new')}
              </Button>
            )}
            {mayEditTask && (
              <Button
                icon={<FormOutlined />}
                onClick={() => {
                  setEditingTask(true);
                }}
                data-testid="task-edit-open"
              >
                {t('taskEdit.open')}
              </Button>
            )}
          </div>
        )}
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('task.reports')} className="tz-mb">
            {reports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.none')} />
            ) : (
              <Space orientation="vertical" className="tz-full">
                {(allReports ? reports : reports.slice(0, REPORTS_SHOWN)).map((r) => (
                  <ReportCard
                    key={r.id}
                    report={r}
                    ledgerNote={notesByPeriod.get(r.period)}
                    actions={<ReviewActions report={r} onDone={reload} />}
                  />
                ))}
                {!allReports && reports.length > REPORTS_SHOWN && (
                  <Button
                    type="link"
                    onClick={() => {
                      setAllReports(true);
                    }}
                  >
                    {t('task.allReports', { n: reports.length })}
                  </Button>
                )}
              </Space>
            )}
          </Card>
          {loneNotes.length > 0 && (
            <Card size="small" title={t('ledgerNote.title')} className="tz-mb" data-testid="ledger-notes">
              {loneNotes.map((n) => (
                <LedgerNoteLine key={n.period} note={n} withPeriod />
              ))}
            </Card>
          )}
          <Card size="small" title={t('task.notices')} className="tz-mb">
            <NoticeList notices={task.notices} onChanged={reload} />
            {task.can.notify && <IssueNoticeForm taskId={task.id} onIssued={reload} />}
          </Card>
          <Card size="small" title={t('task.instructions')}>
            <Instructions task={task} mayAdd={task.can.instruct} onChanged={reload} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('task.info')} className="tz-mb">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'plan',
                  label: t('ledger.plan'),
                  children: <Link to={ledgerHref(regionId, { plan: task.plan.id })}>{task.plan.title}</Link>,
                },
                ...(task.area
                  ? [
                      {
                        key: 'area',
                        label: t('task.area'),
                        children: (
                          <Link to={ledgerHref(regionId, { plan: task.plan.id, area: task.area.id })}>
                            {task.area.code}. {task.area.title}
                          </Link>
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'lead',
                  label: t('task.leadUnit'),
                  children: task.leadUnit ? (
                    <Link to={ledgerHref(regionId, { unit: task.leadUnit.id })}>{task.leadUnit.name}</Link>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'co',
                  label: t('task.coUnits'),
                  children: task.coUnits.length ? task.coUnits.map((u) => u.name).join('、') : '—',
                },
                { key: 'leader', label: t('task.leader'), children: task.leaderName ?? '—' },
                { key: 'start', label: t('task.startDate'), children: formatDate(task.startDate, locale) },
                {
                  key: 'due',
                  label: t('task.dueDate'),
                  children: task.ongoing ? (
                    <span data-testid="task-ongoing">{t('task.ongoing')}</span>
                  ) : (
                    formatDate(task.dueDate, locale)
                  ),
                },
                {
                  key: 'last',
                  label: t('task.lastReported'),
                  children: task.lastReportedPeriod ? formatPeriod(task.lastReportedPeriod, locale) : '—',
                },
                ...(task.implementationPlan
                  ? [
                      {
                        key: 'impl',
                        label: t('task.implementationPlan'),
                        children: <span className="tz-prewrap">{task.implementationPlan}</span>,
                      },
                    ]
                  : []),
                ...(task.workStandard
                  ? [
                      {
                        key: 'std',
                        label: t('task.workStandard'),
                        children: <span className="tz-prewrap">{task.workStandard}</span>,
                      },
                    ]
                  : []),
                ...(task.officeNote
                  ? [
                      {
                        key: 'note',
                        label: t('task.officeNote'),
                        children: <span className="tz-prewrap">{task.officeNote}</span>,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {task.source && (
            <Card size="small" title={t('task.source')} className="tz-mb">
              <SourceSentence source={task.source} />
            </Card>
          )}
          {(task.subTasks.length > 0 || task.can.edit) && (
            <Card size="small" title={t('subTask.title')} className="tz-mb" data-testid="sub-task-card">
              <SubTasks task={task} onCreated={reload} />
            </Card>
          )}
          <Card size="small" title={t('task.milestones')} className="tz-mb" data-testid="milestones">
            <Milestones
              milestones={task.milestones}
              today={todayInChina()}
              action={roadmap ? (m) => <MarkDoneButton milestone={m} onDone={reload} /> : undefined}
            />
            {roadmap && <AddMilestoneForm taskId={task.id} onAdded={reload} />}
          </Card>
          <Card size="small" title={t('period.title')} className="tz-mb" data-testid="task-periods">
            <PeriodList
              taskId={task.id}
              refreshKey={task.reports.map((r) => `${r.id}:${r.status}`).join(',')}
              onChanged={reload}
            />
          </Card>
          <Card size="small" title={t('task.history')}>
            <History history={task.history} />
          </Card>
        </Col>
      </Row>
      {editingTask && (
        <TaskEditDrawer
          task={task}
          regionId={regionId}
          onClose={() => {
            setEditingTask(false);
          }}
          onSaved={reload}
        />
      )}
      {editorOpen && (
        <ReportEditor
          taskId={task.id}
          existing={editable}
          progressNow={task.progress}
          requestedPeriod={requested}
          open={editorOpen}
          onClose={closeEditor}
          onSaved={reload}
        />
      )}
    </div>
  );
}
