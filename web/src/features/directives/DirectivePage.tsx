import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import {
  answerCheckpoint,
  decideExtension,
  directiveFileHref,
  getDirective,
  requestExtension,
  uploadCheckpointEvidence,
  type DirectiveDetail,
} from './directives-api';
import { DirectiveStateTag } from './parts';
import { PageHead } from '../../ui/PageHead';
import './directives.css';

type Checkpoint = DirectiveDetail['checkpoints'][number];

const DOT_COLOR = { met: 'green', late: 'orange', missed: 'red', pending: 'gray' } as const;

/** One directive: where it came from, who leads it, and its 部署 → 行动 → 见效 timeline with the unit's answers. */
export function DirectivePage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId } = useRegion();
  const { directiveId = '' } = useParams();
  const { data, error, reload } = useLoad(() => getDirective(directiveId), directiveId);
  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Spin />;
  const d = data;
  const source = d.meeting ? (
    <Link to={`/r/${regionId}/meetings/${d.meeting.id}`}>
      {t('directive.meeting', {
        kind: t(`meeting.kind.${d.meeting.kind}` as 'meeting.kind.executive'),
        topic: d.meeting.topic,
      })}
    </Link>
  ) : d.instruction?.taskId ? (
    <Link to={`/r/${regionId}/tasks/${d.instruction.taskId}`}>{t('directive.instruction')}</Link>
  ) : (
    t('directive.instruction')
  );
  return (
    <div data-testid="directive-page">
      <Link to={`/r/${regionId}/directives`}>← {t('directive.back')}</Link>
      <PageHead title={d.content}>
        <Space size={4}>
          <DirectiveStateTag state={d.state} />
          {d.done && <Tag color="green">{t('directive.done')}</Tag>}
        </Space>
      </PageHead>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('directive.source')}>{source}</Descriptions.Item>
        <Descriptions.Item label={t('directive.lead')}>{d.leadUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('directive.co')}>
          {d.coUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('directive.assignedOn')}>
          {formatDate(d.assignedOn, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('directive.deadline')}>
          {formatDate(d.deadline, locale)}
          {d.extendedTo && (
            <Typography.Text type="secondary">
              {' '}
              （{t('directive.extendedTo', { date: formatDate(d.extendedTo, locale) })}）
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>

      <Card size="small" title={t('directive.timeline')} className="tz-dir-card" style={{ marginTop: 16 }}>
        <Timeline
          data-testid="checkpoint-timeline"
          items={d.checkpoints.map((c) => ({
            color: DOT_COLOR[c.state],
            content: <CheckpointItem directive={d} checkpoint={c} onChanged={reload} />,
          }))}
        />
      </Card>

      <Extensions directive={d} onChanged={reload} />

      {d.notices.length > 0 && (
        <Card size="small" title={t('directive.notices')} style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={d.notices}
            renderItem={(n) => (
              <List.Item key={n.id}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{n.body}</Typography.Text>
                  <Typography.Text type="secondary" className="tz-dir-meta">
                    {formatDateTime(n.issuedAt, locale)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}

function CheckpointItem({
  directive,
  checkpoint: c,
  onChanged,
}: {
  directive: DirectiveDetail;
  checkpoint: Checkpoint;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [body, setBody] = useState('');
  const files = directive.files.filter((f) => f.checkpoint === c.kind);
  const mayAnswer = directive.can.answer && c.answer === null;
  const submit = async () => {
    if (!body.trim()) return;
    const done = await run(() => answerCheckpoint(directive.id, c.kind, body.trim()), {
      success: t('directive.answered'),
    });
    if (done) {
      setBody('');
      onChanged();
    }
  };
  return (
    <div data-testid={`checkpoint-${c.kind}`} data-state={c.state}>
      <Space wrap size={6}>
        <Typography.Text strong>{t(`directive.checkpoint.${c.kind}`)}</Typography.Text>
        <DirectiveStateTag state={c.state} />
        <Typography.Text type="secondary">
          {t('directive.due', { date: formatDate(c.dueDate, locale) })}
        </Typography.Text>
        {c.doneOn && (
          <Typography.Text type="secondary">
            {t('directive.doneOn', { date: formatDate(c.doneOn, locale) })}
            {c.inferred && `（${t('directive.inferred')}）`}
          </Typography.Text>
        )}
        {c.daysLate > 0 && (
          <Typography.Text type="danger">{t('directive.daysLate', { n: c.daysLate })}</Typography.Text>
        )}
      </Space>
      {c.answer && <Typography.Paragraph className="tz-dir-answer">{c.answer.body}</Typography.Paragraph>}
      {files.length > 0 && (
        <div className="tz-dir-meta">
          {t('directive.evidence')}：
          {files.map((f) => (
            <a key={f.id} href={directiveFileHref(f.id)} style={{ marginRight: 8 }}>
              {f.filename}
            </a>
          ))}
        </div>
      )}
      {mayAnswer && (
        <Space orientation="vertical" className="tz-full" size={6} style={{ marginTop: 6 }}>
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            maxLength={5000}
            value={body}
            placeholder={t('directive.answerPlaceholder')}
            aria-label={t('directive.answer')}
            onChange={(e) => {
              setBody(e.target.value);
            }}
            data-testid={`answer-${c.kind}`}
          />
          <Button
            type="primary"
            size="small"
            loading={busy}
            disabled={!body.trim()}
            onClick={() => void submit()}
          >
            {t('directive.answer')}
          </Button>
        </Space>
      )}
      {directive.can.answer && (
        <Upload
          showUploadList={false}
          customRequest={({ file }) => {
            void run(() => uploadCheckpointEvidence(directive.id, c.kind, file as File), {
              success: t('directive.uploaded'),
            }).then((ok) => {
              if (ok) onChanged();
            });
          }}
        >
          <Button size="small" type="link" icon={<UploadOutlined />}>
            {t('directive.upload')}
          </Button>
        </Upload>
      )}
    </div>
  );
}

interface ExtensionValues {
  reason: string;
  progress: string;
  newDate: Dayjs;
}

function Extensions({ directive: d, onChanged }: { directive: DirectiveDetail; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ExtensionValues>();
  if (d.extensions.length === 0 && !d.can.requestExtension) return null;
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await run(
      () =>
        requestExtension(d.id, {
          reason: v.reason.trim(),
          progress: v.progress.trim(),
          newDate: v.newDate.format('YYYY-MM-DD'),
        }),
      { success: t('directive.extension.requested') },
    );
    if (ok) {
      setOpen(false);
      onChanged();
    }
  };
  const decide = async (id: string, version: number, approve: boolean) => {
    if (await run(() => decideExtension(id, version, approve), { success: t('directive.extension.decided') }))
      onChanged();
  };
  return (
    <Card
      size="small"
      title={t('directive.extensions')}
      style={{ marginTop: 16 }}
      extra={
        d.can.requestExtension && (
          <Button
            size="small"
            onClick={() => {
              setOpen(true);
            }}
          >
            {t('directive.requestExtension')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={d.extensions}
        renderItem={(e) => (
          <List.Item
            key={e.id}
            actions={
              e.status === 'pending' && d.can.decideExtension
                ? [
                    <Button
                      key="a"
                      size="small"
                      type="primary"
                      loading={busy}
                      onClick={() => void decide(e.id, e.version, true)}
                    >
                      {t('directive.extension.approve')}
                    </Button>,
                    <Button
                      key="r"
                      size="small"
                      loading={busy}
                      onClick={() => void decide(e.id, e.version, false)}
                    >
                      {t('directive.extension.reject')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Space wrap size={6}>
                <Tag>{t(`directive.extension.status.${e.status}`)}</Tag>
                <span>
                  {t('directive.extension.newDate')} {formatDate(e.newDate, locale)}
                </span>
              </Space>
              <Typography.Text>
                {t('directive.extension.reason')}：{e.reason}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('directive.extension.progress')}：{e.progress}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('directive.requestExtension')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Form<ExtensionValues> form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('directive.extension.reason')}
            rules={[{ required: true, whitespace: true, message: t('directive.extension.required') }]}
          >
            <Input.TextArea autoSize maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="progress"
            label={t('directive.extension.progress')}
            rules={[{ required: true, whitespace: true, message: t('directive.extension.required') }]}
          >
            <Input.TextArea autoSize maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="newDate"
            label={t('directive.extension.newDate')}
            rules={[{ required: true, message: t('directive.extension.required') }]}
          >
            <DatePicker className="tz-full" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
