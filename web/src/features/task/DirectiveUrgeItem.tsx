import { Button, Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { OverdueTag } from '../../ui/OverdueTag';
import type { DirectiveUrge } from './directive-urge-api';
import './task.css';

/**
 * A directive's urge in the 督办 inbox, looking like a notice: the unit answers on the directive's page, and
 * the card leaves the inbox once that checkpoint is answered.
 */
export function DirectiveUrgeItem({ urge, regionId }: { urge: DirectiveUrge; regionId: string }) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      className="tz-notice"
      data-testid={`directive-urge-${urge.id}`}
      title={<Tag color="gold">{t('work.directiveUrge')}</Tag>}
      extra={<OverdueTag days={urge.daysLate} />}
    >
      {/* The whole wording in the body: a card title would cut a long directive short. */}
      <Typography.Paragraph strong className="tz-urge-content">
        {urge.content}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('work.directiveUrge.missed', {
          stage: t(`directive.checkpoint.${urge.checkpoint}`),
          due: formatDate(urge.dueDate, locale),
        })}
      </Typography.Paragraph>
      <div className="tz-urge-foot">
        <Typography.Text type="secondary">
          {t('work.directiveUrge.issued', { at: formatDateTime(urge.issuedAt, locale) })}
        </Typography.Text>
        <Link to={`/r/${regionId}/directives/${urge.directiveId}`} data-testid="directive-urge-answer">
          <Button type="primary" size="small">
            {t('work.directiveUrge.answer')}
          </Button>
        </Link>
      </div>
    </Card>
  );
}
