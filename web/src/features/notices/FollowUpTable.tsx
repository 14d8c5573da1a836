import { Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { OverdueTag } from '../../ui/OverdueTag';

/** What notices and instructions have in common: a deadline that may have passed, and an answer. */
export interface FollowUp {
  id: string;
  responseDue: string | null;
  overdueDays: number;
}

type Columns<T> = NonNullable<TableProps<T>['columns']>;

export function Due({ due, overdueDays }: { due: string | null; overdueDays: number }) {
  const { locale } = useI18n();
  return (
    <Space size={4} wrap>
      <span>{formatDate(due, locale)}</span>
      <OverdueTag days={overdueDays} />
    </Space>
  );
}

/** On a phone the table keeps what matters in one column: task, unit, deadline with its 逾期 mark, status. */
function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

/**
 * The list of notices or of instructions: the columns of its own kind, then issued, deadline and status;
 * overdue rows marked, the answer unfolded under its row.
 */
export function FollowUpTable<T extends FollowUp>({
  rows,
  loading,
  compact,
  columns,
  issuedOf,
  statusOf,
  answerOf,
  testId,
}: {
  rows: T[];
  loading: boolean;
  /** The single column a phone shows. */
  compact: Columns<T>;
  /** The columns before issued, deadline and status. */
  columns: Columns<T>;
  issuedOf: (row: T) => string;
  statusOf: (row: T) => string;
  answerOf: (row: T) => { label: string; text: string; at: string | null } | null;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const narrow = useNarrow();
  const wide: Columns<T> = [
    ...columns,
    {
      title: t('notices.col.issued'),
      key: 'issued',
      width: 150,
      render: (_, row) => formatDateTime(issuedOf(row), locale),
    },
    {
      title: t('notices.col.due'),
      key: 'due',
      width: 190,
      render: (_, row) => <Due due={row.responseDue} overdueDays={row.overdueDays} />,
    },
    {
      title: t('notices.col.status'),
      key: 'status',
      width: 90,
      render: (_, row) => <Tag>{statusOf(row)}</Tag>,
    },
  ];
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={loading}
      columns={narrow ? compact : wide}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      {...(!narrow && { scroll: { x: 900 } })}
      rowClassName={(row) => (row.overdueDays > 0 ? 'tz-row-overdue' : '')}
      expandable={{
        rowExpandable: (row) => answerOf(row) !== null,
        expandedRowRender: (row) => {
          const answer = answerOf(row);
          return (
            answer && (
              <div className="tz-prewrap">
                <strong>
                  {answer.label}
                  {t('common.colon')}
                </strong>
                {answer.text}{' '}
                <Typography.Text type="secondary">{formatDateTime(answer.at, locale)}</Typography.Text>
              </div>
            )
          );
        },
      }}
      data-testid={testId}
    />
  );
}
