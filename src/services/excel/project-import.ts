// A key-project sheet (重点项目投资进度表) read into the region's projects: a row names an existing project
// by its exact name and updates the fields it holds, or creates a new one at 谋划; its months become
// office-recorded, confirmed months. Dry run first; apply writes everything in one transaction.
import { newId } from '../../db/ids.js';
import {
  insertProjectReports,
  insertProjects,
  listProjects,
  projectReportsBetween,
} from '../../db/repositories/project-repository.js';
import { listUnits } from '../../db/repositories/unit-repository.js';
import { updateVersioned } from '../../db/repositories/versioned.js';
import type { ProjectNature, ProjectReportRow, ProjectRow } from '../../db/schema.js';
import { readWorkbook } from '../../documents/xlsx/workbook-reader.js';
import { readProjectSheet, type ProjectIssue, type ProjectLine } from '../../domain/project-sheet.js';
import { demand, demandRegion } from '../access.js';
import type { Actor } from '../actor.js';
import { db, nowIso, today, write, type ServiceContext } from '../context.js';
import { fail } from '../errors.js';
import * as projectPolicy from '../policies/project.js';
import { demandXlsxName, readingXlsx } from './xlsx-file.js';
import { insertProjectOpening } from '../project-opening.js';

export type { ProjectIssue };

export interface ProjectFieldChange {
  field: 'name' | 'nature' | 'totalInvestment' | 'yearPlan' | 'month';
  column: string;
  before: string;
  after: string;
  month?: string;
}

export type ProjectSkipReason = 'unchanged' | 'unit_report_pending' | 'month_confirmed';

export interface ProjectImportResult {
  applied: boolean;
  sheet: string;
  year: number;
  columns: { key: string; header: string; column: string }[];
  created: { row: number; name: string; months: number }[];
  updated: { row: number; name: string; projectId: string; changes: ProjectFieldChange[] }[];
  skipped: { row: number; name: string; reason: ProjectSkipReason; month?: string }[];
  errors: ProjectIssue[];
}

interface Plan {
  line: ProjectLine;
  project: ProjectRow | null;
  leadUnitId: string;
  patch: {
    name?: string;
    nature?: ProjectNature;
    total_investment?: number;
    plan_year?: number;
    year_plan?: number;
  };
  months: { month: string; investment: number }[];
  changes: ProjectFieldChange[];
}

/** Figures are 万元 with two decimals: closer than half a cent is the same figure. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

function monthKey(year: number, m: number): string {
  return `${year}-${String(m).padStart(2, '0')}`;
}

/** What the office's sheet changes in one existing project, and which months it may not write. */
function planExisting(
  line: ProjectLine,
  project: ProjectRow,
  year: number,
  reports: ReadonlyMap<string, ProjectReportRow>,
  column: (key: 'name' | 'nature' | 'total' | 'yearPlan') => string,
  monthColumn: (m: number) => string,
  skipped: ProjectImportResult['skipped'],
): Plan {
  const plan: Plan = { line, project, leadUnitId: project.lead_unit_id, patch: {}, months: [], changes: [] };
  // Only a row found by its hidden id can rename its project; by name, the names are equal.
  if (line.name !== project.name) {
    plan.patch.name = line.name;
    plan.changes.push({ field: 'name', column: column('name'), before: project.name, after: line.name });
  }
  if (line.nature && line.nature !== project.nature) {
    plan.patch.nature = line.nature;
    plan.changes.push({
      field: 'nature',
      column: column('nature'),
      before: project.nature,
      after: line.nature,
    });
  }
  if (line.total !== null && !same(line.total, project.total_investment)) {
    plan.patch.total_investment = line.total;
    plan.changes.push({
      field: 'totalInvestment',
      column: column('total'),
      before: String(project.total_investment),
      after: String(line.total),
    });
  }
  const currentPlan = project.plan_year === year ? project.year_plan : null;
  if (line.yearPlan !== null && (currentPlan === null || !same(line.yearPlan, currentPlan))) {
    plan.patch.plan_year = year;
    plan.patch.year_plan = line.yearPlan;
    plan.changes.push({
      field: 'yearPlan',
      column: column('yearPlan'),
      before: currentPlan === null ? '' : String(currentPlan),
      after: String(line.yearPlan),
    });
  }
  for (const [m, investment] of line.months) {
    const month = monthKey(year, m);
    const report = reports.get(`${project.id}:${month}`);
    if (!report) {
      // A month nobody reported, left at 0 in the sheet, is still nobody's figure.
      if (investment === 0) continue;
      plan.months.push({ month, investment });
      plan.changes.push({
        field: 'month',
        column: monthColumn(m),
        before: '',
        after: String(investment),
        month,
      });
    } else if (!same(report.investment, investment)) {
      // The unit's own month is its word: the office confirms or returns it on the project page.
      skipped.push({
        row: line.row,
        name: line.name,
        reason: report.status === 'submitted' ? 'unit_report_pending' : 'month_confirmed',
        month,
      });
    }
  }
  return plan;
}

/** Reads a key-project sheet as the region's office; `apply` writes it in one audited transaction. */
export async function importProjectSheet(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  file: { bytes: Buffer; filename: string },
  options: { apply: boolean },
): Promise<ProjectImportResult> {
  demandRegion(actor, regionId);
  demand(projectPolicy.can(actor, 'create', { regionId, leadUnitId: '' }));
  demandXlsxName(file.filename);
  const grids = await readingXlsx(() => readWorkbook(file.bytes));
  const parsed = readProjectSheet(grids, today(ctx).slice(0, 7));
  if (!parsed.ok) throw fail('xlsx.header_not_found', { columns: parsed.lookedFor.join('；') });
  const read = parsed.read;
  const [projects, reportRows, units] = await Promise.all([
    listProjects(db(ctx), regionId, {}),
    projectReportsBetween(db(ctx), regionId, `${read.year}-01`, `${read.year}-12`),
    listUnits(db(ctx), regionId),
  ]);
  const byName = new Map<string, ProjectRow[]>();
  for (const p of projects) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const byIdMap = new Map(projects.map((p) => [p.id, p]));
  const reports = new Map(reportRows.map((r) => [`${r.project_id}:${r.month}`, r]));
  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const result: ProjectImportResult = {
    applied: false,
    sheet: read.sheet,
    year: read.year,
    columns: read.columns,
    created: [],
    updated: [],
    skipped: [],
    errors: [...read.issues],
  };
  const plans: Plan[] = [];
  const seen = new Set<string>();
  for (const line of read.lines) {
    const issue = (column: string, code: ProjectIssue['code'], value: string) =>
      result.errors.push({ sheet: read.sheet, row: line.row, column, code, value });
    const byId = line.id ? byIdMap.get(line.id) : undefined;
    if (line.id && !byId) {
      issue(read.column('id'), 'id_unknown', line.id);
      continue;
    }
    const matches = byName.get(line.name) ?? [];
    const clash = byId ? matches.some((p) => p.id !== byId.id) : matches.length > 1;
    if (clash || seen.has(line.name)) {
      issue(read.column('name'), 'name_ambiguous', line.name);
      continue;
    }
    seen.add(line.name);
    const project = byId ?? matches[0];
    if (project) {
      const plan = planExisting(
        line,
        project,
        read.year,
        reports,
        read.column,
        read.monthColumn,
        result.skipped,
      );
      if (plan.changes.length === 0) {
        if (!result.skipped.some((s) => s.row === line.row))
          result.skipped.push({ row: line.row, name: line.name, reason: 'unchanged' });
        continue;
      }
      result.updated.push({ row: line.row, name: line.name, projectId: project.id, changes: plan.changes });
      plans.push(plan);
      continue;
    }
    if (!line.lead) {
      issue(read.column('lead'), 'lead_unit_missing', '');
      continue;
    }
    const leadUnitId = unitByName.get(line.lead);
    if (!leadUnitId) {
      issue(read.column('lead'), 'lead_unit_unknown', line.lead);
      continue;
    }
    const months = [...line.months]
      .filter(([, v]) => v !== 0)
      .map(([m, investment]) => ({ month: monthKey(read.year, m), investment }));
    result.created.push({ row: line.row, name: line.name, months: months.length });
    plans.push({ line, project: null, leadUnitId, patch: {}, months, changes: [] });
  }
  if (!options.apply) return result;
  if (result.errors.length > 0)
    throw fail('xlsx.has_errors', { count: result.errors.length }, { errors: result.errors });
  await write(ctx, actor, async ({ trx, audit }) => {
    const at = nowIso(ctx);
    const day = today(ctx);
    for (const plan of plans) {
      const { line } = plan;
      let projectId = plan.project?.id;
      if (plan.project) {
        if (Object.keys(plan.patch).length > 0) {
          const ok = await updateVersioned(
            trx,
            'projects',
            plan.project.id,
            plan.project.version,
            plan.patch,
          );
          if (!ok) throw fail('version.stale');
        }
        await audit({
          regionId,
          action: 'project.update',
          entity: 'project',
          entityId: plan.project.id,
          data: { source: 'xlsx', row: line.row, changes: plan.changes },
        });
      } else {
        projectId = newId('prj');
        await insertNewProject(
          trx,
          regionId,
          projectId,
          line,
          plan.leadUnitId,
          read.year,
          actor.accountId,
          at,
          day,
        );
        await audit({
          regionId,
          action: 'project.create',
          entity: 'project',
          entityId: projectId,
          data: { source: 'xlsx', row: line.row, name: line.name },
        });
      }
      if (plan.months.length === 0) continue;
      await insertProjectReports(
        trx,
        plan.months.map(({ month, investment }) => ({
          id: newId('prp'),
          region_id: regionId,
          project_id: projectId!,
          month,
          investment,
          progress: '',
          next_plan: '',
          coordination: '',
          status: 'confirmed' as const,
          created_by: actor.accountId,
          created_at: at,
          confirmed_by: actor.accountId,
          confirmed_at: at,
        })),
      );
      await audit({
        regionId,
        action: 'project.confirm_report',
        entity: 'project',
        entityId: projectId!,
        data: { source: 'xlsx', months: plan.months },
      });
    }
  });
  return { ...result, applied: true };
}

async function insertNewProject(
  trx: Parameters<typeof insertProjects>[0],
  regionId: string,
  id: string,
  line: ProjectLine,
  leadUnitId: string,
  year: number,
  accountId: string,
  at: string,
  day: string,
): Promise<void> {
  await insertProjects(trx, [
    {
      id,
      region_id: regionId,
      parent_id: null,
      name: line.name,
      stage: 'planning',
      nature: line.nature ?? 'new',
      level: 'district',
      category: '',
      industry: '',
      town: '',
      park: '',
      location: '',
      content: '',
      capacity: '',
      start_year: null,
      end_year: null,
      planned_start: null,
      actual_start: null,
      planned_end: null,
      actual_end: null,
      total_investment: line.total ?? 0,
      funding: '',
      plan_year: year,
      year_plan: line.yearPlan,
      year_goal: '',
      in_statistics: 0,
      leader: '',
      lead_unit_id: leadUnitId,
      lead_contact: '',
      owner_company: '',
      owner_contact: '',
      invested_before: 0,
      created_at: at,
    },
  ]);
  await insertProjectOpening(trx, {
    regionId,
    projectId: id,
    stage: 'planning',
    movedOn: day,
    createdBy: accountId,
    createdAt: at,
  });
}
