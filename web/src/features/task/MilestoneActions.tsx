import { useState } from 'react';
import { Button, DatePicker, Form, Input, Popover, Space } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Milestone } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { addMilestone, markMilestoneDone } from './task-api';
import { todayInChina } from '../../lib/china-time';
import { useWrite } from '../../lib/useWrite';

/**
 * Marks an undone milestone done on the day the user picks (today in China unless they say otherwise,
 * never a day still to come), on the version the page shows.
 */
export function MarkDoneButton({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const today = todayInChina();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs>(() => dayjs(today));
  const mark = async () => {
    const done = await run(() => markMilestoneDone(milestone, date.format('YYYY-MM-DD')), {
      success: t('milestone.marked'),
    });
    if (done) setOpen(false);
    // Refetch either way: on a stale version the page then shows what is stored now.
    onDone();
  };
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={t('milestone.doneDate')}
      content={
        <Space wrap data-testid="milestone-done-form">
          <DatePicker
            size="small"
            value={date}
            allowClear={false}
            aria-label={t('milestone.doneDate')}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(d: Dayjs | null) => {
              if (d) setDate(d);
            }}
          />
          <Button
            size="small"
            type="primary"
            loading={busy}
            onClick={() => void mark()}
            data-testid="milestone-done-confirm"
          >
            {t('milestone.markDone')}
          </Button>
        </Space>
      }
    >
      <Button size="small" type="link" icon={<CheckOutlined />} data-testid="milestone-done">
        {t('milestone.markDone')}
      </Button>
    </Popover>
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
