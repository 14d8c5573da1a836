import { useState } from 'react';
import { Button, Empty, Input, List, Space, Typography } from 'antd';
import type { Instruction } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatDateTime } from '../../i18n/format';
import { addInstruction } from './instruction-api';
import { useWrite } from '../../lib/useWrite';

/** Leaders' 批示 on the task; the form shows when the server lets this account write one (`task.can.instruct`). */
export function Instructions({
  taskId,
  instructions,
  mayAdd,
  onAdded,
}: {
  taskId: string;
  instructions: Instruction[];
  mayAdd: boolean;
  onAdded: () => void;
}) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [body, setBody] = useState('');

  const add = async () => {
    if (!(await run(() => addInstruction(taskId, body.trim()), { success: t('instruction.added') }))) return;
    setBody('');
    onAdded();
  };

  return (
    <div>
      {instructions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('instruction.none')} />
      ) : (
        <List
          size="small"
          dataSource={instructions}
          renderItem={(i) => (
            <List.Item key={i.id}>
              <div>
                <div className="tz-prewrap tz-instruction">{i.body}</div>
                <Typography.Text type="secondary">
                  {i.authorName} · {formatDateTime(i.createdAt, locale)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {mayAdd && (
        <Space.Compact block className="tz-notice-form">
          <Input.TextArea
            rows={2}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
            }}
            placeholder={t('instruction.placeholder')}
            maxLength={2000}
            aria-label={t('instruction.add')}
          />
          <Button type="primary" disabled={!body.trim()} loading={busy} onClick={() => void add()}>
            {t('instruction.add')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
