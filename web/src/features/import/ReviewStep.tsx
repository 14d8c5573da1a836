import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  List,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import type { Target, TaskSummary } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { ledgerHref } from '../../app/ledger-url';
import { useRegion } from '../../app/region';
import { DocumentPane, type Span } from './DocumentPane';
import {
  importReview,
  planOverview,
  planSource,
  planTargets,
  planTasks,
  publishPlan,
  setLeadUnit,
} from './import-api';
import { recallImport } from './import-store';
import { assignLeads, suggestedAssignments, type LeadAssignment } from './bulk-lead';
import { ImportSteps } from './UploadStep';
import { PageHead } from '../../ui/PageHead';

function titleSpan(text: string | null, title: string): Span | null {
  const start = text ? text.indexOf(title) : -1;
  return start < 0 ? null : { start, end: start + title.length };
}

async function loadReview(planId: string) {
  const [overview, tasks, source, targets, review] = await Promise.all([
    planOverview(planId),
    planTasks(planId),
    planSource(planId),
    planTargets(planId),
    importReview(planId),
  ]);
  return { overview, tasks, source: source.text, targets, review };
}

/** Lead units the document named that the region lacks, from the ledger when the import answer is gone. */
function unmatchedLeads(
  tasks: readonly TaskSummary[],
): { name: string; role: 'lead'; taskCodes: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const task of tasks) {
    if (task.leadUnit || !task.proposedLeadUnit) continue;
    byName.set(task.proposedLeadUnit, [...(byName.get(task.proposedLeadUnit) ?? []), task.code]);
  }
  return [...byName].map(([name, taskCodes]) => ({ name, role: 'lead', taskCodes }));
}

/** The task as stored now, from the row a refused (412) save carries: the user sees the other person's choice. */
function asStored(
  task: TaskSummary,
  current: Record<string, unknown>,
  unitName: (id: string) => string,
  unitActive: (id: string) => boolean,
): TaskSummary {
  const lead =
    typeof current.lead_unit_id === 'string'
      ? current.lead_unit_id
      : typeof current.leadUnitId === 'string'
        ? current.leadUnitId
        : null;
  return {
    ...task,
    version: Number(current.version),
    leadUnit: lead ? { id: lead, name: unitName(lead), active: unitActive(lead) } : null,
  };
}

/** Review of a draft plan: every proposed item beside the document, lead units fixed from the region's list, then publish. */
export function ReviewStep({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { regionId, units, unitName, reload: reloadRegion } = useRegion();
  const { data, error } = useLoad(() => loadReview(planId), planId);
  const proposal = useMemo(() => recallImport(planId), [planId]);
  const [edited, setEdited] = useState<Record<string, TaskSummary>>({});
  const [selected, setSelected] = useState<{ key: string; span: Span | null } | null>(null);
  const leadWrite = useWrite();
  // Which row's lead unit the write is for, so only that row's select spins.
  const [saving, setSaving] = useState<string | null>(null);
  const publishWrite = useWrite();
  const bulkWrite = useWrite();
  const [picked, setPicked] = useState<string[]>([]);
  const [bulkUnit, setBulkUnit] = useState<string | undefined>(undefined);

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;

  const plan = data.overview.plan;
  const published = plan.status === 'published';
  const spanOf = new Map((proposal?.tasks ?? []).map((task) => [task.id, task.source]));
  // Without the import answer (another tab, a later visit) the ledger keeps each task's span; a task added
  // by hand has none, and its title is looked up in the text instead.
  const spanFor = (task: TaskSummary): Span | null =>
    spanOf.get(task.id) ?? task.source ?? titleSpan(data.source, task.title);
  const proposedLead = new Map(data.tasks.map((task) => [task.id, task.proposedLeadUnit]));
  const areaCode = new Map(data.overview.areas.map((a) => [a.id, a.code]));
  const tasks = data.tasks.map((task) => edited[task.id] ?? task);
  const warnings = [...new Set([...plan.warnings, ...(proposal?.warnings ?? [])])];
  const unmatched = proposal?.unmatchedUnits ?? unmatchedLeads(tasks);
  const missingLead = tasks.filter((task) => !task.leadUnit).length;
  const suggestion = new Map<string, string | null>(data.review.suggestions.map((s) => [s.taskId, s.unitId]));
  const unread = new Map(data.review.unreadDeadlines.map((u) => [u.taskId, u.text]));
  const pickedSet = new Set(picked);
  const suggestedForPicked = suggestedAssignments(
    tasks,
    suggestion,
    picked.length > 0 ? pickedSet : undefined,
  );
  const activeUnits = units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  const changeLead = async (task: TaskSummary, leadUnitId: string | null) => {
    setSaving(task.id);
    await leadWrite.run(
      async () => {
        const updated = await setLeadUnit(task.id, task.version, leadUnitId);
        setEdited((all) => ({ ...all, [task.id]: updated }));
      },
      {
        success: t('import.leadSaved', { code: task.code }),
        onError: (e) => {
          const current = e instanceof ApiError ? e.current : null;
          if (!current) return false;
          // Someone changed this task meanwhile: show their choice and take their version; the user re-picks if need be.
          const stored = asStored(
            task,
            current,
            unitName,
            (id) => units.find((u) => u.id === id)?.active ?? true,
          );
          setEdited((all) => ({ ...all, [task.id]: stored }));
          void message.warning(
            t('import.staleLead', { code: task.code, unit: stored.leadUnit?.name ?? '—' }),
            6,
          );
          return true;
        },
      },
    );
  };

  // Several tasks at once: the selected rows to one unit, or each to the unit suggested for it.
  const assignMany = async (assignments: LeadAssignment<TaskSummary>[]) => {
    if (assignments.length === 0) return;
    await bulkWrite.run(async () => {
      const out = await assignLeads(assignments, (task, unitId) =>
        setLeadUnit(task.id, task.version, unitId),
      );
      setEdited((all) => {
        const next = { ...all };
        for (const { task, result } of out.saved) next[task.id] = result;
        for (const { task, error } of out.failed) {
          const current = error instanceof ApiError ? error.current : null;
          if (current)
            next[task.id] = asStored(
              task,
              current,
              unitName,
              (id) => units.find((u) => u.id === id)?.active ?? true,
            );
        }
        return next;
      });
      setPicked([]);
      if (out.saved.length > 0) void message.success(t('import.bulkSaved', { n: out.saved.length }));
      if (out.failed.length > 0)
        void message.warning(
          t('import.bulkFailed', {
            n: out.failed.length,
            codes: out.failed.map((f) => f.task.code).join('、'),
          }),
          8,
        );
    }, {});
  };

  const publish = async () => {
    if (!(await publishWrite.run(() => publishPlan(plan.id), { success: t('import.published') }))) return;
    reloadRegion();
    void navigate(ledgerHref(regionId, { plan: plan.id }));
  };

  const select = (key: string, span: Span | null) => {
    setSelected({ key, span });
  };
  const rowClass = (key: string) => (selected?.key === key ? 'tz-selected-row' : 'tz-clickable-row');

  return (
    <div data-testid="import-review">
      <PageHead title={plan.title}>
        <Tag color={published ? 'green' : 'orange'}>{t(published ? 'plan.published' : 'plan.draft')}</Tag>
        {plan.sourceName && <Typography.Text type="secondary">{plan.sourceName}</Typography.Text>}
      </PageHead>
      <ImportSteps current={published ? 2 : 1} />
      <Space wrap className="tz-mb">
        <Typography.Text>
          {t('import.summary', {
            areas: data.overview.areas.length,
            tasks: tasks.length,
            targets: data.targets.length,
          })}
        </Typography.Text>
        {missingLead > 0 && <Tag color="orange">{t('import.missingLead', { n: missingLead })}</Tag>}
        {published ? (
          <Link to={ledgerHref(regionId, { plan: plan.id })}>
            <Button>{t('import.openLedger')}</Button>
          </Link>
        ) : (
          <Popconfirm
            title={t('import.publishConfirm', { n: tasks.length })}
            onConfirm={() => void publish()}
            okText={t('import.publish')}
            cancelText={t('common.cancel')}
          >
            <Button type="primary" loading={publishWrite.busy} data-testid="import-publish">
              {t('import.publish')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="tz-mb"
          title={t('import.warnings', { n: warnings.length })}
          description={
            <ul className="tz-warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {unmatched.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="tz-mb"
          title={t('import.unmatched')}
          description={
            <ul className="tz-warnings">
              {unmatched.map((u) => (
                <li key={`${u.name}-${u.role}`}>
                  {t('import.unmatchedItem', {
                    name: u.name,
                    role: t(u.role === 'lead' ? 'task.leadUnit' : 'task.coUnits'),
                    codes: u.taskCodes.join('、'),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('import.document')} className="tz-doc-card">
            <DocumentPane text={data.source} span={selected?.span ?? null} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'tasks',
                  label: `${t('import.tasks')} (${tasks.length})`,
                  children: (
                    <>
                      {!published && (
                        <div className="tz-bulk" data-testid="bulk-lead">
                          <Typography.Text type="secondary">
                            {t('import.picked', { n: picked.length })}
                          </Typography.Text>
                          <Select
                            size="small"
                            className="tz-bulk-unit"
                            allowClear
                            showSearch={{ optionFilterProp: 'label' }}
                            placeholder={t('import.pickUnit')}
                            aria-label={t('import.bulkUnit')}
                            data-testid="bulk-unit"
                            value={bulkUnit}
                            onChange={(id?: string) => {
                              setBulkUnit(id);
                            }}
                            options={activeUnits}
                          />
                          <Button
                            size="small"
                            type="primary"
                            disabled={picked.length === 0 || !bulkUnit}
                            loading={bulkWrite.busy}
                            data-testid="bulk-assign"
                            onClick={() =>
                              void assignMany(
                                tasks
                                  .filter((task) => pickedSet.has(task.id))
                                  .map((task) => ({ task, unitId: bulkUnit! })),
                              )
                            }
                          >
                            {t('import.bulkAssign')}
                          </Button>
                          <Button
                            size="small"
                            disabled={suggestedForPicked.length === 0}
                            loading={bulkWrite.busy}
                            data-testid="bulk-accept"
                            onClick={() => void assignMany(suggestedForPicked)}
                          >
                            {t('import.acceptSuggestions', { n: suggestedForPicked.length })}
                          </Button>
                        </div>
                      )}
                      <Table<TaskSummary>
                        size="small"
                        rowKey="id"
                        pagination={false}
                        rowSelection={
                          published
                            ? undefined
                            : {
                                selectedRowKeys: picked,
                                onChange: (keys) => {
                                  setPicked(keys.map(String));
                                },
                                columnWidth: 32,
                              }
                        }
                        dataSource={tasks}
                        scroll={{ x: 640, y: 560 }}
                        rowClassName={(task) => rowClass(task.id)}
                        onRow={(task) => ({
                          onClick: () => {
                            select(task.id, spanFor(task));
                          },
                        })}
                        columns={[
                          { title: t('task.code'), dataIndex: 'code', width: 56 },
                          { title: t('task.title'), dataIndex: 'title', ellipsis: true },
                          {
                            title: t('task.area'),
                            key: 'area',
                            width: 56,
                            render: (_, task) => (task.areaId ? areaCode.get(task.areaId) : '—'),
                          },
                          {
                            title: t('task.dueDate'),
                            dataIndex: 'dueDate',
                            width: 136,
                            render: (d: string | null, task) => {
                              const text = d ? undefined : unread.get(task.id);
                              if (!text) return formatDate(d, locale);
                              return (
                                <Tooltip title={t('import.unreadDeadline', { text })}>
                                  <Tag
                                    color="warning"
                                    className="tz-unread-date"
                                    data-testid="unread-deadline"
                                  >
                                    {text}
                                  </Tag>
                                </Tooltip>
                              );
                            },
                          },
                          {
                            title: t('task.leadUnit'),
                            key: 'lead',
                            width: 200,
                            render: (_, task) => (
                              <div
                                onClick={(e) => {
                                  e.stopPropagation();
                                }}
                              >
                                <Select
                                  size="small"
                                  className="tz-full"
                                  allowClear
                                  showSearch={{ optionFilterProp: 'label' }}
                                  disabled={published}
                                  loading={leadWrite.busy && saving === task.id}
                                  value={task.leadUnit?.id}
                                  placeholder={proposedLead.get(task.id) ?? t('import.pickUnit')}
                                  status={task.leadUnit ? undefined : 'warning'}
                                  aria-label={t('task.leadUnit')}
                                  data-testid={`lead-${task.id}`}
                                  onChange={(id?: string) => void changeLead(task, id ?? null)}
                                  options={activeUnits}
                                />
                                {!task.leadUnit && !published && suggestion.get(task.id) && (
                                  <Button
                                    type="link"
                                    size="small"
                                    className="tz-suggestion"
                                    data-testid={`suggest-${task.id}`}
                                    onClick={() => void changeLead(task, suggestion.get(task.id) ?? null)}
                                  >
                                    {t('import.suggested', { unit: unitName(suggestion.get(task.id)) })}
                                  </Button>
                                )}
                              </div>
                            ),
                          },
                        ]}
                      />
                    </>
                  ),
                },
                {
                  key: 'areas',
                  label: `${t('import.areas')} (${data.overview.areas.length})`,
                  children: (
                    <List
                      size="small"
                      dataSource={data.overview.areas}
                      renderItem={(a) => (
                        <List.Item
                          key={a.id}
                          className={rowClass(a.id)}
                          onClick={() => {
                            select(a.id, a.source);
                          }}
                        >
                          {a.code}. {a.title}
                        </List.Item>
                      )}
                    />
                  ),
                },
                {
                  key: 'targets',
                  label: `${t('import.targets')} (${data.targets.length})`,
                  children: (
                    <Table<Target>
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={data.targets}
                      scroll={{ x: 520 }}
                      rowClassName={(target) => rowClass(target.id)}
                      onRow={(target) => ({
                        onClick: () => {
                          select(target.id, target.source);
                        },
                      })}
                      columns={[
                        { title: t('import.indicator'), dataIndex: 'indicator', ellipsis: true },
                        {
                          title: t('import.value'),
                          key: 'value',
                          width: 140,
                          render: (_, x) =>
                            `${x.comparator === '~' ? '≈' : x.comparator === '=' ? '' : x.comparator} ${x.value}${x.unit}`,
                        },
                        {
                          title: t('import.period'),
                          dataIndex: 'period',
                          width: 90,
                          render: (p: string | null) => p ?? '—',
                        },
                        { title: t('import.sourceText'), dataIndex: 'sourceText', ellipsis: true },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
