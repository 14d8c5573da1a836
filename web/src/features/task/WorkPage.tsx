import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { regionNotices } from './notice-api';
import { openInstructions } from './instruction-api';
import { InstructionInbox } from './InstructionInbox';
import { NoticeItem } from './Notices';
import { DirectiveUrgeItem } from './DirectiveUrgeItem';
import { openDirectiveUrges } from './directive-urge-api';
import { reportQueue } from './report-api';
import { ReportCard } from './ReportCard';
import { ReviewActions } from './ReviewActions';
import { MyTasks } from './MyTasks';
import { BulletinReceipts } from './BulletinReceipts';
import { OwedReports } from './OwedReports';
import { awaitsRevision } from './period-rules';
import { noticesToActOn, waitingOn } from './work-rules';
import { PageHead } from '../../ui/PageHead';

async function loadWork(regionId: string, unitStaff: boolean) {
  const [queue, notices, instructions, urges] = await Promise.all([
    reportQueue(regionId),
    regionNotices(regionId),
    openInstructions(regionId),
    // Urges ask the unit to answer; the office's inbox holds what waits on the office.
    unitStaff ? openDirectiveUrges(regionId) : Promise.resolve([]),
  ]);
  return { queue, notices, instructions, urges };
}

/** 工作台: what waits for me — reports to write, approve or review, and notices to answer. */
export function WorkPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId, unitName } = useRegion();
  // Layout only (titles, the unit column, the unit's own task list): which buttons show is the server's `can`.
  const unitStaff = me.role === 'reporter' || me.role === 'unit_head';
  const { data, error, reload } = useLoad(() => loadWork(regionId, unitStaff), regionId);

  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const reports = waitingOn(data.queue);
  const notices = noticesToActOn(data.notices);
  const inboxCount = notices.length + data.urges.length;

  return (
    <div data-testid="work-page">
      <PageHead title={t('work.title')}>
        <Typography.Text type="secondary">
          {t('work.subtitle', { role: t(`role.${me.role}`), unit: unitName(me.unitId) || '—' })}
        </Typography.Text>
      </PageHead>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          {unitStaff && <OwedReports />}
          <Card
            size="small"
            title={`${t(`work.queue.${me.role}`)} (${reports.length})`}
            className="tz-mb"
            data-testid="report-queue"
          >
            {reports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.nothing')} />
            ) : (
              <Space orientation="vertical" className="tz-full">
                {reports.map((r) => (
                  <ReportCard
                    key={r.id}
                    report={r}
                    unitName={unitStaff ? undefined : unitName(r.unitId)}
                    actions={
                      <Space wrap>
                        <Link to={`/r/${regionId}/tasks/${r.taskId}`}>
                          {r.taskCode} {r.taskTitle}
                        </Link>
                        {awaitsRevision(r) && (
                          <Link
                            to={`/r/${regionId}/tasks/${r.taskId}?report=${encodeURIComponent(r.period)}`}
                          >
                            <Button type="primary" size="small" data-testid={`revise-${r.id}`}>
                              {t('report.resubmit')}
                            </Button>
                          </Link>
                        )}
                        <ReviewActions report={r} onDone={reload} />
                      </Space>
                    }
                  />
                ))}
              </Space>
            )}
          </Card>
          {unitStaff && <MyTasks />}
        </Col>
        <Col xs={24} lg={10}>
          {unitStaff && me.unitId && <BulletinReceipts unitId={me.unitId} />}
          {unitStaff && (
            <InstructionInbox regionId={regionId} instructions={data.instructions} onChanged={reload} />
          )}
          <Card
            size="small"
            title={`${t(unitStaff ? 'work.inbox' : 'work.responses')} (${inboxCount})`}
            data-testid="notice-inbox"
          >
            {inboxCount === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.nothing')} />
            ) : (
              <Space orientation="vertical" className="tz-full">
                {data.urges.map((u) => (
                  <DirectiveUrgeItem key={u.id} urge={u} regionId={regionId} />
                ))}
                {notices.map((n) => (
                  <div key={n.id}>
                    <NoticeItem notice={n} onChanged={reload} showTask />
                    <Link to={`/r/${regionId}/tasks/${n.taskId}`} className="tz-small-link">
                      {t('work.openTask')}
                    </Link>
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
