// 指标 as an .xlsx: a plan's indicators the caller reads, each with its year's target, the office's
// confirmed value per month, 序时 and the status, judged exactly as the indicator page judges them.
import { listMeasurements } from '../../db/repositories/measurement-repository.js';
import type { TargetRow } from '../../db/schema.js';
import {
  indicatorStatus,
  indicatorStatusText,
  isRateMeasure,
  periodElapsed,
} from '../../domain/indicators.js';
import { writeSimpleWorkbook } from '../../documents/xlsx/simple-sheet.js';
import { planFor, readableTargetsOf, regionFor } from '../access.js';
import type { Actor } from '../actor.js';
import { db, today, type ServiceContext } from '../context.js';
import { chineseDate, xlsxFile, type XlsxFile } from './xlsx-file.js';

const COMPARATOR: Readonly<Record<TargetRow['comparator'], string>> = {
  '=': '',
  '~': '约',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
};

/** The month column (0-based) a value of a period stands in: a quarter or a year at its last month. */
function monthColumn(period: string, year: number): number {
  const at = periodElapsed(period);
  if (at?.year !== year) return -1;
  return Math.round((at.elapsed / 100) * 12) - 1;
}

export async function exportIndicators(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  asOf: string | undefined,
): Promise<XlsxFile> {
  const plan = await planFor(ctx, actor, planId);
  const region = await regionFor(ctx, actor, plan.region_id);
  const at = asOf ?? today(ctx).slice(0, 7);
  const year = Number(at.slice(0, 4));
  const upTo = Number(at.slice(5));
  const targets = await readableTargetsOf(ctx, actor, plan);
  const measurements = (
    await listMeasurements(
      db(ctx),
      targets.map((t) => t.id),
    )
  ).filter((m) => m.status === 'confirmed');
  const bytes = await writeSimpleWorkbook({
    name: '指标',
    title: `${region.name}${year}年${plan.title}主要指标完成情况`,
    info: [`截至${year}年${upTo}月`, `导出日期：${chineseDate(today(ctx))}`],
    columns: [
      { header: '序号', width: 6, align: 'center' },
      { header: '指标', width: 30 },
      { header: '单位', width: 8, align: 'center' },
      { header: '年度目标', width: 10, align: 'center' },
      ...Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, group: '实际完成', width: 8 })),
      { header: '序时(%)', width: 8, align: 'center' as const },
      { header: '状态', width: 22 },
    ],
    rows: targets.map((t, i) => {
      const values = measurements.filter((m) => m.target_id === t.id);
      const result = indicatorStatus(
        {
          measure: t.measure,
          comparator: t.comparator,
          value: t.value,
          cadence: t.cadence,
          cumulative: t.cumulative === 1,
        },
        values,
        at,
      );
      const months: (number | null)[] = Array.from({ length: 12 }, () => null);
      for (const v of values) {
        const c = monthColumn(v.period, year);
        // Only what the page judges on: periods ended by the table's month.
        if (c >= 0 && c < upTo) months[c] = v.value;
      }
      const rate = isRateMeasure(t.measure);
      return [
        i + 1,
        t.indicator,
        t.unit,
        `${COMPARATOR[t.comparator]}${t.value}`,
        ...months,
        result.elapsed,
        indicatorStatusText(result, rate),
      ];
    }),
  });
  return xlsxFile(`${plan.title}-指标-${at}`, bytes);
}
