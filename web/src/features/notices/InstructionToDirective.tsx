import { useState } from 'react';
import { Button, DatePicker, Popover, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { directiveFromInstruction } from './notices-api';

/** The office tracks a leader's instruction as a directive: one date, then the directive's page. */
export function InstructionToDirective({
  instructionId,
  regionId,
}: {
  instructionId: string;
  regionId: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { run, busy } = useWrite();
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const submit = async () => {
    if (!deadline) return;
    let id = '';
    const ok = await run(
      async () => {
        id = (await directiveFromInstruction(instructionId, deadline.format('YYYY-MM-DD'))).id;
      },
      { success: t('decision.converted') },
    );
    if (ok) void navigate(`/r/${regionId}/directives/${id}`);
  };
  return (
    <Popover
      trigger="click"
      title={t('directive.deadline')}
      content={
        <Space>
          <DatePicker value={deadline} onChange={setDeadline} />
          <Button
            type="primary"
            size="small"
            loading={busy}
            disabled={!deadline}
            onClick={() => void submit()}
          >
            {t('decision.toDirective')}
          </Button>
        </Space>
      }
    >
      <Button size="small" type="link" data-testid="instruction-to-directive">
        {t('decision.toDirective')}
      </Button>
    </Popover>
  );
}
