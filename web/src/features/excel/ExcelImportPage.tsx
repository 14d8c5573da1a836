import { useState } from 'react';
import { Alert, Button, Card, Progress, Result, Select, Steps, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatPeriod } from '../../i18n/format';
import {
  importLedger,
  importProjects,
  importReports,
  templateUrl,
  XLSX_ACCEPT,
  XLSX_MAX_BYTES,
  type LedgerImport,
  type ProjectImport,
  type ReportImport,
} from './excel-api';
import { LedgerPreview, ProjectPreview, ReportPreview } from './SheetPreview';
import { recentPeriods } from './periods';
import { FileDrop } from '../../ui/FileDrop';
import { PageHead } from '../../ui/PageHead';
import './excel.css';

type Phase = 'idle' | 'uploading' | 'reading';
type Kind = 'ledger' | 'report' | 'projects';
type Outcome =
  | { kind: 'ledger'; result: LedgerImport }
  | { kind: 'report'; result: ReportImport }
  | { kind: 'projects'; result: ProjectImport };

const TITLE = {
  ledger: 'excel.title.ledger',
  report: 'excel.title.report',
  projects: 'excel.title.projects',
} as const;
const HINT = {
  ledger: 'excel.hint.ledger',
  report: 'excel.hint.report',
  projects: 'excel.hint.projects',
} as const;

/**
 * Excel 导入: the office brings in a ledger sheet (a new draft plan, or edits to a plan exported earlier), a
 * unit brings in its filled reporting template (draft reports); from the projects page (?kind=projects) the
 * office brings in a key-project sheet. Always a dry run first, shown in full.
 */
export function ExcelImportPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId, reload } = useRegion();
  const [params] = useSearchParams();
  const kind: Kind = me.can.importPlans
    ? params.get('kind') === 'projects'
      ? 'projects'
      : 'ledger'
    : 'report';
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<Outcome | null>(null);
  const [applied, setApplied] = useState<Outcome | null>(null);
  const [step, setStep] = useState(0);
  const periods = recentPeriods(new Date());
  const [period, setPeriod] = useState(periods[0]!);

  const send = async (f: File, apply: boolean): Promise<Outcome | null> => {
    setError(null);
    setPhase('uploading');
    setPercent(0);
    const progress = (p: number) => {
      setPercent(p);
      // Once every byte is out, the server is reading the sheet: the bar waits at full.
      if (p >= 100) setPhase('reading');
    };
    try {
      if (kind === 'ledger') return { kind, result: await importLedger(regionId, f, apply, progress) };
      if (kind === 'projects') return { kind, result: await importProjects(regionId, f, apply, progress) };
      return { kind, result: await importReports(regionId, f, apply, progress) };
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setPhase('idle');
    }
  };

  const pick = (f: File) => {
    if (!f.name.toLowerCase().endsWith('.xlsx')) setError(t('excel.badType', { name: f.name }));
    else if (f.size > XLSX_MAX_BYTES) setError(t('excel.tooLarge', { name: f.name }));
    else {
      setFile(f);
      void send(f, false).then((outcome) => {
        if (!outcome) return;
        setDryRun(outcome);
        setStep(outcome.kind === 'report' ? 2 : 1);
      });
    }
    return false;
  };

  const apply = async () => {
    if (!file) return;
    const outcome = await send(file, true);
    if (!outcome) return;
    setApplied(outcome);
    setStep(3);
    reload();
  };

  const restart = () => {
    setFile(null);
    setDryRun(null);
    setApplied(null);
    setError(null);
    setStep(0);
  };

  const errors = dryRun ? dryRun.result.errors.length : 0;
  const busy = phase !== 'idle';
  return (
    <div data-testid="excel-import">
      <PageHead title={t(TITLE[kind])} />
      <Steps
        size="small"
        current={step}
        className="tz-mb"
        items={[
          { title: t('excel.step.upload') },
          { title: t('excel.step.columns') },
          { title: t('excel.step.preview') },
          { title: t('excel.step.apply') },
        ]}
      />
      {kind === 'report' && me.unitId && step === 0 && (
        <Card size="small" className="tz-mb" title={t('excel.template')}>
          <div className="tz-excel-template">
            <Select
              value={period}
              onChange={setPeriod}
              aria-label={t('excel.period')}
              options={periods.map((p) => ({ value: p, label: formatPeriod(p, locale) }))}
              style={{ minWidth: 160 }}
            />
            <Button
              icon={<DownloadOutlined />}
              href={templateUrl(me.unitId, period)}
              download
              data-testid="excel-template"
            >
              {t('excel.downloadTemplate')}
            </Button>
          </div>
        </Card>
      )}
      <Card size="small">
        {error && <Alert type="error" showIcon title={error} className="tz-mb" data-testid="excel-error" />}
        {busy && (
          <div className="tz-mb" data-testid="excel-progress">
            <Progress percent={percent} status="active" />
            <Typography.Text type="secondary">
              {phase === 'uploading' ? t('excel.uploading') : t('excel.reading')}
            </Typography.Text>
          </div>
        )}
        {step === 0 && (
          <FileDrop
            accept={XLSX_ACCEPT}
            pick={pick}
            disabled={busy}
            testId="excel-file"
            text={t('excel.drop')}
            hint={t(HINT[kind])}
          />
        )}
        {step === 1 && dryRun && dryRun.kind !== 'report' && (
          <div data-testid="excel-columns">
            <Typography.Paragraph>
              {t('excel.columnsFound', { sheet: dryRun.result.sheet, file: file?.name ?? '' })}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={dryRun.result.columns}
              columns={[
                { title: t('excel.col.header'), dataIndex: 'header' },
                { title: t('excel.col.column'), dataIndex: 'column', width: 120 },
              ]}
            />
            <div className="tz-excel-actions">
              <Button onClick={restart}>{t('excel.again')}</Button>
              <Button
                type="primary"
                onClick={() => {
                  setStep(2);
                }}
                data-testid="excel-next"
              >
                {t('excel.toPreview')}
              </Button>
            </div>
          </div>
        )}
        {step === 2 && dryRun && (
          <div>
            {dryRun.kind === 'ledger' && <LedgerPreview result={dryRun.result} />}
            {dryRun.kind === 'projects' && <ProjectPreview result={dryRun.result} />}
            {dryRun.kind === 'report' && <ReportPreview result={dryRun.result} />}
            <div className="tz-excel-actions">
              <Button onClick={restart} disabled={busy}>
                {t('excel.again')}
              </Button>
              <Button
                type="primary"
                onClick={() => void apply()}
                disabled={errors > 0}
                loading={busy}
                data-testid="excel-apply"
              >
                {errors > 0 ? t('excel.fixFirst') : t('excel.apply')}
              </Button>
            </div>
          </div>
        )}
        {step === 3 && applied && (
          <Result
            status="success"
            data-testid="excel-done"
            title={t('excel.done')}
            subTitle={t('excel.doneCounts', {
              created: applied.result.created.length,
              updated: applied.result.updated.length,
            })}
            extra={[
              applied.kind === 'ledger' && applied.result.planId ? (
                <Link
                  key="open"
                  to={
                    applied.result.mode === 'new_plan'
                      ? `/r/${regionId}/import/${applied.result.planId}`
                      : `/r/${regionId}/ledger?plan=${applied.result.planId}`
                  }
                >
                  <Button type="primary">
                    {t(applied.result.mode === 'new_plan' ? 'excel.openDraft' : 'excel.openLedger')}
                  </Button>
                </Link>
              ) : applied.kind === 'projects' ? (
                <Link key="projects" to={`/r/${regionId}/projects`}>
                  <Button type="primary">{t('excel.openProjects')}</Button>
                </Link>
              ) : (
                <Link key="work" to={`/r/${regionId}/work`}>
                  <Button type="primary">{t('excel.openWork')}</Button>
                </Link>
              ),
              <Button key="again" onClick={restart}>
                {t('excel.another')}
              </Button>,
            ]}
          />
        )}
      </Card>
    </div>
  );
}
