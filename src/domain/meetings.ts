// Meetings (会议) and the decisions (确定事项) they produce, counted as the 督查室's 落实情况通报 reports them.

export type MeetingKind = 'discussion' | 'retreat' | 'executive' | 'topic' | 'forum';

/** In the order the office usually lists them: 大讨论, 务虚会, 常务会, 专题会, 论坛. */
export const MEETING_KINDS: readonly MeetingKind[] = ['discussion', 'retreat', 'executive', 'topic', 'forum'];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  discussion: '大讨论',
  retreat: '务虚会',
  executive: '常务会',
  topic: '专题会',
  forum: '论坛',
};

/** Where a decision stands: not yet handed to anyone, handed on and in progress, or carried out. */
export type DecisionState = 'unassigned' | 'in_progress' | 'done';

export interface DecisionTally {
  total: number;
  done: number;
  inProgress: number;
  unassigned: number;
  /** Of those handed on, how many became directives and how many ledger tasks. */
  directives: number;
  tasks: number;
}

export interface DecisionFacts {
  state: DecisionState;
  becameDirective: boolean;
  becameTask: boolean;
}

/** A meeting's decisions counted: the "确定事项43件，已完成16件" line and what sits behind it. */
export function decisionTally(decisions: readonly DecisionFacts[]): DecisionTally {
  const tally: DecisionTally = { total: 0, done: 0, inProgress: 0, unassigned: 0, directives: 0, tasks: 0 };
  for (const d of decisions) {
    tally.total++;
    if (d.state === 'done') tally.done++;
    else if (d.state === 'in_progress') tally.inProgress++;
    else tally.unassigned++;
    if (d.becameDirective) tally.directives++;
    if (d.becameTask) tally.tasks++;
  }
  return tally;
}

/** The tally in the words a 通报 uses. */
export function tallySentence(t: Pick<DecisionTally, 'total' | 'done'>): string {
  return `确定事项${t.total}件，已完成${t.done}件`;
}

/** A decision's state from what it became: a directive done when its 见效 is shown, a task when accepted as done. */
export function decisionState(target: {
  directiveDone: boolean | null;
  taskDone: boolean | null;
}): DecisionState {
  if (target.directiveDone === null && target.taskDone === null) return 'unassigned';
  return target.directiveDone === true || target.taskDone === true ? 'done' : 'in_progress';
}
