import { useState } from 'react';
import { App, Button, DatePicker, Form, Input } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/errors';
import type { Me, Milestone, TaskDetail } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { addMilestone, markMilestoneDone } from './task-api';
import { todayInChina } from './task-edit';

/** The office, and the lead unit's reporter or head, keep the roadmap. */
export function mayEditRoadmap(me: Me, task: Pick<TaskDetail, 'leadUnit'>): boolean {
  if (me.role === 'office' || me.role === 'admin') return true;
  return (me.role === 'reporter' || me.role === 'unit_head') && task.leadUnit !== null && task.leadUnit.id === me.unitId;
}

/** Marks an undone milestone done today (Asia/Shanghai), on the version the page shows. */
export function MarkDoneButton({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    setBusy(true);
    try {
      await markMilestoneDone(milestone, todayInChina());
      void message.success(t('milestone.marked'));
      onDone();
    } catch (e) {
      void message.error(errorMessage(e));
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return <Button size="small" type="link" icon={<CheckOutlined />} loading={busy} onClick={() => void mark()} data-testid="milestone-done">{t('milestone.markDone')}</Button>;
}

interface AddValues {
  title: string;
  dueDate: Dayjs | null;
}

/** Adds a dated step to the roadmap. */
export function AddMilestoneForm({ taskId, onAdded }: { taskId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!open) return <Button size="small" icon={<PlusOutlined />} onClick={() => { setOpen(true); }} className="tz-milestone-add" data-testid="milestone-add-open">{t('milestone.add')}</Button>;
  const submit = async () => {
    const values = await form.validateFields();
    if (!values.dueDate) return;
    setBusy(true);
    try {
      await addMilestone(taskId, values.title.trim(), values.dueDate.format('YYYY-MM-DD'));
      void message.success(t('milestone.added'));
      form.resetFields();
      setOpen(false);
      onAdded();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<AddValues> form={form} layout="vertical" className="tz-milestone-add" data-testid="milestone-add-form">
      <Form.Item name="title" label={t('milestone.title')} rules={[{ required: true, whitespace: true, message: t('milestone.titleRequired') }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="dueDate" label={t('milestone.dueDate')} rules={[{ required: true, message: t('milestone.dueRequired') }]}><DatePicker className="tz-full" /></Form.Item>
      <Button type="primary" size="small" loading={busy} onClick={() => void submit()}>{t('milestone.add')}</Button>
      <Button size="small" type="text" onClick={() => { setOpen(false); }}>{t('common.cancel')}</Button>
    </Form>
  );
}
