import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/errors';
import { useErrorText } from '../../i18n/error-text';
import type { TaskDetail } from '../../api/types';
import { RedoAlert } from '../../ui/RedoAlert';
import { useI18n } from '../../i18n/context';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { useWindowWidth } from '../../ui/useWindowHeight';
import { getTask, regionUnits, updateTask } from './task-api';
import {
  editValuesOf,
  invalidFields,
  ownChanges,
  patchOf,
  TASK_TAGS,
  type TaskEditField,
  type TaskEditValues,
} from './task-edit';
import { showValue, TASK_FIELD_LABEL } from './task-edit-view';
import { TaskConflictModal, type TaskConflict } from './TaskConflictModal';

interface Props {
  task: TaskDetail;
  regionId: string;
  onClose: () => void;
  onSaved: () => void;
}

const DATE = 'YYYY-MM-DD';
const dateProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value, DATE) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format(DATE) : null),
};

/**
 * The office edits a task's fields. Only changed fields are sent, with If-Match; a stale save never
 * overwrites: the user sees the other person's values beside theirs and redoes theirs on the latest.
 */
export function TaskEditDrawer({ task, regionId, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskEditValues>();
  const ongoing = Form.useWatch('ongoing', form);
  const [base, setBase] = useState<TaskEditValues>(() => editValuesOf(task));
  const [version, setVersion] = useState(task.version);
  const [conflict, setConflict] = useState<(TaskConflict & { version: number }) | null>(null);
  const [redo, setRedo] = useState<Partial<TaskEditValues> | null>(null);
  const { run, busy } = useWrite();
  const errorText = useErrorText();
  const units = useLoad(() => regionUnits(regionId), regionId);
  const width = Math.min(640, useWindowWidth());

  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const known = new Map<string, string>([
    ...task.coUnits.map((u) => [u.id, u.name] as const),
    ...(task.leadUnit ? [[task.leadUnit.id, task.leadUnit.name] as const] : []),
    ...unitOptions.map((o) => [o.value, o.label] as const),
  ]);
  const unitName = (id: string) => known.get(id) ?? id;

  const save = async () => {
    const values = { ...base, ...(await form.validateFields()) };
    const patch = patchOf(base, values);
    if (Object.keys(patch).length === 0) {
      void message.info(t('taskEdit.noChange'));
      return;
    }
    const refused = async (e: unknown): Promise<boolean> => {
      if (e instanceof ApiError && e.status === 412) {
        // The 412 carries the raw row; the task as the API presents it is what the user compares with.
        const fresh = await getTask(task.id);
        setConflict({ base, mine: values, theirs: editValuesOf(fresh), version: fresh.version });
        return true;
      }
      if (e instanceof ApiError && e.status === 400) {
        const fields: TaskEditField[] = invalidFields(e.details);
        const text = Array.isArray(e.details) ? t('taskEdit.invalid') : errorText(e);
        form.setFields(fields.map((name) => ({ name, errors: [text] })));
      }
      // Fields marked or not, the default message still tells the server's reason.
      return false;
    };
    if (
      !(await run(() => updateTask(task.id, version, patch), {
        success: t('taskEdit.saved'),
        onError: refused,
      }))
    )
      return;
    onSaved();
    onClose();
  };

  const none = t('taskEdit.none');
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('taskEdit.title')}
      size={width}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => void save()} loading={busy} data-testid="task-edit-save">
          {t('common.save')}
        </Button>
      }
    >
      {redo && (
        <RedoAlert
          title={t('taskEdit.redoHint')}
          testId="task-redo"
          lines={(Object.keys(redo) as TaskEditField[])
            .map(
              (name) =>
                `${t(TASK_FIELD_LABEL[name])}${t('common.colon')}${showValue(name, redo, unitName, none, t('common.yes'))}`,
            )
            .join('\n')}
          onApply={() => {
            form.setFieldsValue(redo);
            setRedo(null);
          }}
          onClose={() => {
            setRedo(null);
          }}
        />
      )}
      <Form<TaskEditValues> form={form} layout="vertical" initialValues={base}>
        <Form.Item
          name="title"
          label={t('task.title')}
          rules={[{ required: true, whitespace: true, message: t('taskEdit.titleRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('task.leadUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions}
            loading={units.loading}
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('task.coUnits')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions}
            loading={units.loading}
          />
        </Form.Item>
        <Form.Item name="leaderName" label={t('task.leader')}>
          <Input maxLength={60} />
        </Form.Item>
        <div className="tz-task-edit-dates">
          <Form.Item name="startDate" label={t('task.startDate')} {...dateProps}>
            <DatePicker className="tz-full" />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t('task.dueDate')}
            {...dateProps}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | null) => {
                  const start = getFieldValue('startDate') as string | null;
                  return !value || !start || value >= start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('taskEdit.dueBeforeStart')));
                },
              }),
            ]}
          >
            <DatePicker className="tz-full" disabled={ongoing} />
          </Form.Item>
        </div>
        <Form.Item name="ongoing" valuePropName="checked" extra={t('task.ongoingHint')}>
          <Checkbox
            data-testid="task-edit-ongoing"
            onChange={(e) => {
              if (e.target.checked) form.setFieldValue('dueDate', null);
            }}
          >
            {t('task.ongoing')}
          </Checkbox>
        </Form.Item>
        <Form.Item name="tags" label={t('task.tags')}>
          <Select mode="multiple" allowClear options={TASK_TAGS.map((tag) => ({ value: tag, label: tag }))} />
        </Form.Item>
        <Form.Item name="workStandard" label={t('task.workStandard')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="implementationPlan" label={t('task.implementationPlan')}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="officeNote" label={t('task.officeNote')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      <TaskConflictModal
        conflict={conflict}
        unitName={unitName}
        onCancel={() => {
          setConflict(null);
        }}
        onRedo={() => {
          if (!conflict) return;
          // Start again from what is stored now; the user's own changes stay on screen to re-apply.
          setBase(conflict.theirs);
          setVersion(conflict.version);
          form.setFieldsValue(conflict.theirs);
          setRedo(ownChanges(conflict.base, conflict.mine));
          setConflict(null);
          onSaved();
        }}
      />
    </Drawer>
  );
}
