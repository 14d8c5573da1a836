import type { Insertable, Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import { upsertMeasurement } from '../db/repositories/measurement-repository.js';
import {
  insertProjectMilestones,
  insertProjectProblems,
  insertProjectReports,
  insertProjects,
  insertStageMoves,
} from '../db/repositories/project-repository.js';
import { listPublishedTargetsOfRegion } from '../db/repositories/target-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import type {
  Database,
  ProjectMilestoneTable,
  ProjectReportTable,
  ProjectStageMoveTable,
  ProjectTable,
  UnitRow,
} from '../db/schema.js';
import { addDays, lastDayOfMonth } from '../domain/calendar.js';
import { DEFAULT_PROJECT_MILESTONES, PROJECT_STAGES, type ProjectStage } from '../domain/projects.js';

// The demo's indicators and key projects: a year of monthly figures in which some lag 序时, and about
// thirty projects over every stage. Deterministic, so every load shows the same picture.

/** The given day of the month after `month`, as a timestamp, or `latest` when that is earlier. */
function figureDay(year: number, month: number, day: number, latest: string): string {
  const at = `${addDays(lastDayOfMonth(year, month), day)}T02:00:00.000Z`;
  return at < latest ? at : latest;
}

export interface ProgressDemoInput {
  regionId: string;
  /** The units that report: departments and towns (not the office). */
  units: readonly UnitRow[];
  /** The account that reports for a unit, and the office's. */
  reporterOf: (unitId: string) => string;
  officeId: string;
  /** The region's leaders, who 包联 the projects in turn. */
  leaders: readonly string[];
  today: string;
  createdAt: string;
}

/** How each indicator runs against its pace: most on pace, some behind, one well behind. */
const PACE = [1.04, 0.97, 1.1, 0.88, 1.0, 0.75, 1.02, 0.93];

function month(year: number, m: number): string {
  return `${year}-${String(m).padStart(2, '0')}`;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Each target of the region's published plans gets a responsible unit and its monthly figures so far. */
async function seedIndicators(db: Kysely<Database>, input: ProgressDemoInput): Promise<void> {
  const year = Number(input.today.slice(0, 4));
  const lastMonth = Number(input.today.slice(5, 7)) - 1; // the current month's figures are not out yet
  const targets = await listPublishedTargetsOfRegion(db, input.regionId);
  for (const [i, target] of targets.entries()) {
    const unit = input.units[i % input.units.length]!;
    await updateVersioned(db, 'targets', target.id, target.version, {
      unit_id: unit.id,
      cadence: 'monthly',
      cumulative: 1,
    });
    const pace = PACE[i % PACE.length]!;
    const inverted = target.comparator === '<' || target.comparator === '<=';
    const factor = inverted ? 2 - pace : pace;
    const rate = target.measure === 'growth' || target.measure === 'share';
    for (let m = 1; m <= lastMonth; m++) {
      const wobble = 1 + (((i * 7 + m * 3) % 5) - 2) / 100;
      const value = rate
        ? round(target.value * factor * wobble, 2)
        : round(target.value * (m / 12) * factor * wobble, target.measure === 'count' ? 0 : 2);
      const reporter = input.reporterOf(unit.id);
      // The last month waits for the office; once a quarter the statistics bureau's figure replaced the estimate.
      const confirmed = m < lastMonth;
      const estimate = confirmed && m % 3 === 0 ? round(value * 1.02, 2) : null;
      // Reported on the 10th of the next month and confirmed on the 15th, never after the demo's own day: a
      // quarter's bulletin then finds the figures that stood on its last day.
      const reportedAt = figureDay(year, m, 10, input.createdAt);
      const confirmedAt = figureDay(year, m, 15, input.createdAt);
      await upsertMeasurement(db, {
        id: newId('msr'),
        region_id: input.regionId,
        target_id: target.id,
        period: month(year, m),
        value,
        note: '',
        created_by: reporter,
        created_at: reportedAt,
        status: confirmed ? 'confirmed' : 'reported',
        estimate,
        reported_by: reporter,
        reported_at: reportedAt,
        confirmed_by: confirmed ? input.officeId : null,
        confirmed_at: confirmed ? confirmedAt : null,
      });
    }
  }
}

const KINDS = [
  ['新能源汽车零部件产业园', '产业项目', '先进制造'],
  ['智能装备制造基地', '产业项目', '先进制造'],
  ['生物医药中试平台', '产业项目', '生物医药'],
  ['冷链物流中心', '产业项目', '现代物流'],
  ['数字经济产业园', '产业项目', '数字经济'],
  ['城市污水处理厂提标改造', '基础设施', '生态环保'],
  ['主干道快速化改造', '基础设施', '交通'],
  ['老旧小区改造', '城市更新', '城市建设'],
  ['人民医院新院区', '社会民生', '医疗卫生'],
  ['九年一贯制学校', '社会民生', '教育'],
] as const;

/** Thirty projects: 4 谋划, 5 储备, 5 签约, 11 开工, 5 投产. */
const STAGE_PLAN: readonly ProjectStage[] = [
  ...Array<ProjectStage>(4).fill('planning'),
  ...Array<ProjectStage>(5).fill('reserve'),
  ...Array<ProjectStage>(5).fill('signed'),
  ...Array<ProjectStage>(11).fill('started'),
  ...Array<ProjectStage>(5).fill('operating'),
];
const LEVELS = ['district', 'city', 'district', 'province'] as const;
/** How each project under construction invests against its plan: some lag 10 points, some 20. */
const INVEST_PACE = [1.05, 0.95, 0.8, 1.0, 0.6, 1.1, 0.85, 0.7];

async function seedProjects(db: Kysely<Database>, input: ProgressDemoInput): Promise<void> {
  const year = Number(input.today.slice(0, 4));
  const lastMonth = Number(input.today.slice(5, 7)) - 1;
  const towns = input.units.filter((u) => u.kind === 'town');
  const departments = input.units.filter((u) => u.kind !== 'town');
  const projects: Insertable<ProjectTable>[] = [];
  const moves: Insertable<ProjectStageMoveTable>[] = [];
  const milestones: Insertable<ProjectMilestoneTable>[] = [];
  const reports: Insertable<ProjectReportTable>[] = [];
  /** A report's sending time on a day of its month (10:00 in China), never later than the demo's now. */
  const sentAt = (monthKey: string, day: number, now: string) => {
    const at = `${monthKey}-${String(day)}T02:00:00.000Z`;
    return at < now ? at : now;
  };
  for (const [i, stage] of STAGE_PLAN.entries()) {
    const [kind, category, industry] = KINDS[i % KINDS.length]!;
    const town = towns[i % Math.max(1, towns.length)];
    const lead = i % 3 === 0 && town ? town : departments[i % departments.length]!;
    const id = newId('prj');
    const total = 8000 + ((i * 3700) % 60000);
    const stageIndex = PROJECT_STAGES.indexOf(stage);
    const building = stage === 'started' || stage === 'signed' || (stage === 'operating' && i % 2 === 0);
    // 谋划 and 储备 projects have no investment plan this year; one signed project waits for next year's.
    const yearPlan = building && i !== 10 ? round(total * 0.3, 0) : null;
    projects.push({
      id,
      region_id: input.regionId,
      parent_id: null,
      name: `${town ? town.name.replace(/(街道|镇|乡)$/, '') : ''}${kind}${i >= KINDS.length ? `（${Math.floor(i / KINDS.length) + 1}期）` : ''}`,
      stage,
      nature: stage === 'started' && i % 2 === 1 ? 'continued' : stageIndex < 2 ? 'preparatory' : 'new',
      level: LEVELS[i % LEVELS.length]!,
      category,
      industry,
      town: town?.name ?? '',
      park: category === '产业项目' ? '高新技术产业园' : '',
      location: town ? `${town.name}辖区` : '',
      content: `建设${kind}，总建筑面积约${3 + (i % 7)}万平方米，配套建设道路、管网等附属设施。`,
      capacity: category === '产业项目' ? `年产值约${5 + (i % 9)}亿元` : '',
      start_year: stageIndex >= 3 ? year - (i % 2) : year,
      end_year: year + 1 + (i % 3),
      planned_start: `${year}-${String(2 + (i % 8)).padStart(2, '0')}-15`,
      actual_start: stageIndex >= 3 ? `${year - (i % 2)}-03-${String(10 + (i % 15)).padStart(2, '0')}` : null,
      planned_end: `${year + 1 + (i % 3)}-12-31`,
      actual_end: stage === 'operating' ? `${year}-0${1 + (i % 5)}-28` : null,
      total_investment: total,
      funding: i % 2 === 0 ? '企业自筹、银行贷款' : '财政资金、专项债券',
      plan_year: year,
      year_plan: yearPlan,
      year_goal: stage === 'started' ? '主体结构封顶' : stage === 'signed' ? '完成施工许可并开工' : '',
      in_statistics: stageIndex >= 3 ? 1 : 0,
      leader: input.leaders[i % Math.max(1, input.leaders.length)] ?? '',
      lead_unit_id: lead.id,
      lead_contact: `${lead.name}项目专班`,
      owner_company: `${kind.slice(0, 4)}建设有限公司`,
      owner_contact: '',
      invested_before: stage === 'started' && i % 2 === 1 ? round(total * 0.2, 0) : 0,
      created_at: input.createdAt,
    });
    // The path it took to its stage, the latest step this year.
    for (let s = 1; s <= stageIndex; s++)
      moves.push({
        id: newId('psm'),
        region_id: input.regionId,
        project_id: id,
        from_stage: s === 1 ? null : PROJECT_STAGES[s - 1]!,
        to_stage: PROJECT_STAGES[s]!,
        moved_on:
          s === stageIndex
            ? month(year, Math.max(1, Math.min(lastMonth, 1 + (i % 5)))) + '-10'
            : `${year - 1}-0${s + 2}-15`,
        reason: '',
        created_by: input.officeId,
        created_at: input.createdAt,
      });
    if (stageIndex === 0)
      moves.push({
        id: newId('psm'),
        region_id: input.regionId,
        project_id: id,
        from_stage: null,
        to_stage: 'planning',
        moved_on: `${year}-01-05`,
        reason: '',
        created_by: input.officeId,
        created_at: input.createdAt,
      });
    // The roadmap: steps up to the stage are done; the next falls due this year, overdue for a few.
    const doneUpTo = [0, 1, 3, 5, 8][stageIndex]!;
    for (const [seq, name] of DEFAULT_PROJECT_MILESTONES.entries()) {
      const done = seq < doneUpTo;
      const due = done
        ? `${year - 1}-${String(3 + seq).padStart(2, '0')}-20`
        : seq === doneUpTo && i % 7 === 3
          ? `${input.today.slice(0, 7)}-01`
          : `${year + (seq > doneUpTo + 1 ? 1 : 0)}-${String(Math.min(12, 6 + seq)).padStart(2, '0')}-28`;
      milestones.push({
        id: newId('pms'),
        region_id: input.regionId,
        project_id: id,
        seq,
        name,
        due_date: due,
        done_date: done ? due : null,
      });
    }
    if (yearPlan !== null) {
      const pace = INVEST_PACE[i % INVEST_PACE.length]!;
      for (let m = 1; m <= lastMonth; m++)
        reports.push({
          id: newId('prp'),
          region_id: input.regionId,
          project_id: id,
          month: month(year, m),
          investment: round((yearPlan / 12) * pace * (1 + ((m % 3) - 1) / 20), 1),
          progress: m < 4 ? '场地平整、桩基施工' : m < 8 ? '主体结构施工' : '装饰装修、设备安装',
          next_plan: '按计划推进主体施工',
          coordination: pace < 0.8 && m === lastMonth ? '施工用地报批进度偏慢，需自然资源部门协调' : '',
          status: m < lastMonth ? 'confirmed' : 'submitted',
          created_by: input.reporterOf(lead.id),
          // Sent within the month, before the due day (the 25th by default); the slow projects' after it.
          created_at: sentAt(month(year, m), pace < 0.8 ? 28 : 18, input.createdAt),
          confirmed_by: m < lastMonth ? input.officeId : null,
          confirmed_at: m < lastMonth ? input.createdAt : null,
        });
    }
  }
  await insertProjects(db, projects);
  await insertStageMoves(db, moves);
  await insertProjectMilestones(db, milestones);
  await insertProjectReports(db, reports);
  // The slow projects' last month raised a problem, with an owner and a deadline.
  const slow = reports.filter((r) => r.coordination !== '');
  await insertProjectProblems(
    db,
    slow.map((r) => ({
      id: newId('ppb'),
      region_id: input.regionId,
      project_id: r.project_id,
      report_id: r.id,
      text: '项目用地报批手续尚未完成，影响施工进度',
      owner: '区自然资源局',
      deadline: `${year}-12-31`,
      resolution: null,
      resolved_on: null,
    })),
  );
}

/** The demo region's indicator figures and key projects, after its plans are imported. */
export async function seedProgressDemo(db: Kysely<Database>, input: ProgressDemoInput): Promise<void> {
  await seedIndicators(db, input);
  await seedProjects(db, input);
}
