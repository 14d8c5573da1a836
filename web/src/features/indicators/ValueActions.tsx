import { useState, type ReactNode } from 'react';
import { Button, Form, Input, InputNumber, Modal } from 'antd';
import type { Indicator } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { todayInChina } from '../../lib/china-time';
import { useWrite } from '../../lib/useWrite';
import { confirmValue, reportValue } from './indicators-api';

/** A small button opening a dialog on one indicator's figure; a write that lands closes it and tells the owner. */
function ValueDialog({
  label,
  title,
  primary = false,
  testId,
  busy,
  save,
  onDone,
  children,
}: {
  label: string;
  title: string;
  primary?: boolean;
  testId: string;
  busy: boolean;
  /** Resolves true when the write went through. */
  save: () => Promise<boolean>;
  onDone: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const submit = async () => {
    if (await save()) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <Button
        size="small"
        type={primary ? 'primary' : undefined}
        onClick={() => {
          setOpen(true);
        }}
        data-testid={testId}
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        {children}
      </Modal>
    </>
  );
}

/** The responsible unit enters a period's figure. */
export function ReportValueButton({ indicator, onDone }: { indicator: Indicator; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ period: string; value: number; note?: string }>();
  const { run, busy } = useWrite();
  const save = async () => {
    const v = await form.validateFields();
    return run(() => reportValue(indicator.id, v), { success: t('ind.saved') });
  };
  return (
    <ValueDialog
      label={t('ind.report')}
      title={`${t('ind.report')} · ${indicator.indicator}`}
      primary
      testId="report-value"
      busy={busy}
      save={save}
      onDone={onDone}
    >
      <Form form={form} layout="vertical" initialValues={{ period: todayInChina().slice(0, 7) }}>
        <Form.Item name="period" label={t('ind.period')} rules={[{ required: true }]}>
          <Input placeholder="2026-03" data-testid="value-period" />
        </Form.Item>
        <Form.Item name="value" label={`${t('ind.value')}（${indicator.unit}）`} rules={[{ required: true }]}>
          <InputNumber style={{ width: '100%' }} data-testid="value-value" />
        </Form.Item>
        <Form.Item name="note" label={t('ind.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </ValueDialog>
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
  const [value, setValue] = useState<number | null>(null);
  const { run, busy } = useWrite();
  const save = () =>
    run(() => confirmValue(indicator.id, { period, ...(value !== null && { value }) }), {
      success: t('ind.confirmedMsg'),
    });
  return (
    <ValueDialog
      label={t('ind.confirm')}
      title={`${t('ind.confirm')} · ${indicator.indicator}`}
      testId={`confirm-value-${period}`}
      busy={busy}
      save={save}
      onDone={onDone}
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
    </ValueDialog>
  );
}
