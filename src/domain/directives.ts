// Directives (交办事项) tracked against 一天有部署、一周有行动、一月有效果.

import { addDays, daysBetween } from './calendar.js';

export type DirectiveCheckpointKind = 'deployed' | 'acting' | 'effect';
export type CheckpointState = 'met' | 'late' | 'missed' | 'pending';

/** Checkpoint order, which is also the order the stages happen in. */
export const DIRECTIVE_CHECKPOINT_KINDS: readonly DirectiveCheckpointKind[] = [
  'deployed',
  'acting',
  'effect',
];

/** Days after assignment each checkpoint falls due (DESIGN defaults; a region may change them). */
export const DEFAULT_DIRECTIVE_DAYS: Readonly<Record<DirectiveCheckpointKind, number>> = {
  deployed: 1,
  acting: 7,
  effect: 30,
};

export interface DirectiveEvidence {
  deployedOn?: string | null;
  actingOn?: string | null;
  effectOn?: string | null;
}

export interface DirectiveCheckpoint {
  kind: DirectiveCheckpointKind;
  dueDate: string;
  state: CheckpointState;
  /** When the stage is known to have happened, own evidence or implied by a later stage; null if not yet. */
  doneOn: string | null;
  /** True when doneOn comes from a later stage's evidence rather than this stage's own. */
  inferred: boolean;
  /** Days past the due date: for `late` when it was done, for `missed` as of today; else 0. */
  daysLate: number;
}

const EVIDENCE_FIELD: Readonly<Record<DirectiveCheckpointKind, keyof DirectiveEvidence>> = {
  deployed: 'deployedOn',
  acting: 'actingOn',
  effect: 'effectOn',
};

/**
 * One checkpoint per stage. A stage is `met` when done on or before its due date (the due day
 * itself counts, as for tasks), `late` when done after it, `missed` when still undone after it,
 * `pending` when undone and not yet due.
 *
 * A later stage's evidence proves the earlier stages happened no later than that date: a unit
 * that recorded action on day 3 but never filed the deployment was deployed, late, not "missed".
 */
export function directiveCheckpoints(
  assignedOn: string,
  evidence: DirectiveEvidence,
  today: string,
  days?: Partial<Record<DirectiveCheckpointKind, number>>,
): DirectiveCheckpoint[] {
  const offsets = { ...DEFAULT_DIRECTIVE_DAYS, ...days };
  const kinds = DIRECTIVE_CHECKPOINT_KINDS;
  return kinds.map((kind, i) => {
    const dueDate = addDays(assignedOn, offsets[kind]);
    const own = evidence[EVIDENCE_FIELD[kind]] ?? null;
    let doneOn = own;
    for (const later of kinds.slice(i + 1)) {
      const d = evidence[EVIDENCE_FIELD[later]] ?? null;
      if (d !== null && (doneOn === null || d < doneOn)) doneOn = d;
    }
    const inferred = doneOn !== null && doneOn !== own;
    let state: CheckpointState;
    let daysLate = 0;
    if (doneOn !== null) {
      state = doneOn <= dueDate ? 'met' : 'late';
      if (state === 'late') daysLate = daysBetween(dueDate, doneOn);
    } else if (today > dueDate) {
      state = 'missed';
      daysLate = daysBetween(dueDate, today);
    } else {
      state = 'pending';
    }
    return { kind, dueDate, state, doneOn, inferred, daysLate };
  });
}

/**
 * One word for a list row: `missed` if any stage was missed, else `late` if any was late, else
 * `pending` while a stage is still open, else `met`.
 */
export function directiveOverallState(checkpoints: readonly DirectiveCheckpoint[]): CheckpointState {
  const states = new Set(checkpoints.map((c) => c.state));
  if (states.has('missed')) return 'missed';
  if (states.has('late')) return 'late';
  if (states.has('pending')) return 'pending';
  return 'met';
}
