import { useI18n } from '../../i18n/context';
import { VersionConflictModal } from '../../ui/VersionConflictModal';
import { REPORT_FIELD_NAMES, type ReportFields } from './report-fields';

interface Props {
  conflict: { mine: ReportFields; theirs: ReportFields } | null;
  onCancel: () => void;
  onRedo: () => void;
}

const LABEL = {
  progress: 'report.progress',
  narrative: 'report.narrative',
  problems: 'report.problems',
  coordination: 'report.coordination',
  nextSteps: 'report.nextSteps',
  claimsCompletion: 'report.claimsCompletion',
} as const;

/** A stale report save (412): every field of both versions. */
export function ReportConflictModal({ conflict, onCancel, onRedo }: Props) {
  const { t } = useI18n();
  const show = (value: ReportFields[keyof ReportFields]) =>
    typeof value === 'boolean' ? (value ? t('common.yes') : t('common.no')) : String(value);
  const rows = conflict
    ? REPORT_FIELD_NAMES.map((name) => ({
        key: name,
        field: t(LABEL[name]),
        theirs: show(conflict.theirs[name]),
        mine: show(conflict.mine[name]),
        differs: conflict.theirs[name] !== conflict.mine[name],
      }))
    : [];
  return (
    <VersionConflictModal
      open={conflict !== null}
      explanation={t('conflict.explain')}
      rows={rows}
      testId="conflict-modal"
      onCancel={onCancel}
      onRedo={onRedo}
    />
  );
}
