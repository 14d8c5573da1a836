import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { BulletinSummary } from '../../api/types';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { createBulletin, docxUrl, listBulletins, pdfUrl, type BulletinTemplate } from './bulletins-api';
import { quarterChoices } from './quarters';
import { PageHead } from '../../ui/PageHead';
import './bulletins.css';

/** 通报: the region's archive of bulletins, searchable, and (for the office) a new draft from a quarter. */
export function BulletinsPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId } = useRegion();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const { data, error, loading } = useLoad(() => listBulletins(regionId, q), `${regionId}?${q}`);
  const { run, busy } = useWrite();
  const isOffice = me.role === 'office' || me.role === 'admin';
  const quarters = quarterChoices(new Date(), locale);
  const [form] = Form.useForm<{ period: string; template: BulletinTemplate; sequence?: number }>();

  const create = async (values: { period: string; template: BulletinTemplate; sequence?: number }) => {
    let id = '';
    const ok = await run(
      async () => {
        id = (await createBulletin(regionId, values)).id;
      },
      { success: t('bulletins.created') },
    );
    if (ok) void navigate(id);
  };

  return (
    <div data-testid="bulletins-page" className="tz-bulletins">
      <PageHead title={t('bulletins.title')} />
      {isOffice && (
        <Form
          form={form}
          layout="inline"
          className="tz-bulletin-new"
          initialValues={{ period: quarters[0]?.value, template: 'tracking' }}
          onFinish={(v) => void create(v)}
        >
          <Form.Item name="period" label={t('bulletins.period')} rules={[{ required: true }]}>
            <Select options={quarters} style={{ minWidth: 160 }} aria-label={t('bulletins.period')} />
          </Form.Item>
          <Form.Item name="template" label={t('bulletins.template')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 160 }}
              aria-label={t('bulletins.template')}
              options={[
                { value: 'tracking', label: t('bulletins.template.tracking') },
                { value: 'supervision', label: t('bulletins.template.supervision') },
              ]}
            />
          </Form.Item>
          <Form.Item name="sequence" label={t('bulletins.sequence')}>
            <InputNumber
              min={1}
              max={9999}
              placeholder={t('bulletins.sequence.auto')}
              aria-label={t('bulletins.sequence')}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('bulletins.create')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Input.Search
        className="tz-bulletin-search"
        allowClear
        defaultValue={q}
        placeholder={t('bulletins.search')}
        aria-label={t('bulletins.search')}
        onSearch={(value) => {
          setParams(value ? new URLSearchParams({ q: value }) : new URLSearchParams());
        }}
      />
      {error ? (
        <Alert type="error" title={errorText(error)} showIcon />
      ) : (
        <Table<BulletinSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('bulletins.empty') }}
          columns={[
            { title: t('bulletins.col.number'), dataIndex: 'documentNumber', width: 150 },
            {
              title: t('bulletins.col.title'),
              dataIndex: 'title',
              render: (title: string, b) => <Link to={b.id}>{title}</Link>,
            },
            {
              title: t('bulletins.col.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: BulletinSummary['status']) => (
                <Tag color={s === 'published' ? 'green' : 'default'}>{t(`bulletins.status.${s}`)}</Tag>
              ),
            },
            {
              title: t('bulletins.col.files'),
              key: 'files',
              width: 150,
              render: (_, b) => (
                <Space size="small">
                  <a href={docxUrl(b.id)}>Word</a>
                  <a href={pdfUrl(b.id)}>PDF</a>
                </Space>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
