import { Card, Table, Tag } from 'antd';
import type { BulletinReading } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDateTime } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { bulletinReadings } from './bulletins-api';

/** 阅知情况: each unit the published bulletin reached, whether it has read it, who and when. */
export function BulletinReadings({ bulletinId }: { bulletinId: string }) {
  const { t, locale } = useI18n();
  const { data } = useLoad(() => bulletinReadings(bulletinId), `${bulletinId}:readings`);
  const rows = data ?? [];
  const read = rows.filter((r) => r.readAt !== null).length;
  return (
    <Card
      size="small"
      title={t('bulletins.readings', { read, n: rows.length })}
      className="tz-mb"
      data-testid="bulletin-readings"
    >
      <Table<BulletinReading>
        size="small"
        rowKey="unitId"
        loading={!data}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('bulletins.readings.unit'), dataIndex: 'unitName' },
          {
            title: t('bulletins.readings.status'),
            render: (_, r) =>
              r.readAt ? (
                <Tag color="green">{t('bulletins.readings.read')}</Tag>
              ) : (
                <Tag color="orange">{t('bulletins.readings.unread')}</Tag>
              ),
          },
          {
            title: t('bulletins.readings.when'),
            render: (_, r) => (r.readAt ? `${formatDateTime(r.readAt, locale)} ${r.readerName ?? ''}` : '—'),
          },
        ]}
      />
    </Card>
  );
}
