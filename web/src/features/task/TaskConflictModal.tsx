import { Modal, Table } from 'antd';
import { useI18n } from '../../i18n/context';
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

/** A stale task save (412): the other person's values beside the user's; nothing is written until the user redoes theirs. */
export function TaskConflictModal({ conflict, unitName, onCancel, onRedo }: Props) {
  const { t } = useI18n();
  const none = t('taskEdit.none');
  const touched = conflict ? new Set([...changedFields(conflict.base, conflict.mine), ...changedFields(conflict.base, conflict.theirs)]) : new Set<string>();
  const rows = conflict
    ? TASK_EDIT_FIELDS.filter((name) => touched.has(name)).map((name) => ({
      key: name,
      field: t(TASK_FIELD_LABEL[name]),
      theirs: showValue(name, conflict.theirs, unitName, none),
      mine: showValue(name, conflict.mine, unitName, none),
      differs: changedFields(conflict.theirs, conflict.mine).includes(name),
    }))
    : [];
  return (
    <Modal open={conflict !== null} title={t('conflict.title')} onCancel={onCancel} onOk={onRedo} okText={t('conflict.redo')} cancelText={t('common.cancel')} width={720} data-testid="task-conflict-modal">
      <p>{t('taskEdit.conflictExplain')}</p>
      <Table
        size="small" pagination={false} dataSource={rows} scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.differs ? 'tz-conflict-row' : '')}
        columns={[
          { title: t('conflict.field'), dataIndex: 'field', width: 100 },
          { title: t('conflict.theirs'), dataIndex: 'theirs', render: (v: string) => <span className="tz-prewrap">{v}</span> },
          { title: t('conflict.mine'), dataIndex: 'mine', render: (v: string) => <span className="tz-prewrap">{v}</span> },
        ]}
      />
    </Modal>
  );
}
