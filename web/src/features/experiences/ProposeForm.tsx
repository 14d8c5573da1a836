import { Form, Input, Select } from 'antd';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { FormDialog, type FormDialogProps } from '../../ui/FormDialog';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import type { Experience } from '../../api/types';
import { proposeExperience, regionTasks, reviseExperience, type ExperienceFields } from './experiences-api';

/**
 * A unit distils an experience from one of the tasks it leads and sends it to the office; given an
 * experience, the same form revises it (a returned one goes back to the office).
 */
export function ProposeForm({
  open,
  onClose,
  onSaved,
  experience,
}: FormDialogProps & { experience?: Experience }) {
  const { t } = useI18n();
  const me = useMe();
  const { regionId, plans } = useRegion();
  const [form] = Form.useForm<ExperienceFields & { taskId: string }>();
  const { run, busy } = useWrite();
  const planIds = plans.filter((p) => p.status === 'published').map((p) => p.id);
  const tasks = useLoad(
    () => (open && !experience ? regionTasks(planIds) : Promise.resolve([])),
    `${regionId}:${open}:${planIds.join(',')}`,
  );
  const own = (tasks.data ?? []).filter((task) => me.role === 'admin' || task.leadUnit?.id === me.unitId);

  const save = ({ taskId, ...fields }: ExperienceFields & { taskId: string }) => {
    const write = experience
      ? () => reviseExperience(experience.id, experience.version, fields)
      : () => proposeExperience(taskId, fields);
    return run(write, { success: t('exp.proposed') });
  };
  const text = (name: keyof ExperienceFields, label: Parameters<typeof t>[0], max: number, rows = 3) => (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, whitespace: true }, { max }]}>
      {rows === 1 ? <Input maxLength={max} /> : <Input.TextArea rows={rows} maxLength={max} showCount />}
    </Form.Item>
  );

  return (
    <FormDialog
      open={open}
      title={experience ? t('exp.edit') : t('exp.propose')}
      onClose={onClose}
      form={form}
      busy={busy}
      save={save}
      onSaved={onSaved}
      width={640}
      initialValues={experience}
    >
      <Form.Item
        name="taskId"
        label={t('exp.field.task')}
        rules={[{ required: !experience }]}
        hidden={!!experience}
      >
        <Select
          loading={tasks.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={own.map((task) => ({ value: task.id, label: `${task.code} ${task.title}` }))}
        />
      </Form.Item>
      {text('title', 'exp.field.title', 100, 1)}
      {text('reason', 'exp.field.reason', 3000)}
      {text('measures', 'exp.field.measures', 5000)}
      {text('effects', 'exp.field.effects', 3000)}
      {text('abstract', 'exp.field.abstract', 400, 4)}
    </FormDialog>
  );
}
