import { Checkbox, DatePicker, Form, Input, Select, type SelectProps } from 'antd';
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_MEASURES } from '../../../../src/domain/accountability';
import type { AccountabilityKind, AccountabilityMeasure } from '../../api/types';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { FormDialog, type FormDialogProps } from '../../ui/FormDialog';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { createRecord, listOwnNotices, regionAssessmentItems, regionTasks } from './accountability-api';

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
  taskId?: string;
  noticeId?: string;
  assessmentItemId?: string;
}

/** What a record may link to: the unit's tasks, the notices addressed to it and its assessment items. */
async function linkables(regionId: string, planIds: readonly string[]) {
  const [tasks, notices, items] = await Promise.all([
    regionTasks(planIds),
    listOwnNotices(regionId),
    regionAssessmentItems(regionId),
  ]);
  return { tasks, notices, items };
}

/** A record's optional link to what it concerns: may be cleared, and is searched by its label. */
function LinkSelect(props: SelectProps) {
  return <Select allowClear showSearch={{ optionFilterProp: 'label' }} {...props} />;
}

/** The office records a decision already taken (by the 纪委监委 or the 党委): who, why, what, by whom, when. */
export function RecordForm({ open, onClose, onSaved }: FormDialogProps) {
  const { t } = useI18n();
  const { regionId, units, plans } = useRegion();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useWrite();
  const planIds = plans.filter((p) => p.status === 'published').map((p) => p.id);
  const links = useLoad(
    () => (open ? linkables(regionId, planIds) : Promise.resolve(null)),
    `${regionId}:${open}:${planIds.join(',')}`,
  );
  const unitId = Form.useWatch('unitId', form);
  const forUnit = <T,>(list: readonly T[], unitOf: (x: T) => string | null | undefined) =>
    unitId ? list.filter((x) => unitOf(x) === unitId) : [...list];
  const tasks = forUnit(links.data?.tasks ?? [], (task) => task.leadUnit?.id);
  const notices = forUnit(links.data?.notices ?? [], (n) => n.unitId);
  const items = forUnit(links.data?.items ?? [], (a) => a.unitId);

  const save = (v: Values) =>
    run(
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
          taskId: v.taskId ?? null,
          noticeId: v.noticeId ?? null,
          assessmentItemId: v.assessmentItemId ?? null,
        }),
      { success: t('acc.recorded') },
    );

  return (
    <FormDialog
      open={open}
      title={t('acc.new')}
      onClose={onClose}
      form={form}
      busy={busy}
      save={save}
      onSaved={onSaved}
      initialValues={{ kind: 'matter' }}
    >
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
        <Select options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: t(`acc.kind.${k}`) }))} />
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
        <Checkbox.Group
          options={ACCOUNTABILITY_MEASURES.map((m) => ({ value: m, label: t(`acc.measure.${m}`) }))}
        />
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
      <Form.Item name="taskId" label={t('acc.field.task')}>
        <LinkSelect
          loading={links.data === undefined}
          data-testid="acc-link-task"
          options={tasks.map((task) => ({ value: task.id, label: `${task.code} ${task.title}` }))}
        />
      </Form.Item>
      <Form.Item name="noticeId" label={t('acc.field.notice')}>
        <LinkSelect
          data-testid="acc-link-notice"
          options={notices.map((n) => ({
            value: n.id,
            label: `${t(`notice.kind.${n.kind}`)} · ${n.issuedAt.slice(0, 10)} · ${n.taskTitle}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="assessmentItemId" label={t('acc.field.assessmentItem')}>
        <LinkSelect
          data-testid="acc-link-item"
          options={items.map((a) => ({
            value: a.id,
            label: `${a.period} · ${t(`assess.kind.${a.kind}`)} ${a.kind === 'veto' ? '' : a.points} · ${a.reason}`,
          }))}
        />
      </Form.Item>
    </FormDialog>
  );
}
