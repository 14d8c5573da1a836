import { Modal, Table } from 'antd';
import { useI18n } from '../i18n/context';

export interface ConflictRow {
  key: string;
  field: string;
  theirs: string;
  mine: string;
  differs: boolean;
}

interface Props {
  open: boolean;
  explanation: string;
  rows: ConflictRow[];
  testId: string;
  onCancel: () => void;
  onRedo: () => void;
}

/**
 * A stale save (412) of any record: the other person's values beside the user's, the differing rows
 * marked. Nothing is written until the user chooses to redo their change on the latest version.
 */
export function VersionConflictModal({ open, explanation, rows, testId, onCancel, onRedo }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={t('conflict.title')}
      onCancel={onCancel}
      onOk={onRedo}
      okText={t('conflict.redo')}
      cancelText={t('common.cancel')}
      width={720}
      data-testid={testId}
    >
      <p>{explanation}</p>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.differs ? 'tz-conflict-row' : '')}
        columns={[
          { title: t('conflict.field'), dataIndex: 'field', width: 100 },
          {
            title: t('conflict.theirs'),
            dataIndex: 'theirs',
            render: (v: string) => <span className="tz-prewrap">{v}</span>,
          },
          {
            title: t('conflict.mine'),
            dataIndex: 'mine',
            render: (v: string) => <span className="tz-prewrap">{v}</span>,
          },
        ]}
      />
    </Modal>
  );
}
