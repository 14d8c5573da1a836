import { Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n/context';
import type { ResultRow, Round } from './assessment-api';
import { GRADE_COLOR, gradeKey, points } from './labels';

interface Props {
  round: Round;
  rows: ResultRow[];
  /** Opens a unit's sheet at one indicator (or at its top). */
  onOpen: (unitId: string, indicatorId: string | null) => void;
}

/** 成绩表: one table per object group, units × indicators, with totals, ranks, grades and 一票否决 flags. */
export function ScoreTable({ round, rows, onOpen }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="assess-score-table">
      {round.scheme.groups.map((group) => {
        const members = rows.filter((r) => r.groupCode === group.code).sort((a, b) => a.rank - b.rank);
        const indicators = round.indicators.filter(
          (i) => i.groupCodes.length === 0 || i.groupCodes.includes(group.code),
        );
        const columns: TableProps<ResultRow>['columns'] = [
          { key: 'rank', title: t('assess.rank'), dataIndex: 'rank', width: 56, fixed: 'left' },
          {
            key: 'unit',
            title: t('assess.unit'),
            width: 150,
            fixed: 'left',
            render: (_, r) => (
              <Button
                type="link"
                className="tz-assess-cell"
                onClick={() => {
                  onOpen(r.unitId, null);
                }}
              >
                {r.unitName}
              </Button>
            ),
          },
          ...indicators.map((ind) => ({
            key: ind.id,
            title: (
              <span title={ind.name}>
                {ind.code}
                <br />
                <Typography.Text type="secondary">{points(ind.points)}</Typography.Text>
              </span>
            ),
            width: 72,
            render: (_: unknown, r: ResultRow) => {
              const cell = r.cells.find((c) => c.indicatorId === ind.id);
              return (
                <Button
                  type="link"
                  className="tz-assess-cell"
                  aria-label={`${r.unitName} ${ind.code}`}
                  data-testid={`cell-${r.unitId}-${ind.code}`}
                  onClick={() => {
                    onOpen(r.unitId, ind.id);
                  }}
                >
                  {cell?.score === null ? t('assess.notAssessed') : points(cell?.score)}
                </Button>
              );
            },
          })),
          { key: 'bonus', title: t('assess.bonus'), width: 72, render: (_, r) => points(r.bonus) },
          {
            key: 'deduction',
            title: t('assess.deduction'),
            width: 72,
            render: (_, r) => points(r.deduction),
          },
          {
            key: 'total',
            title: t('assess.total'),
            width: 80,
            render: (_, r) => <strong data-testid={`total-${r.unitId}`}>{points(r.total)}</strong>,
          },
          {
            key: 'grade',
            title: t('assess.grade'),
            width: 110,
            render: (_, r) => (
              <>
                <Tag color={GRADE_COLOR[r.grade]}>{t(gradeKey(r.grade))}</Tag>
                {r.vetoed && (
                  <Tag color="red" title={r.vetoes.map((v) => v.reason).join('；')}>
                    {t('assess.veto')}
                  </Tag>
                )}
              </>
            ),
          },
        ];
        return (
          <section key={group.code} className="tz-assess-group" data-testid={`assess-group-${group.code}`}>
            <Typography.Title level={5}>
              {group.name}（{t('assess.unitsCount', { n: members.length })}）
            </Typography.Title>
            <Table<ResultRow>
              size="small"
              rowKey="unitId"
              pagination={false}
              columns={columns}
              dataSource={members}
              scroll={{ x: 'max-content' }}
            />
          </section>
        );
      })}
    </div>
  );
}
