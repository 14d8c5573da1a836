import { useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Bulletin } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { docxUrl, getBulletin, pdfUrl, previewPages, publishBulletin, saveSections } from './bulletins-api';
import { BulletinReadings } from './BulletinReadings';
import './bulletins.css';

type Section = Bulletin['sections'][number];

/** One bulletin: each section's wording (figures as {name}, refreshed until publish), preview, publish. */
export function BulletinPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { modal } = App.useApp();
  const { bulletinId = '' } = useParams();
  const { data, error, reload } = useLoad(() => getBulletin(bulletinId), bulletinId);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [pages, setPages] = useState<string[] | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const { run, busy } = useWrite();

  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Spin />;
  const b = data;
  const changed = Object.keys(drafts).length > 0;

  const save = (sections: Record<string, string | null>) =>
    run(
      async () => {
        await saveSections(b.id, b.version, sections);
        setDrafts({});
        reload();
      },
      { success: t('bulletins.saved') },
    );

  const preview = async () => {
    setPreviewing(true);
    setPreviewError(null);
    try {
      setPages((await previewPages(b.id)).pages);
    } catch (e) {
      setPreviewError(errorText(e));
    } finally {
      setPreviewing(false);
    }
  };

  const publish = () => {
    modal.confirm({
      title: t('bulletins.publish.confirm'),
      content: t('bulletins.publish.note', { n: b.namedUnits.length }),
      okText: t('bulletins.publish'),
      onOk: () =>
        run(
          async () => {
            await publishBulletin(b.id, b.version);
            reload();
          },
          { success: t('bulletins.published') },
        ),
    });
  };

  const section = (s: Section) => {
    const editing = drafts[s.key] ?? s.template;
    return (
      <div key={s.key} className="tz-bulletin-section" data-testid={`section-${s.key}`}>
        <Typography.Title level={5}>{s.heading ?? t('bulletins.opening')}</Typography.Title>
        {b.can.edit && (
          <>
            <Input.TextArea
              aria-label={s.heading ?? t('bulletins.opening')}
              autoSize={{ minRows: 2, maxRows: 12 }}
              value={editing}
              onChange={(e) => {
                setDrafts({ ...drafts, [s.key]: e.target.value });
              }}
            />
            <Space size="small" wrap style={{ margin: '6px 0' }}>
              {Object.entries(s.figures).map(([name, value]) => (
                <Tag key={name} title={String(value)}>{`{${name}}`}</Tag>
              ))}
              {s.edited && (
                <Button size="small" onClick={() => void save({ [s.key]: null })}>
                  {t('bulletins.restore')}
                </Button>
              )}
            </Space>
          </>
        )}
        <div className="tz-bulletin-text">{s.text}</div>
      </div>
    );
  };

  return (
    <div className="tz-bulletin-editor" data-testid="bulletin-page">
      <Link to="..">{t('bulletins.back')}</Link>
      <Typography.Title level={4}>{b.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('bulletins.col.number')}>{b.documentNumber}</Descriptions.Item>
        <Descriptions.Item label={t('bulletins.col.status')}>
          <Tag color={b.status === 'published' ? 'green' : 'default'}>
            {t(`bulletins.status.${b.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('bulletins.asOf')}>{formatDate(b.asOf, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('bulletins.named')}>
          {b.namedUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ margin: '12px 0' }}>
        {b.can.edit && (
          <Button type="primary" disabled={!changed} loading={busy} onClick={() => void save(drafts)}>
            {t('bulletins.save')}
          </Button>
        )}
        <Button onClick={() => void preview()} loading={previewing} data-testid="bulletin-preview">
          {t('bulletins.preview')}
        </Button>
        <a href={docxUrl(b.id)}>{t('bulletins.download.docx')}</a>
        <a href={pdfUrl(b.id)}>{t('bulletins.download.pdf')}</a>
        {b.can.publish && (
          <Button danger disabled={changed} onClick={publish}>
            {t('bulletins.publish')}
          </Button>
        )}
      </Space>
      {b.can.readings && <BulletinReadings bulletinId={b.id} />}
      {previewError && <Alert type="error" title={previewError} showIcon />}
      {pages && (
        <div className="tz-bulletin-pages" data-testid="bulletin-pages">
          {pages.map((src, i) => (
            <img key={i} src={src} alt={t('bulletins.page', { n: i + 1 })} />
          ))}
        </div>
      )}
      {b.can.edit && (
        <Alert type="info" showIcon title={t('bulletins.linkedHint')} style={{ marginBottom: 12 }} />
      )}
      {b.sections.map(section)}
      <Typography.Title level={5}>{t('bulletins.attachments')}</Typography.Title>
      <ul>
        {b.attachments.map((a) => (
          <li key={a.label}>
            {t('bulletins.attachment', { label: a.label, title: a.title, n: a.rowCount })}
          </li>
        ))}
      </ul>
    </div>
  );
}
