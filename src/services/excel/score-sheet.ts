// 考核得分表 as an .xlsx: a round's score table exactly as the assessment page's score tab shows it, one
// block per object group (区直单位, 镇街 …), units in rank order, with bonus, deduction, total, rank, grade
// and 一票否决. Only those who may read the round's results get it: a unit before 公示 is refused.
import type { Grade } from '../../domain/assessment-sheet.js';
import { isPublished, type AssessmentStage } from '../../domain/assessment-workflow.js';
import { periodLabel } from '../../domain/periods.js';
import type { CellValue, SheetColumn } from '../../documents/xlsx/sheet-kit.js';
import { writeWorkbook } from '../../documents/xlsx/sheet-kit.js';
import { roundFor } from '../access.js';
import type { Actor } from '../actor.js';
import { appliesTo, computeRound, loadRoundData, schemeOf } from '../assessment-results.js';
import { db, today, type ServiceContext } from '../context.js';
import { fail } from '../errors.js';
import * as assessmentPolicy from '../policies/assessment.js';
import { chineseDate, xlsxFile, type XlsxFile } from './xlsx-file.js';

export const GRADE_TEXT: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** The mark a vetoed unit's grade carries, followed by the veto's reasons. */
export const VETO_MARK = '一票否决';

const VETO_FILL = { background: '#fde8e8', text: '#c81e1e' };

/** The header of an indicator's column: its code and name, its points below. */
export function indicatorHeader(code: string, name: string, points: number): string {
  return `${code} ${name}\n(${points}分)`;
}

export async function exportScores(ctx: ServiceContext, actor: Actor, roundId: string): Promise<XlsxFile> {
  const { round, scheme: schemeRow } = await roundFor(ctx, actor, roundId);
  const published = isPublished(round.stage as AssessmentStage);
  if (!assessmentPolicy.can(actor, 'read_results', { regionId: round.region_id, unitId: null, published }))
    throw fail('assessment.results_hidden');
  const data = await loadRoundData(db(ctx), schemeOf(schemeRow), round, today(ctx));
  const results = [...computeRound(data).values()];
  const { scheme, indicators } = data;
  const columns: SheetColumn[] = [
    { header: '序号', width: 6, align: 'center' },
    { header: '单位', width: 22 },
    ...indicators.map((i) => ({
      header: indicatorHeader(i.row.code, i.row.name, i.row.points),
      width: 12,
      align: 'center' as const,
    })),
    { header: '加分', width: 8, align: 'center' },
    { header: '减分', width: 8, align: 'center' },
    { header: '总分', width: 9, align: 'center' },
    { header: '名次', width: 7, align: 'center' },
    { header: '等次', width: 18, align: 'center' },
  ];
  const gradeColumn = columns.length - 1;
  const period = periodLabel(round.period, 'zh');
  const bytes = await writeWorkbook((add) => {
    const sheet = add({
      name: '得分表',
      // The table is the scheme's result, not the scheme: 南海区…考核方案 → 南海区…考核 2026年第三季度 得分表.
      title: `${scheme.row.title.replace(/方案$/, '')} ${period} 得分表`,
      info: [scheme.row.doc_no, `导出日期：${chineseDate(today(ctx))}`],
      columns,
    });
    for (const group of scheme.groups) {
      const members = results
        .filter((r) => r.sheetRow.group_code === group.code)
        .sort((a, b) => a.ranked.rank - b.ranked.rank);
      if (members.length === 0) continue;
      sheet.band(`${group.name}（${members.length}个单位）`);
      members.forEach((r, n) => {
        const cells: CellValue[] = indicators.map((i) => {
          if (!appliesTo(i, group.code)) return '—';
          return r.sheet.cells.find((c) => c.indicatorId === i.row.id)?.score ?? null;
        });
        const grade = GRADE_TEXT[r.ranked.grade];
        const vetoes = r.sheet.vetoes.map((v) => v.reason).join('；');
        sheet.row(
          [
            n + 1,
            data.units.get(r.sheetRow.unit_id)?.name ?? '',
            ...cells,
            r.sheet.bonus,
            r.sheet.deduction,
            r.sheet.total,
            r.ranked.rank,
            r.sheet.vetoed ? `${grade}（${VETO_MARK}：${vetoes}）` : grade,
          ],
          r.sheet.vetoed ? new Map([[gradeColumn, VETO_FILL]]) : undefined,
        );
      });
    }
    sheet.done();
  });
  return xlsxFile(`${scheme.row.title}-${round.period}-得分表`, bytes);
}
