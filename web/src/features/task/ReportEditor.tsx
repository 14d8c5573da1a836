import { useState } from 'react';
import { useWindowWidth } from '../../ui/useWindowHeight';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Slider,
  Space,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { ApiError } from '../../api/errors';
import { useErrorText } from '../../i18n/error-text';
import type { EvidenceFile, Report } from '../../api/types';
import { RedoAlert } from '../../ui/RedoAlert';
import { useI18n } from '../../i18n/context';
import { formatPeriod } from '../../i18n/format';
import { ReportConflictModal } from './ReportConflictModal';
import { checkFile, EVIDENCE_ACCEPT } from './file-check';
import { useLoad } from '../../lib/useLoad';
import { taskPeriods } from './period-api';
import { asksForCompletion, defaultPeriod, reportablePeriods } from './period-rules';
import { createReport, fileHref, transitionReport, updateReport, uploadEvidence } from './report-api';
import { currentReportOf, fieldsOf, type ReportFields } from './report-fields';

interface Props {
  taskId: string;
  /** The unit's editable report (draft or returned), when one exists. */
  existing: Report | undefined;
  progressNow: number;
  /** The period the user came to report (from the 待报送 list), if any. */
  requestedPeriod?: string | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

interface FormValues extends ReportFields {
  period: string;
}

/**
 * Drafting a report: save as a draft any time, attach evidence (which needs a saved draft), submit.
 * A stale save never overwrites: the user sees the other person's version and redoes theirs on it.
 */
export function ReportEditor({
  taskId,
  existing,
  progressNow,
  requestedPeriod,
  open,
  onClose,
  onSaved,
}: Props) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [report, setReport] = useState<Report | undefined>(existing);
  const [files, setFiles] = useState<EvidenceFile[]>(existing?.files ?? []);
  const [busy, setBusy] = useState<'save' | 'submit' | 'upload' | null>(null);
  const [conflict, setConflict] = useState<{
    mine: ReportFields;
    theirs: ReportFields & { version: number };
  } | null>(null);
  const [redo, setRedo] = useState<ReportFields | null>(null);
  const [askCompletion, setAskCompletion] = useState(false);
  // The periods the task takes a report for now: the plan's, open or reopened, without a report on its way.
  const { data: taskPeriodList } = useLoad(() => taskPeriods(taskId), `${taskId}:editor-periods`);
  const periods = existing ? [existing.period] : reportablePeriods(taskPeriodList ?? []);
  const width = Math.min(560, useWindowWidth());
  const loading = !existing && !taskPeriodList;
  const nothingOpen = !loading && periods.length === 0;

  const initial: FormValues = existing
    ? { period: existing.period, ...fieldsOf(existing) }
    : {
        period: defaultPeriod(periods, requestedPeriod) ?? '',
        progress: Math.round(progressNow),
        narrative: '',
        problems: '',
        coordination: '',
        nextSteps: '',
        claimsCompletion: false,
      };

  /** Saves the form as a draft and returns the stored report; null when a conflict stopped it. */
  const save = async (submitNow: boolean): Promise<Report | null> => {
    const values = await form.validateFields();
    const { period, ...fields } = values;
    const clean: ReportFields = {
      ...fields,
      problems: fields.problems || '',
      coordination: fields.coordination || '',
      nextSteps: fields.nextSteps || '',
      claimsCompletion: fields.claimsCompletion,
    };
    try {
      if (!report) {
        const created = await createReport(taskId, period, clean, submitNow);
        setReport(created);
        return created;
      }
      const updated = await updateReport(report.id, report.version, clean);
      setReport(updated);
      return submitNow ? await transitionReport(updated.id, 'submit') : updated;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && e.current) {
        setConflict({ mine: clean, theirs: currentReportOf(e.current) });
        return null;
      }
      throw e;
    }
  };

  const run = async (kind: 'save' | 'submit', claimCompletion?: boolean) => {
    if (kind === 'submit' && claimCompletion === undefined) {
      // 100% without 申请销号 would leave the task "on track" at 100%: ask first.
      const values = await form.validateFields().catch(() => null);
      if (!values) return;
      if (asksForCompletion(values)) {
        setAskCompletion(true);
        return;
      }
    }
    setAskCompletion(false);
    if (claimCompletion) form.setFieldValue('claimsCompletion', true);
    setBusy(kind);
    try {
      const saved = await save(kind === 'submit');
      if (!saved) return;
      void message.success(t(kind === 'submit' ? 'report.submitted' : 'report.saved'));
      onSaved();
      if (kind === 'submit') onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    const problem = await checkFile(file);
    if (problem) {
      void message.error(t(`file.${problem}`, { name: file.name }));
      return;
    }
    setBusy('upload');
    try {
      // Evidence hangs off a report, so a first upload saves the draft first.
      const target = report ?? (await save(false));
      if (!target) return;
      const stored = await uploadEvidence(target.id, file);
      setFiles((list) => [...list, stored]);
      void message.success(t('file.uploaded', { name: file.name }));
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const uploadList: UploadFile[] = files.map((f) => ({
    uid: f.id,
    name: f.filename,
    status: 'done',
    url: fileHref(f.id),
  }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('report.editorTitle')}
      size={width}
      destroyOnHidden
      extra={
        <Space>
          <Button
            onClick={() => void run('save')}
            loading={busy === 'save'}
            disabled={busy !== null || loading || nothingOpen}
          >
            {t('report.saveDraft')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run('submit')}
            loading={busy === 'submit'}
            disabled={busy !== null || loading || nothingOpen}
            data-testid="report-submit"
          >
            {t('report.submit')}
          </Button>
        </Space>
      }
    >
      {report?.returnReason && (report.status === 'returned' || report.status === 'draft') && (
        <Alert
          type="warning"
          showIcon
          title={`${t('report.returnReason')}${t('common.colon')}${report.returnReason}`}
          className="tz-mb"
        />
      )}
      {redo && (
        <RedoAlert
          title={t('conflict.redoHint')}
          lines={`${t('report.progress')}${t('common.colon')}${redo.progress}%\n${t('report.narrative')}${t('common.colon')}${redo.narrative}\n${t('report.problems')}${t('common.colon')}${redo.problems}\n${t('report.coordination')}${t('common.colon')}${redo.coordination}\n${t('report.nextSteps')}${t('common.colon')}${redo.nextSteps}`}
          onApply={() => {
            form.setFieldsValue(redo);
            setRedo(null);
          }}
          onClose={() => {
            setRedo(null);
          }}
        />
      )}
      {nothingOpen && <Alert type="info" showIcon title={t('report.noOpenPeriod')} className="tz-mb" />}
      <Modal
        open={askCompletion}
        title={t('report.completionConfirmTitle')}
        onCancel={() => {
          setAskCompletion(false);
        }}
        footer={[
          <Button key="skip" onClick={() => void run('submit', false)} data-testid="completion-skip">
            {t('report.completionSkip')}
          </Button>,
          <Button
            key="apply"
            type="primary"
            onClick={() => void run('submit', true)}
            data-testid="completion-apply"
          >
            {t('report.completionApply')}
          </Button>,
        ]}
      >
        {t('report.completionConfirmBody')}
      </Modal>
      {loading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Form<FormValues> form={form} layout="vertical" initialValues={initial} disabled={nothingOpen}>
          <Form.Item name="period" label={t('report.period')} rules={[{ required: true }]}>
            <Select
              disabled={Boolean(report)}
              options={periods.map((p) => ({ value: p, label: formatPeriod(p, locale) }))}
            />
          </Form.Item>
          <Form.Item label={t('report.progress')} required>
            <Space.Compact block>
              <Form.Item name="progress" noStyle>
                <Slider min={0} max={100} className="tz-progress-slider" />
              </Form.Item>
              <Form.Item name="progress" noStyle rules={[{ required: true }]}>
                <InputNumber min={0} max={100} suffix="%" aria-label={t('report.progress')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item
            name="narrative"
            label={t('report.narrative')}
            rules={[{ required: true, whitespace: true, message: t('report.narrativeRequired') }]}
          >
            <Input.TextArea
              rows={5}
              maxLength={5000}
              showCount
              placeholder={t('report.narrativePlaceholder')}
            />
          </Form.Item>
          <Form.Item name="problems" label={t('report.problems')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="coordination" label={t('report.coordination')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item name="nextSteps" label={t('report.nextSteps')}>
            <Input.TextArea rows={2} maxLength={5000} data-testid="report-next-steps" />
          </Form.Item>
          <Form.Item name="claimsCompletion" valuePropName="checked">
            <Checkbox
              onChange={(e) => {
                if (e.target.checked) form.setFieldValue('progress', 100);
              }}
            >
              {t('report.claimsCompletionLong')}
            </Checkbox>
          </Form.Item>
          <Form.Item label={t('report.evidence')} extra={t('file.rules')}>
            <Upload
              accept={EVIDENCE_ACCEPT}
              fileList={uploadList}
              showUploadList={{ showRemoveIcon: false }}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'upload'}>
                {t('file.choose')}
              </Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
      <ReportConflictModal
        conflict={conflict}
        onCancel={() => {
          setConflict(null);
        }}
        onRedo={() => {
          if (!conflict || !report) return;
          // Start again from what is stored now; the user's own values stay on screen to re-apply.
          setReport({ ...report, ...conflict.theirs });
          form.setFieldsValue(conflict.theirs);
          setRedo(conflict.mine);
          setConflict(null);
          onSaved();
        }}
      />
    </Drawer>
  );
}
