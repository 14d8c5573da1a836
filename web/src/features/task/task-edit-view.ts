import type { MessageKey } from '../../i18n/messages.zh';
import type { TaskEditField, TaskEditValues } from './task-edit';

export const TASK_FIELD_LABEL: Readonly<Record<TaskEditField, MessageKey>> = {
  title: 'task.title',
  leadUnitId: 'task.leadUnit',
  coUnitIds: 'task.coUnits',
  leaderName: 'task.leader',
  startDate: 'task.startDate',
  dueDate: 'task.dueDate',
  ongoing: 'task.ongoing',
  tags: 'task.tags',
  workStandard: 'task.workStandard',
  implementationPlan: 'task.implementationPlan',
  officeNote: 'task.officeNote',
};

/** A field's value as text for the side-by-side view: unit names rather than ids, lists joined with 、. */
export function showValue(
  name: TaskEditField,
  values: Partial<TaskEditValues>,
  unitName: (id: string) => string,
  none: string,
  yes = '✓',
): string {
  const value = values[name];
  if (value === undefined || value === null || value === '' || value === false) return none;
  if (value === true) return yes;
  if (name === 'leadUnitId' && typeof value === 'string') return unitName(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return none;
    return (name === 'coUnitIds' ? value.map(unitName) : value).join('、');
  }
  return value;
}
