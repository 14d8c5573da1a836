import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ProjectDetail, ProjectStage } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { todayInChina } from '../../lib/china-time';
import { STAGES, useStageLabel } from '../../lib/stage-label';
import { useWrite } from '../../lib/useWrite';
import { moveStage, reportMonth } from './projects-api';

interface MonthValues {
  month: string;
  investment: number;
  progress?: string;
  nextPlan?: string;
  coordination?: string;
  problems?: { text: string; owner: string; deadline: Dayjs }[];
}

/** The lead unit's monthly report: investment, 形象进度, problems with owner and deadline, next month. */
export function ReportMonthButton({ project, onDone }: { project: ProjectDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MonthValues>();
  const { run, busy } = useWrite();
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      problems: (v.problems ?? []).map((p) => ({ ...p, deadline: p.deadline.format('YYYY-MM-DD') })),
    };
    if (await run(() => reportMonth(project.id, body), { success: t('prj.reportSaved') })) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          setOpen(true);
        }}
        data-testid="report-month"
      >
        {t('prj.reportMonth')}
      </Button>
      <Modal
        open={open}
        title={t('prj.reportMonth')}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" initialValues={{ month: todayInChina().slice(0, 7) }}>
          <Space wrap>
            <Form.Item name="month" label={t('prj.month')} rules={[{ required: true }]}>
              <Input placeholder="2026-03" data-testid="month-month" />
            </Form.Item>
            <Form.Item name="investment" label={t('prj.investment')} rules={[{ required: true }]}>
              <InputNumber style={{ width: 200 }} data-testid="month-investment" />
            </Form.Item>
          </Space>
          <Form.Item name="progress" label={t('prj.progress')}>
            <Input.TextArea rows={2} data-testid="month-progress" />
          </Form.Item>
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'text']} label={t('prj.problem')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'owner']}
                      label={t('prj.problemOwner')}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'deadline']}
                      label={t('prj.problemDeadline')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker />
                    </Form.Item>
                    <Button
                      type="link"
                      onClick={() => {
                        remove(f.name);
                      }}
                    >
                      ×
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => {
                    add();
                  }}
                >
                  {t('prj.addProblem')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="nextPlan" label={t('prj.nextPlan')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="coordination" label={t('prj.coordination')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The office moves the project to another stage on a date; moving back asks for the reason. */
export function MoveStageButton({ project, onDone }: { project: ProjectDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ stage: ProjectStage; date: Dayjs; reason?: string }>();
  const stageLabel = useStageLabel(project.stageLabels);
  const { run, busy } = useWrite();
  const submit = async () => {
    const v = await form.validateFields();
    const body = { stage: v.stage, date: v.date.format('YYYY-MM-DD'), ...(v.reason && { reason: v.reason }) };
    if (await run(() => moveStage(project.id, project.version, body), { success: t('prj.moved') })) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
        }}
        data-testid="move-stage"
      >
        {t('prj.move')}
      </Button>
      <Modal
        open={open}
        title={t('prj.move')}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="stage" label={t('prj.stage')} rules={[{ required: true }]}>
            <Select
              options={STAGES.filter((s) => s !== project.stage).map((s) => ({
                value: s,
                label: stageLabel(s),
              }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('prj.moveDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={t('prj.moveReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
