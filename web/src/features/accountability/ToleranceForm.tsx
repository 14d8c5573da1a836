import { Form, Input, Select } from 'antd';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { FormDialog, type FormDialogProps } from '../../ui/FormDialog';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { applyTolerance, listOwnNotices } from './accountability-api';

interface Values {
  sourceId: string;
  situation: string;
  pilotReason: string;
  experimentReason: string;
  mistakeReason: string;
}

/** A unit asks for 容错免责 on one of its 督办, arguing each of the 三个区分开来. */
export function ToleranceForm({ open, onClose, onSaved }: FormDialogProps) {
  const { t } = useI18n();
  const { regionId } = useRegion();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useWrite();
  const notices = useLoad(
    () => (open ? listOwnNotices(regionId) : Promise.resolve([])),
    `${regionId}:${open}`,
  );

  const save = (v: Values) =>
    run(() => applyTolerance(regionId, { sourceKind: 'notice', ...v }), {
      success: t('tol.applied'),
    });
  const reason = (name: keyof Values, label: Parameters<typeof t>[0]) => (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, whitespace: true }]}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );

  return (
    <FormDialog
      open={open}
      title={t('tol.apply')}
      onClose={onClose}
      form={form}
      busy={busy}
      save={save}
      onSaved={onSaved}
    >
      <Form.Item name="sourceId" label={t('tol.field.source')} rules={[{ required: true }]}>
        <Select
          loading={notices.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(notices.data ?? [])
            .filter((n) => n.kind === 'supervise' || n.kind === 'listed' || n.kind === 'urge')
            .map((n) => ({
              value: n.id,
              label: `${t(`notice.kind.${n.kind}`)} · ${n.taskCode ?? ''} ${n.taskTitle ?? ''}`,
            }))}
        />
      </Form.Item>
      <Form.Item
        name="situation"
        label={t('tol.field.situation')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={3000} />
      </Form.Item>
      {reason('pilotReason', 'tol.field.pilot')}
      {reason('experimentReason', 'tol.field.experiment')}
      {reason('mistakeReason', 'tol.field.mistake')}
    </FormDialog>
  );
}
