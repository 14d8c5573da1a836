// Where directives stand, as the directive pages, the meetings' tallies and the escalation job all judge it:
// one place that reads the region's checkpoint offsets, the public calendar and the units' answers, so the
// three never disagree on what is met, late or missed.
import { answersOf } from '../db/repositories/directive-repository.js';
import { getRegion } from '../db/repositories/region-repository.js';
import type { DirectiveAnswerRow, DirectiveCheckpointKind, DirectiveRow } from '../db/schema.js';
import {
  directiveCheckpoints,
  directiveDaysOf,
  directiveOverallState,
  isDirectiveDone,
  type CheckpointState,
  type DirectiveCheckpoint,
} from '../domain/directives.js';
import { db, today, type ServiceContext } from './context.js';
import { workCalendarOf } from './work-calendar.js';

export interface DirectiveProgress {
  checkpoints: DirectiveCheckpoint[];
  state: CheckpointState;
  done: boolean;
  answers: DirectiveAnswerRow[];
}

export interface ProgressRules {
  days: Record<DirectiveCheckpointKind, number>;
  isWorkingDay: (date: string) => boolean;
  today: string;
}

export async function progressRulesOf(ctx: ServiceContext, regionId: string): Promise<ProgressRules> {
  const [region, calendar] = await Promise.all([getRegion(db(ctx), regionId), workCalendarOf(ctx)]);
  return {
    days: directiveDaysOf(region?.settings),
    isWorkingDay: (d) => calendar.isWorkingDay(d),
    today: today(ctx),
  };
}

export function progressOf(
  d: Pick<DirectiveRow, 'assigned_on' | 'extended_to'>,
  answers: DirectiveAnswerRow[],
  rules: ProgressRules,
): DirectiveProgress {
  const on = (kind: DirectiveCheckpointKind) => answers.find((a) => a.checkpoint === kind)?.done_on ?? null;
  const checkpoints = directiveCheckpoints(
    d.assigned_on,
    { deployedOn: on('deployed'), actingOn: on('acting'), effectOn: on('effect') },
    rules.today,
    rules.days,
    { isWorkingDay: rules.isWorkingDay, effectDue: d.extended_to },
  );
  return {
    checkpoints,
    state: directiveOverallState(checkpoints),
    done: isDirectiveDone(checkpoints),
    answers,
  };
}

/** The progress of many directives of one region, by id, with their answers read in one query. */
export async function progressOfMany(
  ctx: ServiceContext,
  regionId: string,
  directives: readonly Pick<DirectiveRow, 'id' | 'assigned_on' | 'extended_to'>[],
): Promise<Map<string, DirectiveProgress>> {
  const rules = await progressRulesOf(ctx, regionId);
  const answers = await answersOf(
    db(ctx),
    directives.map((d) => d.id),
  );
  const byDirective = new Map<string, DirectiveAnswerRow[]>();
  for (const a of answers) byDirective.set(a.directive_id, [...(byDirective.get(a.directive_id) ?? []), a]);
  return new Map(directives.map((d) => [d.id, progressOf(d, byDirective.get(d.id) ?? [], rules)]));
}
