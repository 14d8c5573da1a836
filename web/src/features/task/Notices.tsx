import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Notice, NoticeKind } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import { closeNotice, issueNotice, respondToNotice } from './notice-api';

const KIND_COLOR: Readonly<Record<NoticeKind, string>> = {
  reminder: 'blue',
  urge: 'gold',
  supervise: 'orange',
  listed: 'red',
};
export const NOTICE_KINDS: readonly NoticeKind[] = ['reminder', 'urge', 'supervise', 'listed'];

export function NoticeKindTag({ kind }: { kind: NoticeKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLOR[kind]}>{t(`notice.kind.${kind}`)}</Tag>;
}

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
      extra={<Tag>{t(`notice.status.${notice.status}`)}</Tag>}
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

/** The office issues a notice to the lead unit from the task page. */
export function IssueNoticeForm({ taskId, onIssued }: { taskId: string; onIssued: () => void }) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const [form] = Form.useForm<{ kind: NoticeKind; body: string }>();
  const submit = async (values: { kind: NoticeKind; body: string }) => {
    if (
      !(await run(() => issueNotice(taskId, values.kind, values.body.trim()), { success: t('notice.sent') }))
    )
      return;
    form.resetFields();
    onIssued();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'urge' }}
      onFinish={(v) => void submit(v)}
      className="tz-issue-form"
    >
      <Form.Item name="kind" label={t('notice.kind')}>
        <Select options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notice.kind.${k}`) }))} />
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
