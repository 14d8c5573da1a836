import { Card, Statistic, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatDate, formatPeriod } from '../../i18n/format';
import type { Grade, ResultRow, Round } from './assessment-api';
import { GRADE_COLOR, gradeKey, points, stageKey } from './labels';

const GRADES: readonly Grade[] = ['excellent', 'good', 'pass', 'fail'];

/** 领导一屏: where the assessment stands, each group's best and last, grades counted, vetoes and open objections. */
export function LeaderSummary({ round, rows }: { round: Round; rows: ResultRow[] }) {
  const { t, locale } = useI18n();
  const open = round.objections.filter((o) => o.reply === null).length;
  const vetoed = rows.filter((r) => r.vetoed);
  return (
    <div className="tz-assess-summary" data-testid="assess-summary">
      <Card size="small" title={`${round.scheme.title} · ${formatPeriod(round.period, locale)}`}>
        <Statistic title={t('assess.stageNow')} value={t(stageKey(round.stage))} />
        {round.publicityUntil && (
          <Typography.Text type="secondary">
            {t('assess.publicityUntil', { date: formatDate(round.publicityUntil, locale) })}
          </Typography.Text>
        )}
        <div style={{ marginTop: 8 }}>
          {t('assess.openObjections', { n: open })} · {t('assess.vetoCount', { n: vetoed.length })}
        </div>
        {vetoed.map((r) => (
          <div key={r.unitId}>
            <Tag color="red">{t('assess.veto')}</Tag>
            {r.unitName}：{r.vetoes.map((v) => v.reason).join('；')}
          </div>
        ))}
      </Card>
      {round.scheme.groups.map((g) => {
        const members = rows.filter((r) => r.groupCode === g.code).sort((a, b) => a.rank - b.rank);
        if (members.length === 0) return null;
        const counts = GRADES.map(
          (grade) => [grade, members.filter((m) => m.grade === grade).length] as const,
        );
        const last = members[members.length - 1]!;
        return (
          <Card key={g.code} size="small" title={g.name} data-testid={`summary-${g.code}`}>
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {members.slice(0, 3).map((m) => (
                <li key={m.unitId} value={m.rank}>
                  {m.unitName} {points(m.total)}
                </li>
              ))}
            </ol>
            {members.length > 3 && (
              <Typography.Text type="secondary">
                {t('assess.last')}
                {last.unitName} {points(last.total)}
              </Typography.Text>
            )}
            <div style={{ marginTop: 8 }}>
              {counts.map(([grade, n]) => (
                <Tag key={grade} color={GRADE_COLOR[grade]}>
                  {t(gradeKey(grade))} {n}
                </Tag>
              ))}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
