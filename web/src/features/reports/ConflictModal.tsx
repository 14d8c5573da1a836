import { Modal, Table } from 'antd';
import { useI18n } from '../../i18n/context';
import { REPORT_FIELD_NAMES, type ReportFields } from './report-fields';

interface Props {
  conflict: { mine: ReportFields; theirs: ReportFields } | null;
  onCancel: () => void;
  onRedo: () => void;
}

const LABEL = {
  progress: 'report.progress', narrative: 'report.narrative', problems: 'report.problems', coordination: 'report.coordination', claimsCompletion: 'report.claimsCompletion',
} as const;

/** A stale save (412): both versions side by side; nothing is written until the user redoes theirs. */
export function ConflictModal({ conflict, onCancel, onRedo }: Props) {
  const { t } = useI18n();
  const show = (value: ReportFields[keyof ReportFields]) => (typeof value === 'boolean' ? (value ? t('common.yes') : t('common.no')) : String(value));
  const rows = conflict
    ? REPORT_FIELD_NAMES.map((name) => ({ key: name, field: t(LABEL[name]), theirs: show(conflict.theirs[name]), mine: show(conflict.mine[name]), differs: conflict.theirs[name] !== conflict.mine[name] }))
    : [];
  return (
    <Modal open={conflict !== null} title={t('conflict.title')} onCancel={onCancel} onOk={onRedo} okText={t('conflict.redo')} cancelText={t('common.cancel')} width={720} data-testid="conflict-modal">
      <p>{t('conflict.explain')}</p>
      <Table
        size="small" pagination={false} dataSource={rows}
        rowClassName={(r) => (r.differs ? 'tz-conflict-row' : '')}
        columns={[
          { title: t('conflict.field'), dataIndex: 'field', width: 100 },
          { title: t('conflict.theirs'), dataIndex: 'theirs', render: (v: string) => <span className="tz-prewrap">{v}</span> },
          { title: t('conflict.mine'), dataIndex: 'mine', render: (v: string) => <span className="tz-prewrap">{v}</span> },
        ]}
      />
    </Modal>
  );
}
