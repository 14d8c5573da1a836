import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { AccountabilityKind, AccountabilityMeasure } from '../../api/types';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { createRecord } from './accountability-api';

export const KINDS: AccountabilityKind[] = ['matter', 'person', 'integrity'];
export const MEASURES: AccountabilityMeasure[] = [
  'reminder_talk',
  'interview',
  'written_review',
  'criticism',
  'admonition',
  'reassignment',
  'discipline',
];

interface Values {
  unitId: string;
  personName?: string;
  personPost?: string;
  kind: AccountabilityKind;
  facts: string;
  decision: string;
  decidedBy: string;
  decidedOn: { format: (f: string) => string };
  measures: AccountabilityMeasure[];
}

/** The office records a decision already taken (by the 纪委监委 or the 党委): who, why, what, by whom, when. */
export function RecordForm({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { regionId, units } = useRegion();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useWrite();

  const submit = async (v: Values) => {
    const done = await run(
      () =>
        createRecord(regionId, {
          unitId: v.unitId,
          personName: v.personName ?? '',
          personPost: v.personPost ?? '',
          kind: v.kind,
          facts: v.facts,
          decision: v.decision,
          decidedBy: v.decidedBy,
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
          measures: v.measures,
        }),
      { success: t('acc.recorded') },
    );
    if (done) {
      form.resetFields();
      onSaved();
    }
  };

  return (
    <Modal
      open={open}
      title={t('acc.new')}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'matter' }}>
        <Form.Item name="unitId" label={t('acc.field.unit')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.filter((u) => u.kind !== 'office').map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="personName" label={t('acc.field.personName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="personPost" label={t('acc.field.personPost')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('acc.field.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`acc.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="facts" label={t('acc.field.facts')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="decision"
          label={t('acc.field.decision')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measures" label={t('acc.field.measures')} rules={[{ required: true }]}>
          <Checkbox.Group options={MEASURES.map((m) => ({ value: m, label: t(`acc.measure.${m}`) }))} />
        </Form.Item>
        <Form.Item
          name="decidedBy"
          label={t('acc.field.decidedBy')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('acc.field.decidedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
