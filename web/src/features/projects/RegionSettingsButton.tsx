import { useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/context';
import { STAGES } from '../../lib/stage-label';
import { useWrite } from '../../lib/useWrite';
import { loadRegionSettings, saveRegionSettings, type RegionSettingsBody } from './projects-api';

const CHECKPOINTS = ['deployed', 'acting', 'effect'] as const;

/**
 * The office's settings of the region for key projects and directives: the day each month's project report
 * is due, the region's names of the stages (新储备/新动工/新投产), and the three checkpoints' offsets.
 */
export function RegionSettingsButton({ regionId, onDone }: { regionId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  const [form] = Form.useForm<RegionSettingsBody>();
  const { run, busy } = useWrite();

  const load = async () => {
    const s = await loadRegionSettings(regionId);
    setVersion(s.version);
    form.setFieldsValue(s);
  };
  const submit = async () => {
    const body = await form.validateFields();
    const saved = await run(() => saveRegionSettings(regionId, version, body), {
      success: t('settings.saved'),
      onError: async (e) => {
        // Another clerk saved first: show theirs to start again from.
        if (e instanceof ApiError && e.status === 412) await load();
        return false;
      },
    });
    if (saved) {
      setOpen(false);
      onDone();
    }
  };

  return (
    <>
      <Button
        onClick={() => {
          void run(load, {}).then((ok) => {
            if (ok) setOpen(true);
          });
        }}
        loading={busy && !open}
        data-testid="region-settings"
      >
        {t('settings.title')}
      </Button>
      <Modal
        open={open}
        title={t('settings.title')}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        okText={t('prj.save')}
        confirmLoading={busy}
        width={720}
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="settings-form">
          <Form.Item
            name="projectReportDueDay"
            label={t('settings.dueDay')}
            extra={t('settings.dueDayHelp')}
            rules={[{ required: true, type: 'integer', min: 1, max: 31 }]}
          >
            <InputNumber min={1} max={31} precision={0} data-testid="settings-dueDay" />
          </Form.Item>
          <Typography.Text strong>{t('settings.stageLabels')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('settings.stageLabelsHelp')}</Typography.Paragraph>
          <Row gutter={12}>
            {STAGES.map((s) => (
              <Col xs={12} md={8} xl={4} key={s} flex="1">
                <Form.Item
                  name={['projectStageLabels', s]}
                  label={t(`prj.stage.${s}`)}
                  rules={[{ required: true, whitespace: true, max: 10 }]}
                >
                  <Input maxLength={10} data-testid={`settings-stage-${s}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Typography.Text strong>{t('settings.directiveDays')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('settings.directiveDaysHelp')}</Typography.Paragraph>
          <Row gutter={12}>
            {CHECKPOINTS.map((c) => (
              <Col xs={8} key={c}>
                <Form.Item
                  name={['directiveDays', c]}
                  label={t(`settings.checkpoint.${c}`)}
                  rules={[{ required: true, type: 'integer', min: 0, max: 365 }]}
                >
                  <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
      </Modal>
    </>
  );
}
