// Directives (交办事项) tracked against 一天有部署、一周有行动、一月有效果.

import { addDays, daysBetween } from './calendar.js';
import { settingsObject } from './settings-json.js';

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

export interface CheckpointRules {
  /** The public calendar: a checkpoint due on a day off (weekend, holiday) falls due on the next working day. */
  isWorkingDay?: (date: string) => boolean;
  /** An approved extension's new date: the 见效 checkpoint falls due then instead, if that is later. */
  effectDue?: string | null;
}

/** A 国庆 week plus its weekend is the longest run of days off; a broken calendar must not loop forever. */
const MAX_DAYS_OFF_IN_A_ROW = 14;

/**
 * The day a checkpoint falls due: `offset` calendar days after assignment (一天、一周、一月 are counted as
 * the public counts them), moved to the next working day when it lands on a day off, since nobody can be
 * asked to show deployment on the first day of the Spring Festival. An extension only ever moves it later.
 */
export function checkpointDueDate(
  assignedOn: string,
  offset: number,
  extendedTo: string | null | undefined,
  rules: Pick<CheckpointRules, 'isWorkingDay'> = {},
): string {
  let due = addDays(assignedOn, offset);
  if (rules.isWorkingDay) {
    for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW && !rules.isWorkingDay(due); i++) due = addDays(due, 1);
  }
  return extendedTo && extendedTo > due ? extendedTo : due;
}

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
  rules: CheckpointRules = {},
): DirectiveCheckpoint[] {
  const offsets = { ...DEFAULT_DIRECTIVE_DAYS, ...days };
  const kinds = DIRECTIVE_CHECKPOINT_KINDS;
  return kinds.map((kind, i) => {
    const dueDate = checkpointDueDate(
      assignedOn,
      offsets[kind],
      kind === 'effect' ? rules.effectDue : null,
      rules,
    );
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

/** Largest offset a region may set: a 见效 checkpoint a year out is no longer 一月有效果. */
export const MAX_DIRECTIVE_DAYS = 365;

/**
 * The region's checkpoint offsets from its `settings` JSON ({"directiveDays": {"deployed": 1, "acting": 7,
 * "effect": 30}}); a missing or malformed value, or offsets out of order, fall back to the defaults.
 */
export function directiveDaysOf(
  settings: string | null | undefined,
): Record<DirectiveCheckpointKind, number> {
  const raw = settingsObject(settings).directiveDays;
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_DIRECTIVE_DAYS };
  const given = raw as Record<string, unknown>;
  const out = { ...DEFAULT_DIRECTIVE_DAYS };
  for (const kind of DIRECTIVE_CHECKPOINT_KINDS) {
    const v = given[kind];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_DIRECTIVE_DAYS) out[kind] = v;
  }
  return out.deployed <= out.acting && out.acting <= out.effect ? out : { ...DEFAULT_DIRECTIVE_DAYS };
}

/** A directive is carried out (办结) once its 见效 stage is shown, on time or late. */
export function isDirectiveDone(checkpoints: readonly DirectiveCheckpoint[]): boolean {
  return checkpoints.every((c) => c.doneOn !== null);
}

/**
 * The checkpoints the escalation job urges: missed ones (past due, nothing shown) not urged before. A stage
 * answered late, or one implied by a later stage, needs no urging.
 */
export function checkpointsToUrge(
  checkpoints: readonly DirectiveCheckpoint[],
  alreadyUrged: ReadonlySet<DirectiveCheckpointKind>,
): DirectiveCheckpoint[] {
  return checkpoints.filter((c) => c.state === 'missed' && !alreadyUrged.has(c.kind));
}

export type ExtensionProblem = 'not_later' | 'in_past';

/**
 * Whether a requested new date can be asked for: it must be later than the date it replaces and not in the
 * past (asking for yesterday is asking to be excused, not extended). Null when it is sound.
 */
export function extensionProblem(
  currentDue: string,
  newDate: string,
  today: string,
): ExtensionProblem | null {
  if (newDate < today) return 'in_past';
  if (newDate <= currentDue) return 'not_later';
  return null;
}
