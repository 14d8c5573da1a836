import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { listMeetings, recordMeeting, type MeetingKind, type MeetingSummary } from './directives-api';
import { MEETING_KINDS, MeetingKindTag, useNarrow } from './parts';
import { PageHead } from '../../ui/PageHead';
import './directives.css';

interface MeetingValues {
  kind: MeetingKind;
  heldOn: Dayjs;
  topic: string;
  unitIds?: string[];
  leaders?: string[];
  minutes?: string;
  decisions?: string;
}

function Tally({ m }: { m: MeetingSummary }) {
  const { t } = useI18n();
  const percent = m.tally.total === 0 ? 0 : Math.round((m.tally.done / m.tally.total) * 100);
  return (
    <Space orientation="vertical" size={0} className="tz-full">
      <span data-testid="meeting-tally">
        {t('meeting.tally', { total: m.tally.total, done: m.tally.done })}
      </span>
      <Progress percent={percent} size="small" showInfo={false} />
    </Space>
  );
}

/** 会议: the region's meetings, latest first, each with how many of its decisions are carried out. */
export function MeetingsPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId, units } = useRegion();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const { data, error, loading } = useLoad(() => listMeetings(regionId), regionId);
  const { run, busy } = useWrite();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MeetingValues>();
  const mayRecord = me.role === 'office' || me.role === 'admin';

  const submit = async () => {
    const v = await form.validateFields();
    let id = '';
    const ok = await run(
      async () => {
        const m = await recordMeeting(regionId, {
          kind: v.kind,
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          topic: v.topic.trim(),
          unitIds: v.unitIds ?? [],
          leaders: v.leaders ?? [],
          minutes: v.minutes ?? '',
          decisions: (v.decisions ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        });
        id = m.id;
      },
      { success: t('meetings.recorded') },
    );
    if (ok) {
      setOpen(false);
      void navigate(`/r/${regionId}/meetings/${id}`);
    }
  };

  const topic = (m: MeetingSummary) => (
    <Link to={`/r/${regionId}/meetings/${m.id}`} data-testid="meeting-link">
      {m.topic}
    </Link>
  );
  const columns: NonNullable<TableProps<MeetingSummary>['columns']> = narrow
    ? [
        {
          title: t('meetings.col.topic'),
          key: 'topic',
          render: (_, m) => (
            <Space orientation="vertical" size={2} className="tz-full">
              <Space size={4} wrap>
                <MeetingKindTag kind={m.kind} />
                <Typography.Text type="secondary">{formatDate(m.heldOn, locale)}</Typography.Text>
              </Space>
              {topic(m)}
              <Tally m={m} />
            </Space>
          ),
        },
      ]
    : [
        {
          title: t('meetings.col.date'),
          key: 'date',
          width: 150,
          render: (_, m) => formatDate(m.heldOn, locale),
        },
        {
          title: t('meetings.col.kind'),
          key: 'kind',
          width: 140,
          render: (_, m) => <MeetingKindTag kind={m.kind} />,
        },
        { title: t('meetings.col.topic'), key: 'topic', render: (_, m) => topic(m) },
        { title: t('meetings.col.decisions'), key: 'tally', width: 260, render: (_, m) => <Tally m={m} /> },
      ];

  return (
    <div data-testid="meetings-page">
      <PageHead title={t('meetings.title')}>
        {data && (
          <Typography.Text type="secondary">{t('meetings.count', { n: data.length })}</Typography.Text>
        )}
        {mayRecord && (
          <Button
            type="primary"
            onClick={() => {
              form.setFieldsValue({ kind: 'executive', heldOn: dayjs() });
              setOpen(true);
            }}
            data-testid="meeting-record"
          >
            {t('meetings.record')}
          </Button>
        )}
      </PageHead>
      {error ? (
        <Alert type="error" title={errorText(error)} showIcon />
      ) : (
        <Table<MeetingSummary>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('meetings.empty') }}
        />
      )}
      <Modal
        open={open}
        title={t('meetings.record')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
        forceRender
      >
        <Form<MeetingValues> form={form} layout="vertical" data-testid="meeting-form">
          <Form.Item
            name="kind"
            label={t('meeting.kind')}
            rules={[{ required: true, message: t('meeting.required') }]}
          >
            <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="heldOn"
            label={t('meeting.heldOn')}
            rules={[{ required: true, message: t('meeting.required') }]}
          >
            <DatePicker className="tz-full" />
          </Form.Item>
          <Form.Item
            name="topic"
            label={t('meeting.topic')}
            rules={[{ required: true, whitespace: true, message: t('meeting.required') }]}
          >
            <Input maxLength={200} data-testid="meeting-topic" />
          </Form.Item>
          <Form.Item name="unitIds" label={t('meeting.units')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="leaders" label={t('meeting.leaders')} extra={t('meeting.leadersHint')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="minutes" label={t('meeting.minutes')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={20000} />
          </Form.Item>
          <Form.Item name="decisions" label={t('meeting.decisions')} extra={t('meeting.decisionsHint')}>
            <Input.TextArea autoSize={{ minRows: 3 }} data-testid="meeting-decisions" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
