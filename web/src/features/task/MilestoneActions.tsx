import { useState } from 'react';
import { Button, DatePicker, Form, Input } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Milestone } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { addMilestone, markMilestoneDone } from './task-api';
import { todayInChina } from '../../lib/china-time';
import { useWrite } from '../../lib/useWrite';

/** Marks an undone milestone done today in China, on the version the page shows. */
export function MarkDoneButton({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const mark = async () => {
    await run(() => markMilestoneDone(milestone, todayInChina()), { success: t('milestone.marked') });
    // Refetch either way: on a stale version the page then shows what is stored now.
    onDone();
  };
  return (
    <Button
      size="small"
      type="link"
      icon={<CheckOutlined />}
      loading={busy}
      onClick={() => void mark()}
      data-testid="milestone-done"
    >
      {t('milestone.markDone')}
    </Button>
  );
}

interface AddValues {
  title: string;
  dueDate: Dayjs | null;
}

/** Adds a dated step to the roadmap. */
export function AddMilestoneForm({ taskId, onAdded }: { taskId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const [form] = Form.useForm<AddValues>();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          setOpen(true);
        }}
        className="tz-milestone-add"
        data-testid="milestone-add-open"
      >
        {t('milestone.add')}
      </Button>
    );
  const submit = async () => {
    const values = await form.validateFields();
    const dueDate = values.dueDate;
    if (!dueDate) return;
    if (
      !(await run(() => addMilestone(taskId, values.title.trim(), dueDate.format('YYYY-MM-DD')), {
        success: t('milestone.added'),
      }))
    )
      return;
    form.resetFields();
    setOpen(false);
    onAdded();
  };
  return (
    <Form<AddValues>
      form={form}
      layout="vertical"
      className="tz-milestone-add"
      data-testid="milestone-add-form"
    >
      <Form.Item
        name="title"
        label={t('milestone.title')}
        rules={[{ required: true, whitespace: true, message: t('milestone.titleRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('milestone.dueDate')}
        rules={[{ required: true, message: t('milestone.dueRequired') }]}
      >
        <DatePicker className="tz-full" />
      </Form.Item>
      <Button type="primary" size="small" loading={busy} onClick={() => void submit()}>
        {t('milestone.add')}
      </Button>
      <Button
        size="small"
        type="text"
        onClick={() => {
          setOpen(false);
        }}
      >
        {t('common.cancel')}
      </Button>
    </Form>
  );
}
