import type { TaskDetail } from '../../api/types';

/** The kinds of reform a task may be tagged with (首创型/引领型/集成型). */
export const TASK_TAGS: readonly string[] = ['首创型', '引领型', '集成型'];

/** What the office edits on a task; dates are YYYY-MM-DD text, empty text means none. */
export interface TaskEditValues {
  title: string;
  leadUnitId: string | null;
  coUnitIds: string[];
  leaderName: string;
  startDate: string | null;
  dueDate: string | null;
  /** 长期坚持: no due date on purpose. */
  ongoing: boolean;
  tags: string[];
  workStandard: string;
  implementationPlan: string;
  /** The office's 备注. */
  officeNote: string;
}

export type TaskEditField = keyof TaskEditValues;

export const TASK_EDIT_FIELDS: readonly TaskEditField[] = [
  'title',
  'leadUnitId',
  'coUnitIds',
  'leaderName',
  'startDate',
  'dueDate',
  'ongoing',
  'tags',
  'workStandard',
  'implementationPlan',
  'officeNote',
];

/** The body PATCH /api/tasks/:id takes for these fields. */
export interface TaskPatch {
  title?: string;
  leadUnitId?: string | null;
  coUnitIds?: string[];
  leaderName?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  ongoing?: boolean;
  tags?: string[];
  workStandard?: string;
  implementationPlan?: string;
  officeNote?: string;
}

export function editValuesOf(
  task: Pick<
    TaskDetail,
    | 'title'
    | 'leadUnit'
    | 'coUnits'
    | 'leaderName'
    | 'startDate'
    | 'dueDate'
    | 'ongoing'
    | 'tags'
    | 'workStandard'
    | 'implementationPlan'
    | 'officeNote'
  >,
): TaskEditValues {
  return {
    title: task.title,
    leadUnitId: task.leadUnit?.id ?? null,
    coUnitIds: task.coUnits.map((u) => u.id),
    leaderName: task.leaderName ?? '',
    startDate: task.startDate,
    dueDate: task.dueDate,
    ongoing: task.ongoing,
    tags: [...task.tags],
    workStandard: task.workStandard,
    implementationPlan: task.implementationPlan,
    officeNote: task.officeNote,
  };
}

function same(a: TaskEditValues[TaskEditField], b: TaskEditValues[TaskEditField]): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return (a ?? null) === (b ?? null);
}

/** The fields whose value differs between two versions. */
export function changedFields(base: TaskEditValues, next: TaskEditValues): TaskEditField[] {
  return TASK_EDIT_FIELDS.filter((name) => !same(base[name], next[name]));
}

/** Only what the user changed, in the API's shape: an emptied leader is null, text is trimmed. */
export function patchOf(base: TaskEditValues, next: TaskEditValues): TaskPatch {
  const patch: TaskPatch = {};
  for (const name of changedFields(base, next)) {
    switch (name) {
      case 'title':
        patch.title = next.title.trim();
        break;
      case 'leadUnitId':
        patch.leadUnitId = next.leadUnitId ?? null;
        break;
      case 'coUnitIds':
        patch.coUnitIds = next.coUnitIds;
        break;
      case 'leaderName':
        patch.leaderName = next.leaderName.trim() || null;
        break;
      case 'startDate':
        patch.startDate = next.startDate ?? null;
        break;
      case 'dueDate':
        patch.dueDate = next.dueDate ?? null;
        break;
      case 'tags':
        patch.tags = next.tags;
        break;
      case 'workStandard':
        patch.workStandard = next.workStandard;
        break;
      case 'implementationPlan':
        patch.implementationPlan = next.implementationPlan;
        break;
      case 'ongoing':
        patch.ongoing = next.ongoing;
        break;
      case 'officeNote':
        patch.officeNote = next.officeNote.trim();
        break;
    }
  }
  // An ongoing task has no due date: the server clears it, and refuses the two sent together.
  if (next.ongoing) delete patch.dueDate;
  return patch;
}

/** The user's own changes (relative to where they started), to lay onto the latest version after a conflict. */
export function ownChanges(base: TaskEditValues, mine: TaskEditValues): Partial<TaskEditValues> {
  const out: Partial<TaskEditValues> = {};
  for (const name of changedFields(base, mine)) Object.assign(out, { [name]: mine[name] });
  return out;
}

/** Which form fields a 400 names: Zod issues ({path}) or a service refusal ({field}, possibly "a/b"). */
export function invalidFields(details: unknown): TaskEditField[] {
  const names = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') for (const part of value.split(/[/.]/)) names.add(part);
  };
  if (Array.isArray(details)) for (const issue of details) add((issue as { path?: unknown } | null)?.path);
  else if (details && typeof details === 'object') add((details as { field?: unknown }).field);
  return TASK_EDIT_FIELDS.filter((name) => names.has(name));
}
