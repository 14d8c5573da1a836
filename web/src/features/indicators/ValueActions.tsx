import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal } from 'antd';
import type { Indicator } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { todayInChina } from '../../lib/china-time';
import { useWrite } from '../../lib/useWrite';
import { confirmValue, reportValue } from './indicators-api';

/** The responsible unit enters a period's figure. */
export function ReportValueButton({ indicator, onDone }: { indicator: Indicator; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ period: string; value: number; note?: string }>();
  const { run, busy } = useWrite();
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await run(() => reportValue(indicator.id, v), { success: t('ind.saved') });
    if (ok) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <Button
        size="small"
        type="primary"
        onClick={() => {
          setOpen(true);
        }}
        data-testid="report-value"
      >
        {t('ind.report')}
      </Button>
      <Modal
        open={open}
        title={`${t('ind.report')} · ${indicator.indicator}`}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ period: todayInChina().slice(0, 7) }}>
          <Form.Item name="period" label={t('ind.period')} rules={[{ required: true }]}>
            <Input placeholder="2026-03" data-testid="value-period" />
          </Form.Item>
          <Form.Item
            name="value"
            label={`${t('ind.value')}（${indicator.unit}）`}
            rules={[{ required: true }]}
          >
            <InputNumber style={{ width: '100%' }} data-testid="value-value" />
          </Form.Item>
          <Form.Item name="note" label={t('ind.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The office confirms a reported figure, optionally with the statistics bureau's. */
export function ConfirmValueButton({
  indicator,
  period,
  onDone,
}: {
  indicator: Indicator;
  period: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(null);
  const { run, busy } = useWrite();
  const submit = async () => {
    const ok = await run(() => confirmValue(indicator.id, { period, ...(value !== null && { value }) }), {
      success: t('ind.confirmedMsg'),
    });
    if (ok) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setOpen(true);
        }}
        data-testid={`confirm-value-${period}`}
      >
        {t('ind.confirm')}
      </Button>
      <Modal
        open={open}
        title={`${t('ind.confirm')} · ${indicator.indicator}`}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={`${t('ind.statsValue')}（${indicator.unit}）`}>
            <InputNumber
              style={{ width: '100%' }}
              value={value}
              onChange={(v) => {
                setValue(v);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
