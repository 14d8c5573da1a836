// What importing a ledger sheet would do, worked out before anything is written: which rows create tasks,
// which update them (and which fields), which change nothing, and every cell that cannot be taken.
import type { LedgerNoteRow, TaskRow, UnitRow } from '../../db/schema.js';
import { columnLetter, type LedgerColumnKey } from '../../domain/ledger-columns.js';
import { formatLedgerDate } from '../../domain/ledger-dates.js';
import { noteFromCell } from '../../domain/ledger-progress.js';
import type { LedgerIssue, LedgerLine, LedgerRead } from '../../domain/ledger-rows.js';
import { matchUnit } from '../plan-import/match-units.js';

export type TaskField =
  | 'title'
  | 'implementation_plan'
  | 'lead_unit_id'
  | 'co_units'
  | 'leader_name'
  | 'due_date'
  | 'work_standard'
  | 'office_note'
  /** The office's ledger note for `period`, from an edited progress cell. */
  | 'ledger_note';

export interface FieldChange {
  field: TaskField;
  column: string;
  before: string;
  after: string;
  /** For a ledger note: the period of its column (2026-05, 2026-Q2). */
  period?: string;
}

/** A task as the sheet wants it. */
export interface WantedTask {
  line: LedgerLine;
  title: string;
  implementationPlan: string;
  leadUnitId: string | null;
  proposedLeadUnit: string | null;
  coUnitIds: string[];
  leaderName: string | null;
  dueDate: string | null;
  ongoing: boolean;
  workStandard: string;
  officeNote: string;
}

export interface ImportPlan {
  mode: 'new_plan' | 'update';
  planId: string | null;
  create: WantedTask[];
  update: { task: TaskRow; wanted: WantedTask; changes: FieldChange[] }[];
  unchanged: { task: TaskRow; line: LedgerLine }[];
  issues: LedgerIssue[];
  unknownUnits: { name: string; rows: number[] }[];
}

export interface ExistingTasks {
  rows: ReadonlyMap<string, TaskRow>;
  coUnits: ReadonlyMap<string, readonly string[]>;
  /** What the plan's progress columns hold today: per task, the unit's narrative and the office's note. */
  progress?: ExistingProgress;
}

export interface ExistingProgress {
  /** The period of each progress column of the sheet, in order. */
  periods: readonly string[];
  narratives: ReadonlyMap<string, readonly (string | undefined)[]>;
  /** Per task, its notes by period. */
  notes: ReadonlyMap<string, ReadonlyMap<string, LedgerNoteRow>>;
}

const FIELD_COLUMN: Readonly<Record<TaskField, LedgerColumnKey>> = {
  title: 'title',
  implementation_plan: 'measures',
  lead_unit_id: 'lead',
  co_units: 'co',
  leader_name: 'leader',
  due_date: 'due',
  work_standard: 'output',
  office_note: 'remark',
  ledger_note: 'progress',
};

export function planImport(
  ledger: LedgerRead,
  existing: ExistingTasks,
  units: readonly UnitRow[],
  regionName: string,
): ImportPlan {
  const issues = [...ledger.issues];
  const unknown = new Map<string, number[]>();
  const letter = (key: LedgerColumnKey) => columnLetter(ledger.header.columns.get(key) ?? 0);
  const issue = (line: LedgerLine, key: LedgerColumnKey, code: LedgerIssue['code'], value: string) =>
    issues.push({ sheet: ledger.sheet, row: line.row, column: letter(key), code, value });
  const unitName = new Map(units.map((u) => [u.id, u.name]));

  // The plan an exported sheet came from: the plan of the first of its ids the region has.
  const known = ledger.lines.filter((l) => l.id && existing.rows.has(l.id));
  const planId = known.length > 0 ? existing.rows.get(known[0]!.id!)!.plan_id : null;
  const mode = planId ? 'update' : 'new_plan';

  // A sheet names the same few dozen units thousands of times: each name is matched once.
  const matched = new Map<string, UnitRow | undefined>();
  const match = (name: string) => {
    if (!matched.has(name)) matched.set(name, matchUnit(name, units, regionName));
    return matched.get(name);
  };
  const resolve = (line: LedgerLine, names: readonly string[], key: 'lead' | 'co'): string[] => {
    const ids: string[] = [];
    for (const name of names) {
      const unit = match(name);
      if (unit) ids.push(unit.id);
      else {
        const rows = unknown.get(name) ?? [];
        rows.push(line.row);
        unknown.set(name, rows);
        // Updating a live ledger, an unknown unit would silently drop a responsibility: it is an error.
        if (mode === 'update') issue(line, key, 'unit_unknown', name);
      }
    }
    return ids;
  };

  const wantedOf = (line: LedgerLine): WantedTask => {
    const leads = resolve(line, line.lead, 'lead');
    const co = resolve(line, line.co, 'co');
    const leadUnitId = leads[0] ?? null;
    return {
      line,
      title: line.title,
      implementationPlan: line.measures,
      leadUnitId,
      proposedLeadUnit: leadUnitId ? null : (line.lead[0] ?? null),
      // A second lead named in 牵头单位 co-operates; the lead itself is never its own co-unit.
      coUnitIds: [...new Set([...leads.slice(1), ...co])].filter((id) => id !== leadUnitId),
      leaderName: line.leader || null,
      dueDate: line.due.kind === 'date' ? line.due.date : null,
      ongoing: line.due.kind === 'ongoing',
      workStandard: line.output,
      officeNote: line.remark,
    };
  };

  const plan: ImportPlan = { mode, planId, create: [], update: [], unchanged: [], issues, unknownUnits: [] };
  for (const line of ledger.lines) {
    const task = line.id ? existing.rows.get(line.id) : undefined;
    if (line.id && !task) {
      issue(line, 'id', 'id_unknown', line.id);
      continue;
    }
    if (task && task.plan_id !== planId) {
      issue(line, 'id', 'id_other_plan', line.id!);
      continue;
    }
    const wanted = wantedOf(line);
    if (!task) {
      plan.create.push(wanted);
      continue;
    }
    const changes = diff(task, existing.coUnits.get(task.id) ?? [], wanted, unitName, line);
    const withColumns: FieldChange[] = [
      ...changes.map((c) => ({ ...c, column: letter(FIELD_COLUMN[c.field]) })),
      ...noteChanges(task.id, line, ledger.header.progressColumns, existing.progress),
    ];
    if (withColumns.length === 0) plan.unchanged.push({ task, line });
    else plan.update.push({ task, wanted, changes: withColumns });
  }
  plan.unknownUnits = [...unknown].map(([name, rows]) => ({ name, rows }));
  return plan;
}

function diff(
  task: TaskRow,
  coUnits: readonly string[],
  wanted: WantedTask,
  unitName: ReadonlyMap<string, string>,
  line: LedgerLine,
): Omit<FieldChange, 'column'>[] {
  const out: Omit<FieldChange, 'column'>[] = [];
  const text = (field: TaskField, before: string | null, after: string | null) => {
    if ((before ?? '') !== (after ?? '')) out.push({ field, before: before ?? '', after: after ?? '' });
  };
  text('title', task.title, wanted.title);
  text('implementation_plan', task.implementation_plan, wanted.implementationPlan);
  // A lead the region does not have yet (shown by its proposed name) is left as it is, not cleared.
  const unresolvedLead =
    !wanted.leadUnitId && task.proposed_lead_unit && line.lead[0] === task.proposed_lead_unit;
  if (!unresolvedLead && task.lead_unit_id !== wanted.leadUnitId)
    out.push({
      field: 'lead_unit_id',
      before: task.lead_unit_id ? (unitName.get(task.lead_unit_id) ?? '') : '',
      after: wanted.leadUnitId ? (unitName.get(wanted.leadUnitId) ?? '') : '',
    });
  const sameCo =
    coUnits.length === wanted.coUnitIds.length && wanted.coUnitIds.every((id) => coUnits.includes(id));
  if (!sameCo)
    out.push({
      field: 'co_units',
      before: coUnits.map((id) => unitName.get(id) ?? '').join('、'),
      after: wanted.coUnitIds.map((id) => unitName.get(id) ?? '').join('、'),
    });
  text('leader_name', task.leader_name, wanted.leaderName);
  // Compared as the sheet writes them, so 长期坚持 and a date are one field, as they are one cell.
  if (line.due.kind !== 'invalid')
    text(
      'due_date',
      formatLedgerDate(task.due_date, task.ongoing === 1),
      formatLedgerDate(wanted.dueDate, wanted.ongoing),
    );
  text('work_standard', task.work_standard, wanted.workStandard);
  text('office_note', task.office_note, wanted.officeNote);
  return out;
}

/** Progress cells whose office part differs from the task's ledger note for that period. */
function noteChanges(
  taskId: string,
  line: LedgerLine,
  columns: readonly number[],
  progress: ExistingProgress | undefined,
): FieldChange[] {
  if (!progress) return [];
  const out: FieldChange[] = [];
  const narratives = progress.narratives.get(taskId) ?? [];
  const notes = progress.notes.get(taskId);
  line.progress.forEach((cell, i) => {
    const period = progress.periods[i];
    if (period === undefined) return;
    const before = notes?.get(period)?.note ?? '';
    const after = noteFromCell(cell, narratives[i] ?? '');
    if (after !== before)
      out.push({ field: 'ledger_note', column: columnLetter(columns[i]!), before, after, period });
  });
  return out;
}
