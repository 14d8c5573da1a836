// 重点项目投资进度表 as an .xlsx: the key projects the list shows, one row each, with the year's monthly
// investment, the cumulative figure and the completion rate computed exactly as the list computes them.
import {
  listProjects,
  projectMonthsOf,
  type ProjectFilter,
} from '../../db/repositories/project-repository.js';
import type { ProjectNature } from '../../db/schema.js';
import { writeSimpleWorkbook } from '../../documents/xlsx/simple-sheet.js';
import { yearPlanIn } from '../../domain/projects.js';
import { demand, demandRegion, regionFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, today, type ServiceContext } from '../context.js';
import * as projectPolicy from '../policies/project.js';
import { chineseDate, xlsxFile, type XlsxFile } from './xlsx-file.js';

const NATURE: Readonly<Record<ProjectNature, string>> = {
  new: '新建',
  continued: '续建',
  preparatory: '预备',
};
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** The sheet's headers, also what a reader of the sheet looks for. */
export const PROJECT_SHEET_HEADERS = {
  name: '项目',
  nature: '建设性质',
  total: '总投资',
  yearPlan: '年度计划',
  months: MONTHS,
  cumulative: '累计',
  rate: '完成率(%)',
  image: '形象进度',
  id: '系统编号(勿改)',
} as const;

export async function exportProjects(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: ProjectFilter,
  month: string | undefined,
): Promise<XlsxFile> {
  demandRegion(actor, regionId);
  demand(projectPolicy.can(actor, 'read', { regionId, leadUnitId: '' }));
  const region = await regionFor(ctx, actor, regionId);
  const asOf = month ?? today(ctx).slice(0, 7);
  const year = asOf.slice(0, 4);
  const [projects, reports] = await Promise.all([
    listProjects(db(ctx), regionId, filter),
    projectMonthsOf(db(ctx), regionId, `${year}-01`, asOf),
  ]);
  const byMonth = new Map<string, number[]>();
  const image = new Map<string, string>();
  for (const r of reports) {
    const months = byMonth.get(r.project_id) ?? Array.from({ length: 12 }, () => 0);
    months[Number(r.month.slice(5)) - 1]! += r.investment;
    byMonth.set(r.project_id, months);
    // Oldest first: the last words written are the project's 形象进度 now.
    if (r.progress.trim()) image.set(r.project_id, r.progress.trim());
  }
  const upTo = Number(asOf.slice(5));
  const h = PROJECT_SHEET_HEADERS;
  const group = '月度完成投资';
  const bytes = await writeSimpleWorkbook({
    name: '重点项目',
    title: `${region.name}${year}年重点项目投资进度表`,
    info: [`单位：万元`, `截至${upTo}月底`, `导出日期：${chineseDate(today(ctx))}`],
    columns: [
      { header: '序号', width: 6, align: 'center' },
      { header: h.name, width: 30 },
      { header: h.nature, width: 9, align: 'center' },
      { header: h.total, width: 11 },
      { header: h.yearPlan, width: 11 },
      ...h.months.map((m) => ({ header: m, group, width: 8 })),
      { header: h.cumulative, width: 11 },
      { header: h.rate, width: 9, align: 'center' as const },
      { header: h.image, width: 36 },
      // Hidden: a re-imported sheet finds its projects by id, so a renamed row stays the same project.
      { header: h.id, width: 4, hidden: true },
    ],
    rows: projects.map((project, i) => {
      const months = byMonth.get(project.id);
      const plan = yearPlanIn(project, asOf);
      const yearToDate = sumOf(months);
      return [
        i + 1,
        project.name,
        NATURE[project.nature],
        project.total_investment,
        plan,
        // Months after the table's month are not reported yet: blank, not zero.
        ...MONTHS.map((_, m) => (m < upTo ? (months?.[m] ?? 0) : null)),
        yearToDate,
        plan !== null && plan > 0 ? Math.round((yearToDate / plan) * 1000) / 10 : null,
        image.get(project.id) ?? '',
        project.id,
      ];
    }),
  });
  return xlsxFile(`${region.name}-重点项目投资进度表-${asOf}`, bytes);
}

function sumOf(months: readonly number[] | undefined): number {
  // Summed in 万元 with two decimals kept, as the list's database sum shows them.
  return months ? Math.round(months.reduce((a, b) => a + b, 0) * 100) / 100 : 0;
}
