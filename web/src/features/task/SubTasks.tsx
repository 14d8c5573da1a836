import { useState } from 'react';
import { Button, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import type { TaskDetail } from '../../api/types';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import { StatusTag } from '../../ui/StatusTag';
import { createSubTask } from './sub-task-api';
import { nextSubTaskCode, subTaskTitle } from './sub-task';

/** The task this one was split from, as a link above its title. */
export function ParentTaskLink({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const { regionId } = useRegion();
  if (!task.parent) return null;
  return (
    <div className="tz-task-parent" data-testid="task-parent">
      <Typography.Text type="secondary">{t('subTask.parent')}</Typography.Text>{' '}
      <Link to={`/r/${regionId}/tasks/${task.parent.id}`}>
        {task.parent.code} {task.parent.title}
      </Link>
    </div>
  );
}

interface SplitValues {
  leadUnitId?: string;
  code: string;
  title: string;
  dueDate: Dayjs | null;
}

/** The tasks split from this one (a district task's town tasks), and for the office the form that splits it. */
export function SubTasks({ task, onCreated }: { task: TaskDetail; onCreated: () => void }) {
  const { t, locale } = useI18n();
  const { regionId, units } = useRegion();
  const [open, setOpen] = useState<SplitValues | null>(null);
  const [form] = Form.useForm<SplitValues>();
  const { run, busy } = useWrite();
  const mayEdit = task.can.edit;
  if (task.subTasks.length === 0 && !mayEdit) return null;

  // Towns first: a district task is split to its towns (镇街) most of the time.
  const options = units
    .filter((u) => u.active && u.id !== task.leadUnit?.id)
    .sort((a, b) => Number(b.kind === 'town') - Number(a.kind === 'town'))
    .map((u) => ({ value: u.id, label: u.name }));

  const openForm = () => {
    setOpen({
      code: nextSubTaskCode(
        task.code,
        task.subTasks.map((s) => s.code),
      ),
      title: task.title,
      dueDate: task.dueDate ? dayjs(task.dueDate) : null,
    });
  };

  const submit = async () => {
    const values = await form.validateFields();
    const leadUnitId = values.leadUnitId;
    if (!leadUnitId) return;
    const created = await run(
      () =>
        createSubTask(task.plan.id, {
          parentTaskId: task.id,
          areaId: task.areaId,
          code: values.code.trim(),
          title: values.title.trim(),
          leadUnitId,
          dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
        }),
      { success: t('subTask.created') },
    );
    if (!created) return;
    setOpen(null);
    onCreated();
  };

  return (
    <>
      {task.subTasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subTask.none')} />
      ) : (
        <List
          size="small"
          dataSource={task.subTasks}
          data-testid="sub-tasks"
          renderItem={(s) => (
            <List.Item key={s.id} data-testid="sub-task">
              <Space orientation="vertical" size={2} className="tz-full">
                <Link to={`/r/${regionId}/tasks/${s.id}`}>
                  {s.code} {s.title}
                </Link>
                <Space wrap size={6}>
                  <StatusTag status={s.status} />
                  <Typography.Text type="secondary">{s.leadUnit?.name ?? '—'}</Typography.Text>
                  <Typography.Text type="secondary">{formatDate(s.dueDate, locale)}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      {mayEdit && (
        <Button
          size="small"
          className="tz-sub-task-split"
          icon={<ApartmentOutlined />}
          onClick={openForm}
          data-testid="sub-task-open"
        >
          {t('subTask.split')}
        </Button>
      )}
      <Modal
        open={open !== null}
        title={t('subTask.split')}
        okText={t('subTask.create')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(null);
        }}
        destroyOnHidden
      >
        <Form<SplitValues>
          form={form}
          layout="vertical"
          initialValues={open ?? undefined}
          data-testid="sub-task-form"
          onValuesChange={(changed: Partial<SplitValues>) => {
            // Picking the unit names the part after it, unless the office has already written a title.
            if (!changed.leadUnitId) return;
            const current = form.getFieldValue('title') as string | undefined;
            const untouched = !current || current === task.title || /^[^：]+：/.test(current);
            const unit = options.find((o) => o.value === changed.leadUnitId)?.label ?? '';
            if (untouched) form.setFieldValue('title', subTaskTitle(unit, task.title));
          }}
        >
          <Form.Item
            name="leadUnitId"
            label={t('task.leadUnit')}
            rules={[{ required: true, message: t('subTask.unitRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
          </Form.Item>
          <Form.Item name="code" label={t('task.code')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('task.title')}
            rules={[{ required: true, whitespace: true, message: t('taskEdit.titleRequired') }]}
          >
            <Input.TextArea autoSize maxLength={500} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('task.dueDate')}>
            <DatePicker className="tz-full" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
