import { Grid, Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import type { CheckpointState, Directive, MeetingKind } from './directives-api';

const STATE_COLOR: Readonly<Record<CheckpointState, string>> = {
  met: 'green',
  late: 'orange',
  missed: 'red',
  pending: 'default',
};

export function DirectiveStateTag({ state }: { state: CheckpointState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOR[state]} data-state={state}>
      {t(`directive.state.${state}`)}
    </Tag>
  );
}

/** The three checkpoints in a row, each coloured by its state, with its due date on hover. */
export function CheckpointDots({ checkpoints }: { checkpoints: Directive['checkpoints'] }) {
  const { t, locale } = useI18n();
  return (
    <span className="tz-dir-dots">
      {checkpoints.map((c) => (
        <Tooltip key={c.kind} title={t(`directive.due`, { date: formatDate(c.dueDate, locale) })}>
          <span className={`tz-dir-dot tz-dir-${c.state}`} data-checkpoint={c.kind} data-state={c.state}>
            {t(`directive.checkpoint.${c.kind}`)}
          </span>
        </Tooltip>
      ))}
    </span>
  );
}

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useI18n();
  return <Tag color={kind === 'executive' ? 'geekblue' : 'blue'}>{t(`meeting.kind.${kind}`)}</Tag>;
}

export const MEETING_KINDS: readonly MeetingKind[] = ['discussion', 'retreat', 'executive', 'topic', 'forum'];

/** Phones get one column holding what matters. */
export function useNarrow(): boolean {
  return Grid.useBreakpoint().md === false;
}
