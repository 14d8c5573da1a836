import type { Report } from '../../api/types';

/** The fields a reporter writes; what a stale-write conflict compares. */
export interface ReportFields {
  progress: number;
  narrative: string;
  problems: string;
  coordination: string;
  nextSteps: string;
  claimsCompletion: boolean;
}

export const REPORT_FIELD_NAMES: readonly (keyof ReportFields)[] = [
  'progress',
  'narrative',
  'problems',
  'coordination',
  'nextSteps',
  'claimsCompletion',
];

export function fieldsOf(report: Pick<Report, keyof ReportFields>): ReportFields {
  return {
    progress: report.progress,
    narrative: report.narrative,
    problems: report.problems,
    coordination: report.coordination,
    nextSteps: report.nextSteps,
    claimsCompletion: report.claimsCompletion,
  };
}

/**
 * A 412 carries the stored row as it is now. It comes straight from storage (snake_case), so read
 * either spelling rather than depend on which layer produced it.
 */
export function currentReportOf(row: Record<string, unknown>): ReportFields & { version: number } {
  const pick = (camel: string, snake: string): unknown => row[camel] ?? row[snake];
  const text = (name: string): string => {
    const v = row[name];
    return typeof v === 'string' ? v : '';
  };
  const claims = pick('claimsCompletion', 'claims_completion');
  return {
    progress: Number(pick('progress', 'progress') ?? 0),
    narrative: text('narrative'),
    problems: text('problems'),
    coordination: text('coordination'),
    nextSteps:
      typeof pick('nextSteps', 'next_steps') === 'string' ? (pick('nextSteps', 'next_steps') as string) : '',
    claimsCompletion: claims === true || claims === 1,
    version: Number(pick('version', 'version') ?? 0),
  };
}

/** Which fields the other person changed relative to what this user started from. */
export function changedFields(base: ReportFields, current: ReportFields): (keyof ReportFields)[] {
  return REPORT_FIELD_NAMES.filter((name) => base[name] !== current[name]);
}
