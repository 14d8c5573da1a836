import { useState } from 'react';
import { Button, Card, Form, Input, Select, Steps, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { createRegion } from './shell-api';
import './first-run.css';

interface RegionValues {
  name: string;
  kind: string;
}

const REGION_KINDS = ['区', '县', '县级市', '经开区', '高新区', '新区'];

/** An empty workspace: the operator creates the first region, then adds its units and imports a plan. */
export function FirstRun() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async ({ name, kind }: RegionValues) => {
    setBusy(true);
    setError(null);
    try {
      const region = await createRegion(name.trim(), kind);
      void navigate(`/r/${region.id}/admin`);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Card className="tz-first-run" title={t('firstRun.title')} data-testid="first-run">
      <Typography.Paragraph>{t('firstRun.intro')}</Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={0}
        items={[
          { title: t('firstRun.step.region') },
          { title: t('firstRun.step.units') },
          { title: t('firstRun.step.import') },
        ]}
      />
      <Form<RegionValues>
        layout="vertical"
        initialValues={{ name: '', kind: '区' }}
        onFinish={(v) => void create(v)}
      >
        <Form.Item
          name="name"
          label={t('firstRun.regionName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={50} placeholder={t('firstRun.regionNameHint')} />
        </Form.Item>
        <Form.Item name="kind" label={t('firstRun.regionKind')}>
          <Select options={REGION_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('firstRun.create')}
        </Button>
      </Form>
    </Card>
  );
}
