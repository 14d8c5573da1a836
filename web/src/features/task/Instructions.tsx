import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Instruction, TaskDetail } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import { OverdueTag } from '../../ui/OverdueTag';
import { DeadlineInput } from './DeadlineInput';
import { addInstruction, replyToInstruction } from './instruction-api';

/** One 批示: to whom, by when, and the unit's reply; the addressed unit replies here (`can.reply`). */
export function InstructionItem({
  instruction: i,
  onChanged,
  showTask,
}: {
  instruction: Instruction;
  onChanged: () => void;
  showTask?: boolean;
}) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [reply, setReply] = useState('');
  const send = async () => {
    if (
      !(await run(() => replyToInstruction(i.id, i.version, reply.trim()), {
        success: t('instruction.replied'),
      }))
    )
      return;
    setReply('');
    onChanged();
  };
  return (
    <Card
      size="small"
      className="tz-instruction-item"
      data-testid={`instruction-${i.id}`}
      title={
        <Space wrap size={4}>
          {i.unitName && <Tag color="purple">{t('instruction.to', { unit: i.unitName })}</Tag>}
          {showTask && (
            <span>
              {i.taskCode} {i.taskTitle}
            </span>
          )}
        </Space>
      }
      extra={
        i.unitId && (
          <Space size={4}>
            <OverdueTag days={i.overdueDays} />
            <Tag>{t(`instruction.status.${i.status}`)}</Tag>
          </Space>
        )
      }
    >
      <div className="tz-prewrap tz-instruction">{i.body}</div>
      <Typography.Text type="secondary">
        {i.authorName} · {formatDateTime(i.createdAt, locale)}
        {i.responseDue && ` · ${t('instruction.due', { due: formatDate(i.responseDue, locale) })}`}
      </Typography.Text>
      {i.reply && (
        <div className="tz-notice-response">
          <strong>
            {t('instruction.replyLabel')}
            {t('common.colon')}
          </strong>
          <span className="tz-prewrap">{i.reply}</span>
          <div>
            <Typography.Text type="secondary">{formatDateTime(i.repliedAt, locale)}</Typography.Text>
          </div>
        </div>
      )}
      {i.can.reply && (
        <Space.Compact block className="tz-notice-form">
          <Input.TextArea
            rows={2}
            value={reply}
            onChange={(e) => {
              setReply(e.target.value);
            }}
            placeholder={t('instruction.replyPlaceholder')}
            maxLength={5000}
            aria-label={t('instruction.replyLabel')}
          />
          <Button type="primary" disabled={!reply.trim()} loading={busy} onClick={() => void send()}>
            {t('instruction.reply')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

interface InstructValues {
  body: string;
  unitId?: string;
  workingDays: number | null;
}

/** Leaders' 批示 on the task; the form shows when the server lets this account write one (`task.can.instruct`). */
export function Instructions({
  task,
  mayAdd,
  onChanged,
}: {
  task: Pick<TaskDetail, 'id' | 'instructions' | 'leadUnit' | 'coUnits'>;
  mayAdd: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const [form] = Form.useForm<InstructValues>();
  const units = [...(task.leadUnit ? [task.leadUnit] : []), ...task.coUnits];

  const add = async (v: InstructValues) => {
    const input = {
      body: v.body.trim(),
      ...(v.unitId && { unitId: v.unitId }),
      ...(v.workingDays !== null && { workingDays: v.workingDays }),
    };
    if (!(await run(() => addInstruction(task.id, input), { success: t('instruction.added') }))) return;
    form.resetFields();
    onChanged();
  };

  return (
    <div>
      {task.instructions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('instruction.none')} />
      ) : (
        <Space orientation="vertical" className="tz-full">
          {task.instructions.map((i) => (
            <InstructionItem key={i.id} instruction={i} onChanged={onChanged} />
          ))}
        </Space>
      )}
      {mayAdd && (
        <Form
          form={form}
          layout="vertical"
          className="tz-issue-form tz-instruct-form"
          initialValues={{ unitId: task.leadUnit?.id, workingDays: null }}
          onFinish={(v) => void add(v)}
        >
          <Form.Item
            name="body"
            rules={[{ required: true, whitespace: true, message: t('instruction.placeholder') }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={2000}
              placeholder={t('instruction.placeholder')}
              aria-label={t('instruction.add')}
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="unitId" label={t('instruction.unit')}>
              <Select
                className="tz-instruct-unit"
                options={units.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="workingDays" label={t('instruction.deadline')}>
              <DeadlineInput />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('instruction.add')}
          </Button>
        </Form>
      )}
    </div>
  );
}
