import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Notice, NoticeKind } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import { DEFAULT_WORKING_DAYS, NOTICE_KINDS, NoticeKindTag } from '../../ui/NoticeKindTag';
import { OverdueTag } from '../../ui/OverdueTag';
import { DeadlineInput } from './DeadlineInput';
import { closeNotice, issueNotice, respondToNotice } from './notice-api';

/** A notice with its response; the unit answers here, the office closes it. */
export function NoticeItem({
  notice,
  onChanged,
  showTask,
}: {
  notice: Notice;
  onChanged: () => void;
  showTask?: boolean;
}) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [response, setResponse] = useState('');
  const { respond: mayRespond, close: mayClose } = notice.can;

  const act = async (work: () => Promise<unknown>, done: string) => {
    if (!(await run(work, { success: done }))) return;
    setResponse('');
    onChanged();
  };

  return (
    <Card
      size="small"
      className="tz-notice"
      data-testid={`notice-${notice.id}`}
      title={
        <Space wrap size={4}>
          <NoticeKindTag kind={notice.kind} />
          {showTask && notice.taskTitle && (
            <span>
              {notice.taskCode} {notice.taskTitle}
            </span>
          )}
        </Space>
      }
      extra={
        <Space size={4}>
          <OverdueTag days={notice.overdueDays} />
          <Tag>{t(`notice.status.${notice.status}`)}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph className="tz-prewrap">{notice.body}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('notice.issued', {
          at: formatDateTime(notice.issuedAt, locale),
          due: formatDate(notice.responseDue, locale),
        })}
      </Typography.Text>
      {notice.response && (
        <div className="tz-notice-response">
          <strong>
            {t('notice.response')}
            {t('common.colon')}
          </strong>
          <span className="tz-prewrap">{notice.response}</span>
          <div>
            <Typography.Text type="secondary">{formatDateTime(notice.respondedAt, locale)}</Typography.Text>
          </div>
        </div>
      )}
      {mayRespond && (
        <Space.Compact block className="tz-notice-form">
          <Input.TextArea
            rows={2}
            value={response}
            onChange={(e) => {
              setResponse(e.target.value);
            }}
            placeholder={t('notice.responsePlaceholder')}
            maxLength={5000}
            aria-label={t('notice.response')}
          />
          <Button
            type="primary"
            disabled={!response.trim()}
            loading={busy}
            onClick={() => void act(() => respondToNotice(notice.id, response.trim()), t('notice.responded'))}
          >
            {t('notice.respond')}
          </Button>
        </Space.Compact>
      )}
      {mayClose && (
        <div className="tz-notice-form">
          <Button
            size="small"
            loading={busy}
            onClick={() => void act(() => closeNotice(notice.id), t('notice.closed'))}
          >
            {t('notice.close')}
          </Button>
        </div>
      )}
    </Card>
  );
}

interface IssueValues {
  kind: NoticeKind;
  body: string;
  workingDays: number | null;
}

/** The office issues a notice to the lead unit from the task page, with its deadline in working days. */
export function IssueNoticeForm({ taskId, onIssued }: { taskId: string; onIssued: () => void }) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const [form] = Form.useForm<IssueValues>();
  const submit = async (values: IssueValues) => {
    const sent = await run(
      () => issueNotice(taskId, values.kind, values.body.trim(), values.workingDays ?? undefined),
      { success: t('notice.sent') },
    );
    if (!sent) return;
    form.resetFields();
    onIssued();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'urge', workingDays: DEFAULT_WORKING_DAYS.urge }}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<IssueValues>) => {
        // A new kind brings its own default deadline (督办 3个工作日, 提醒 7个工作日).
        if (changed.kind) form.setFieldValue('workingDays', DEFAULT_WORKING_DAYS[changed.kind]);
      }}
      className="tz-issue-form"
    >
      <Form.Item name="kind" label={t('notice.kind')}>
        <Select options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notice.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="workingDays" label={t('notice.deadline')}>
        <DeadlineInput />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('notice.body')}
        rules={[{ required: true, whitespace: true, message: t('notice.bodyRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('notice.issue')}
      </Button>
    </Form>
  );
}

export function NoticeList({ notices, onChanged }: { notices: Notice[]; onChanged: () => void }) {
  const { t } = useI18n();
  if (notices.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notice.none')} />;
  return (
    <Space orientation="vertical" className="tz-full">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} onChanged={onChanged} />
      ))}
    </Space>
  );
}
