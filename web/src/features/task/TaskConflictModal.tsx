import { useI18n } from '../../i18n/context';
import { VersionConflictModal } from '../../ui/VersionConflictModal';
import { changedFields, TASK_EDIT_FIELDS, type TaskEditValues } from './task-edit';
import { showValue, TASK_FIELD_LABEL } from './task-edit-view';

export interface TaskConflict {
  /** What the user started from, what they have now, and what is stored now. */
  base: TaskEditValues;
  mine: TaskEditValues;
  theirs: TaskEditValues;
}

interface Props {
  conflict: TaskConflict | null;
  unitName: (id: string) => string;
  onCancel: () => void;
  onRedo: () => void;
}

/** A stale task save (412): only the fields either person changed, theirs beside the user's. */
export function TaskConflictModal({ conflict, unitName, onCancel, onRedo }: Props) {
  const { t } = useI18n();
  const none = t('taskEdit.none');
  const touched = conflict
    ? new Set([
        ...changedFields(conflict.base, conflict.mine),
        ...changedFields(conflict.base, conflict.theirs),
      ])
    : new Set<string>();
  const rows = conflict
    ? TASK_EDIT_FIELDS.filter((name) => touched.has(name)).map((name) => ({
        key: name,
        field: t(TASK_FIELD_LABEL[name]),
        theirs: showValue(name, conflict.theirs, unitName, none, t('common.yes')),
        mine: showValue(name, conflict.mine, unitName, none, t('common.yes')),
        differs: changedFields(conflict.theirs, conflict.mine).includes(name),
      }))
    : [];
  return (
    <VersionConflictModal
      open={conflict !== null}
      explanation={t('taskEdit.conflictExplain')}
      rows={rows}
      testId="task-conflict-modal"
      onCancel={onCancel}
      onRedo={onRedo}
    />
  );
}
