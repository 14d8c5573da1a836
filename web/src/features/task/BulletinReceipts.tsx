import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { UnitBulletinReceipt } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { useRegion } from '../../app/region';
import { acknowledgeBulletin, receivedDocxUrl, unitBulletinReceipts } from './bulletin-receipt-api';

/** 工作台 → 收到通报: the bulletins that named the unit, to open, download and acknowledge (已阅). */
export function BulletinReceipts({ unitId }: { unitId: string }) {
  const { t, locale } = useI18n();
  const { regionId } = useRegion();
  const { data, reload } = useLoad(() => unitBulletinReceipts(unitId), `${unitId}:bulletin-receipts`);
  const { run, busy } = useWrite();
  const receipts = data ?? [];
  const unread = receipts.filter((r) => r.readAt === null).length;

  const acknowledge = (r: UnitBulletinReceipt) =>
    run(
      async () => {
        await acknowledgeBulletin(r.bulletinId);
        reload();
      },
      { success: t('work.bulletins.acknowledged') },
    );

  return (
    <Card
      size="small"
      title={t('work.bulletins', { unread, n: receipts.length })}
      className="tz-mb"
      data-testid="bulletin-receipts"
    >
      {data && receipts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.bulletins.none')} />
      ) : (
        <List
          size="small"
          loading={!data}
          dataSource={receipts}
          renderItem={(r) => (
            <List.Item key={r.bulletinId} data-testid={`receipt-${r.bulletinId}`}>
              <Space orientation="vertical" size={2} className="tz-full">
                <Link to={`/r/${regionId}/bulletins/${r.bulletinId}`}>{r.title}</Link>
                <Typography.Text type="secondary">
                  {r.documentNumber} ·{' '}
                  {t('work.bulletins.published', { date: formatDate(r.publishedAt, locale) })}
                </Typography.Text>
                <Space wrap size="small">
                  <a href={receivedDocxUrl(r.bulletinId)}>{t('work.bulletins.download')}</a>
                  {r.readAt ? (
                    <Tag color="green">
                      {t('work.bulletins.read', { date: formatDate(r.readAt, locale) })}
                    </Tag>
                  ) : (
                    <Tag color="orange">{t('work.bulletins.unread')}</Tag>
                  )}
                  {r.can.acknowledge && (
                    <Button
                      size="small"
                      type="primary"
                      loading={busy}
                      onClick={() => void acknowledge(r)}
                      data-testid={`acknowledge-${r.bulletinId}`}
                    >
                      {t('work.bulletins.acknowledge')}
                    </Button>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
