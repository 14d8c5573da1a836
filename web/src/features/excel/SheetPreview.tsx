import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatPeriod } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages.zh';
import type { LedgerImport, ProjectImport, ReportImport, SheetIssue } from './excel-api';

/** What every import's dry run lists: rows to create, to update, skipped, and errors. */
type ImportLists = Record<'created' | 'updated' | 'skipped' | 'errors', readonly unknown[]>;

function ImportCounts({ result }: { result: ImportLists }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} className="tz-mb" data-testid="excel-counts">
      {(['created', 'updated', 'skipped', 'errors'] as const).map((k) => (
        <Col xs={12} md={6} key={k}>
          <Card size="small">
            <Statistic
              title={t(`excel.count.${k}`)}
              value={result[k].length}
              className={k === 'errors' && result.errors.length > 0 ? 'tz-excel-bad' : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const ISSUE_CODES = new Set([
  'date_unreadable',
  'title_missing',
  'title_too_long',
  'text_too_long',
  'unit_unknown',
  'id_unknown',
  'id_repeated',
  'id_other_plan',
  'progress_invalid',
  'narrative_missing',
  'narrative_too_long',
  'task_not_own',
  'period_closed',
  'negative',
  'number_invalid',
  'nature_unknown',
  'month_future',
  'name_too_long',
  'name_ambiguous',
  'lead_unit_missing',
  'lead_unit_unknown',
]);

export function IssueTable({ issues }: { issues: SheetIssue[] }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div className="tz-mb" data-testid="excel-errors">
      <Alert type="error" showIcon title={t('excel.errorsFound', { n: issues.length })} className="tz-mb" />
      <Table<SheetIssue>
        size="small"
        rowKey={(i) => `${i.sheet}!${i.column}${i.row}:${i.code}`}
        dataSource={issues}
        pagination={issues.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('excel.col.sheet'), dataIndex: 'sheet', width: 100 },
          { title: t('excel.col.row'), dataIndex: 'row', width: 60 },
          { title: t('excel.col.column'), dataIndex: 'column', width: 60 },
          {
            title: t('excel.col.problem'),
            key: 'code',
            render: (_, i) => (ISSUE_CODES.has(i.code) ? t(`excel.issue.${i.code}` as MessageKey) : i.code),
          },
          { title: t('excel.col.value'), dataIndex: 'value', ellipsis: true },
        ]}
      />
    </div>
  );
}

type Change = LedgerImport['updated'][number]['changes'][number];
const FIELDS = new Set([
  'title',
  'implementation_plan',
  'lead_unit_id',
  'co_units',
  'leader_name',
  'due_date',
  'work_standard',
  'office_note',
  'ledger_note',
]);

export function LedgerPreview({ result }: { result: LedgerImport }) {
  const { t, locale } = useI18n();
  const changes = result.updated.flatMap((u) =>
    u.changes.map((c) => ({ ...c, row: u.row, code: u.code, title: u.title })),
  );
  return (
    <div data-testid="excel-preview">
      <ImportCounts result={result} />
      <Typography.Paragraph>
        {result.mode === 'update'
          ? t('excel.mode.update', { title: result.planTitle })
          : t('excel.mode.newPlan', { title: result.planTitle, areas: result.areas })}
      </Typography.Paragraph>
      <IssueTable issues={result.errors} />
      {result.unknownUnits.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="tz-mb"
          title={t('excel.unknownUnits')}
          description={result.unknownUnits.map((u) => (
            <Tag key={u.name}>{`${u.name}（${t('excel.rows', { rows: u.rows.join('、') })}）`}</Tag>
          ))}
        />
      )}
      {changes.length > 0 && (
        <Table<(typeof changes)[number]>
          className="tz-mb"
          size="small"
          rowKey={(c) => `${c.row}:${c.field}:${c.period ?? ''}`}
          dataSource={changes}
          pagination={changes.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 640 }}
          title={() => t('excel.changes')}
          columns={[
            { title: t('excel.col.row'), dataIndex: 'row', width: 60 },
            {
              title: t('excel.col.task'),
              key: 'task',
              render: (_, c) => `${c.code} ${c.title}`,
              ellipsis: true,
            },
            {
              title: t('excel.col.field'),
              key: 'field',
              width: 110,
              render: (_, c: Change) => {
                const name = FIELDS.has(c.field) ? t(`excel.field.${c.field}` as MessageKey) : c.field;
                return c.period ? `${name}（${formatPeriod(c.period, locale)}）` : name;
              },
            },
            { title: t('excel.col.before'), dataIndex: 'before', ellipsis: true },
            { title: t('excel.col.after'), dataIndex: 'after', ellipsis: true },
          ]}
        />
      )}
      {result.created.length > 0 && (
        <Table<LedgerImport['created'][number]>
          size="small"
          rowKey="row"
          dataSource={result.created}
          pagination={result.created.length > 20 ? { pageSize: 20 } : false}
          title={() => t('excel.created')}
          columns={[
            { title: t('excel.col.row'), dataIndex: 'row', width: 60 },
            { title: t('excel.col.code'), dataIndex: 'code', width: 70 },
            { title: t('excel.col.task'), dataIndex: 'title', ellipsis: true },
          ]}
        />
      )}
    </div>
  );
}

export function ReportPreview({ result }: { result: ReportImport }) {
  const { t } = useI18n();
  const rows = [
    ...result.created.map((r) => ({ row: r.row, title: r.title, what: t('excel.count.created') })),
    ...result.updated.map((r) => ({ row: r.row, title: r.title, what: t('excel.count.updated') })),
  ];
  return (
    <div data-testid="excel-preview">
      <ImportCounts result={result} />
      <IssueTable issues={result.errors} />
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t('excel.col.row'), dataIndex: 'row', width: 60 },
            { title: t('excel.col.task'), dataIndex: 'title', ellipsis: true },
            { title: t('excel.col.result'), dataIndex: 'what', width: 100 },
          ]}
        />
      )}
    </div>
  );
}

const PROJECT_FIELDS: Readonly<Record<string, MessageKey>> = {
  name: 'prj.name',
  nature: 'prj.nature',
  totalInvestment: 'prj.totalInvestment',
  yearPlan: 'prj.yearPlan',
};
const NATURES = new Set(['new', 'continued', 'preparatory']);

const SKIP_REASONS = new Set(['unchanged', 'unit_report_pending', 'month_confirmed']);

/** A key-project sheet's dry run: each project row's outcome, and each month the sheet may not write. */
export function ProjectPreview({ result }: { result: ProjectImport }) {
  const { t } = useI18n();
  type Change = ProjectImport['updated'][number]['changes'][number];
  const fieldLabel = (c: Change) =>
    c.month ?? (PROJECT_FIELDS[c.field] ? t(PROJECT_FIELDS[c.field]!) : c.field);
  const valueLabel = (c: Change, v: string) =>
    !v ? '—' : c.field === 'nature' && NATURES.has(v) ? t(`prj.nature.${v}` as MessageKey) : v;
  const rows = [
    ...result.created.map((r) => ({
      key: `c${r.row}`,
      row: r.row,
      name: r.name,
      what: t('excel.count.created'),
    })),
    ...result.updated.map((r) => ({
      key: `u${r.row}`,
      row: r.row,
      name: r.name,
      what: `${t('excel.count.updated')}：${r.changes.map((c) => `${fieldLabel(c)} ${valueLabel(c, c.before)} → ${valueLabel(c, c.after)}`).join('；')}`,
    })),
    ...result.skipped
      .filter((s) => s.reason !== 'unchanged')
      .map((s, i) => ({
        key: `s${s.row}-${i}`,
        row: s.row,
        name: s.month ? `${s.name}（${s.month}）` : s.name,
        what: SKIP_REASONS.has(s.reason) ? t(`excel.skip.${s.reason}` as MessageKey) : s.reason,
      })),
  ].sort((a, b) => a.row - b.row);
  return (
    <div data-testid="excel-preview">
      <ImportCounts result={result} />
      <IssueTable issues={result.errors} />
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 560 }}
          columns={[
            { title: t('excel.col.row'), dataIndex: 'row', width: 60 },
            { title: t('excel.col.project'), dataIndex: 'name', width: 220 },
            { title: t('excel.col.result'), dataIndex: 'what' },
          ]}
        />
      )}
    </div>
  );
}
