import { Card, Empty, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { Instruction } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { InstructionItem } from './Instructions';

/** 工作台: the leaders' instructions addressed to the unit and still waiting for its reply. */
export function InstructionInbox({
  regionId,
  instructions,
  onChanged,
}: {
  regionId: string;
  instructions: Instruction[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={`${t('work.instructions')} (${instructions.length})`}
      className="tz-mb"
      data-testid="instruction-inbox"
    >
      {instructions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.nothing')} />
      ) : (
        <Space orientation="vertical" className="tz-full">
          {instructions.map((i) => (
            <div key={i.id}>
              <InstructionItem instruction={i} onChanged={onChanged} showTask />
              <Link to={`/r/${regionId}/tasks/${i.taskId}`} className="tz-small-link">
                {t('work.openTask')}
              </Link>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
