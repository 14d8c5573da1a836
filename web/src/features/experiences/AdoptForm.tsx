import { Form, Input, Select } from 'antd';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { FormDialog, type FormDialogProps } from '../../ui/FormDialog';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { adoptExperience, regionTasks } from './experiences-api';

/** Another region's office records which of its tasks takes the experience up (借鉴推广). */
export function AdoptForm({
  experienceId,
  open,
  onClose,
  onSaved,
}: FormDialogProps & { experienceId: string }) {
  const { t } = useI18n();
  const { regionId, plans } = useRegion();
  const [form] = Form.useForm<{ taskId: string; note?: string }>();
  const { run, busy } = useWrite();
  const planIds = plans.filter((p) => p.status === 'published').map((p) => p.id);
  const tasks = useLoad(
    () => (open ? regionTasks(planIds) : Promise.resolve([])),
    `${regionId}:${open}:${planIds.join(',')}`,
  );

  const save = (v: { taskId: string; note?: string }) =>
    run(() => adoptExperience(experienceId, v.taskId, v.note ?? ''), { success: t('exp.adopted') });

  return (
    <FormDialog
      open={open}
      title={t('exp.adopt')}
      onClose={onClose}
      form={form}
      busy={busy}
      save={save}
      onSaved={onSaved}
    >
      <Form.Item name="taskId" label={t('exp.field.adoptTask')} rules={[{ required: true }]}>
        <Select
          loading={tasks.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(tasks.data ?? []).map((task) => ({
            value: task.id,
            label: `${task.code} ${task.title}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('exp.field.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
