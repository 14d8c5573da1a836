import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import {
  directiveFromDecision,
  getMeeting,
  listPlans,
  meetingFileHref,
  taskFromDecision,
  uploadMeetingFile,
  type Meeting,
} from './directives-api';
import { MeetingKindTag } from './parts';
import { PageHead } from '../../ui/PageHead';
import './directives.css';

type Decision = Meeting['decisions'][number];
type Target = 'directive' | 'task';

interface HandOnValues {
  leadUnitId: string;
  coUnitIds?: string[];
  due: Dayjs;
  planId?: string;
}

const STATE_COLOR = { unassigned: 'default', in_progress: 'processing', done: 'success' } as const;

/** One meeting: its participants and minutes, and its decisions, each handed on as a directive or a task in one step. */
export function MeetingPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId } = useRegion();
  const { meetingId = '' } = useParams();
  const { data, error, reload } = useLoad(() => getMeeting(meetingId), meetingId);
  const [handOn, setHandOn] = useState<{ decision: Decision; target: Target } | null>(null);
  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Spin />;
  const m = data;
  return (
    <div data-testid="meeting-page">
      <Link to={`/r/${regionId}/meetings`}>← {t('meeting.back')}</Link>
      <PageHead title={m.topic}>
        <MeetingKindTag kind={m.kind} />
        <Typography.Text type="secondary">{formatDate(m.heldOn, locale)}</Typography.Text>
      </PageHead>
      <Card size="small">
        <div className="tz-meeting-tally" data-testid="meeting-tally">
          {t('meeting.tally', { total: m.tally.total, done: m.tally.done })}
        </div>
        <Typography.Text type="secondary">
          {t('meeting.tallyDetail', {
            directives: m.tally.directives,
            tasks: m.tally.tasks,
            unassigned: m.tally.unassigned,
          })}
        </Typography.Text>
      </Card>
      <Descriptions size="small" column={1} bordered style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('meeting.units')}>
          {m.units.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.leaders')}>{m.leaders.join('；') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meeting.minutes')}>
          <span className="tz-dir-answer">{m.minutes || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.files')}>
          <Space wrap size={8}>
            {m.files.map((f) => (
              <a key={f.id} href={meetingFileHref(f.id)}>
                {f.filename}
              </a>
            ))}
            {m.files.length === 0 && !m.can.record && '—'}
            {m.can.record && <MeetingUpload meetingId={m.id} onUploaded={reload} />}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('meeting.decisions')} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={m.decisions}
          data-testid="decisions"
          renderItem={(d) => (
            <List.Item key={d.id} data-testid="decision" data-state={d.state}>
              <Space orientation="vertical" size={4} className="tz-full">
                <Typography.Text>
                  {d.seq}. {d.content}
                </Typography.Text>
                <Space wrap size={6}>
                  <Tag color={STATE_COLOR[d.state]}>{t(`decision.state.${d.state}`)}</Tag>
                  {d.directiveId && (
                    <Link to={`/r/${regionId}/directives/${d.directiveId}`} data-testid="decision-directive">
                      {t('decision.openDirective')}
                    </Link>
                  )}
                  {d.taskId && <Link to={`/r/${regionId}/tasks/${d.taskId}`}>{t('decision.openTask')}</Link>}
                  {d.state === 'unassigned' && m.can.assignDecision && (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        data-testid="decision-to-directive"
                        onClick={() => {
                          setHandOn({ decision: d, target: 'directive' });
                        }}
                      >
                        {t('decision.toDirective')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => {
                          setHandOn({ decision: d, target: 'task' });
                        }}
                      >
                        {t('decision.toTask')}
                      </Button>
                    </>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {handOn && (
        <HandOnModal
          decision={handOn.decision}
          target={handOn.target}
          onClose={(changed) => {
            setHandOn(null);
            if (changed) reload();
          }}
        />
      )}
    </div>
  );
}

function HandOnModal({
  decision,
  target,
  onClose,
}: {
  decision: Decision;
  target: Target;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const { regionId, units } = useRegion();
  const { run, busy } = useWrite();
  const [form] = Form.useForm<HandOnValues>();
  const plans = useLoad(
    () => (target === 'task' ? listPlans(regionId) : Promise.resolve([])),
    `${regionId}:${target}`,
  );
  const unitOptions = units.filter((u) => u.kind !== 'office').map((u) => ({ value: u.id, label: u.name }));
  const submit = async () => {
    const v = await form.validateFields();
    const due = v.due.format('YYYY-MM-DD');
    const coUnitIds = v.coUnitIds ?? [];
    const ok = await run(
      () =>
        target === 'directive'
          ? directiveFromDecision(decision.id, { leadUnitId: v.leadUnitId, coUnitIds, deadline: due })
          : taskFromDecision(decision.id, {
              planId: v.planId ?? '',
              leadUnitId: v.leadUnitId,
              coUnitIds,
              dueDate: due,
            }),
      { success: t('decision.converted') },
    );
    if (ok) onClose(true);
  };
  const required = [{ required: true, message: t('meeting.required') }];
  return (
    <Modal
      open
      title={t(target === 'directive' ? 'decision.toDirective' : 'decision.toTask')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        onClose(false);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{decision.content}</Typography.Paragraph>
      <Form<HandOnValues> form={form} layout="vertical" data-testid="hand-on-form">
        {target === 'task' && (
          <Form.Item name="planId" label={t('decision.plan')} rules={required}>
            <Select options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
        )}
        <Form.Item name="leadUnitId" label={t('directive.lead')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions}
            data-testid="hand-on-lead"
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('directive.co')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
        </Form.Item>
        <Form.Item
          name="due"
          label={t(target === 'directive' ? 'directive.deadline' : 'decision.dueDate')}
          rules={required}
        >
          <DatePicker className="tz-full" data-testid="hand-on-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingUpload({ meetingId, onUploaded }: { meetingId: string; onUploaded: () => void }) {
  const { t } = useI18n();
  const { run } = useWrite();
  return (
    <Upload
      showUploadList={false}
      customRequest={({ file }) => {
        void run(() => uploadMeetingFile(meetingId, file as File), { success: t('directive.uploaded') }).then(
          (ok) => {
            if (ok) onUploaded();
          },
        );
      }}
    >
      <Button size="small" icon={<UploadOutlined />}>
        {t('meeting.upload')}
      </Button>
    </Upload>
  );
}
