import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Experience } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';

const STATUS_COLOURS = { proposed: 'gold', accepted: 'green', returned: 'default' } as const;

/** One experience in a list: title, source, abstract, and how often other regions adopted it. */
export function ExperienceCard({ experience: e, regionId }: { experience: Experience; regionId: string }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" className="tz-exp-card" data-testid="experience-card">
      <Link to={`/r/${regionId}/experiences/${e.id}`}>
        <Typography.Text strong>{e.title}</Typography.Text>
      </Link>
      <div>
        <Space wrap size={4}>
          <Typography.Text type="secondary">
            {t('exp.source', { region: e.regionName, unit: e.unitName })}
          </Typography.Text>
          {e.areaTitle && <Tag>{e.areaTitle}</Tag>}
          <Tag>{e.year}</Tag>
          {e.status !== 'accepted' && (
            <Tag color={STATUS_COLOURS[e.status]}>{t(`exp.status.${e.status}`)}</Tag>
          )}
          {e.adoptionCount > 0 && <Tag color="blue">{t('exp.adoptionCount', { n: e.adoptionCount })}</Tag>}
          {e.decidedAt && e.status === 'accepted' && (
            <Typography.Text type="secondary">{formatDate(e.decidedAt, locale)}</Typography.Text>
          )}
        </Space>
      </div>
      <Typography.Paragraph className="tz-exp-abstract" ellipsis={{ rows: 2 }}>
        {e.abstract}
      </Typography.Paragraph>
    </Card>
  );
}
