// What a region's office sets for key projects (issue 11): the day each month's project report falls due
// and the names the region gives the stages. Kept in the region's `settings` JSON beside the other rules
// (projectYellowLag, directiveDays …); read leniently, written only after `settingsProblem` found none.

import { daysBetween, lastDayOfMonth } from './calendar.js';
import { DIRECTIVE_CHECKPOINT_KINDS, type DirectiveCheckpointKind } from './directives.js';
import { PROJECT_STAGES, type ProjectStage } from './projects.js';
import { settingsObject } from './settings-json.js';

/** 每月25日前报送: the day most offices set; a month shorter than the day falls due on its last day. */
export const DEFAULT_PROJECT_REPORT_DUE_DAY = 25;
/** Longest a region's own name of a stage may be (新储备 is three characters). */
export const MAX_STAGE_LABEL = 10;

export type StageLabels = Readonly<Record<ProjectStage, string>>;

/** 谋划/储备/签约/开工/投产, unless the region names a stage otherwise. */
export const DEFAULT_STAGE_LABELS: StageLabels = {
  planning: '谋划',
  reserve: '储备',
  signed: '签约',
  started: '开工',
  operating: '投产',
};

function isDueDay(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 31;
}

export function projectReportDueDayOf(settings: string | null | undefined): number {
  const v = settingsObject(settings).projectReportDueDay;
  return isDueDay(v) ? v : DEFAULT_PROJECT_REPORT_DUE_DAY;
}

/** The date a month's project report is due: the region's day, or the month's last day when shorter. */
export function projectReportDueOn(month: string, dueDay: number): string {
  const last = lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const day = Math.min(dueDay, Number(last.slice(8, 10)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Days a report submitted on `submittedOn` came after its month's due date; 0 when on time. */
export function projectReportDaysLate(month: string, submittedOn: string, dueDay: number): number {
  return Math.max(0, daysBetween(projectReportDueOn(month, dueDay), submittedOn));
}

function isLabel(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.trim().length <= MAX_STAGE_LABEL;
}

/** The region's stage names: each one it set, the default for the rest. */
export function stageLabelsOf(settings: string | null | undefined): StageLabels {
  const raw = settingsObject(settings).projectStageLabels;
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = { ...DEFAULT_STAGE_LABELS };
  for (const stage of PROJECT_STAGES) {
    const v = given[stage];
    if (isLabel(v)) out[stage] = v.trim();
  }
  // Two stages under one name would merge in every filter and chart: then the region's names are not used.
  return new Set(Object.values(out)).size === PROJECT_STAGES.length ? out : { ...DEFAULT_STAGE_LABELS };
}

export interface ProjectSettingsInput {
  projectReportDueDay: number;
  projectStageLabels: Record<ProjectStage, string>;
  directiveDays: Record<DirectiveCheckpointKind, number>;
}

export type SettingsProblem =
  | { reason: 'settings.due_day_out_of_range'; field: string }
  | { reason: 'settings.stage_label_blank'; field: string }
  | { reason: 'settings.stage_label_too_long'; field: string }
  | { reason: 'settings.stage_labels_repeat'; field: string }
  | { reason: 'settings.directive_days_out_of_order'; field: string }
  | { reason: 'settings.directive_days_out_of_range'; field: string };

/** The first thing wrong with what the office wants to save, or null. */
export function settingsProblem(
  input: ProjectSettingsInput,
  maxDirectiveDays: number,
): SettingsProblem | null {
  if (!isDueDay(input.projectReportDueDay))
    return { reason: 'settings.due_day_out_of_range', field: 'projectReportDueDay' };
  for (const stage of PROJECT_STAGES) {
    const label = input.projectStageLabels[stage].trim();
    const field = `projectStageLabels.${stage}`;
    if (label === '') return { reason: 'settings.stage_label_blank', field };
    if (label.length > MAX_STAGE_LABEL) return { reason: 'settings.stage_label_too_long', field };
  }
  const labels = PROJECT_STAGES.map((s) => input.projectStageLabels[s].trim());
  if (new Set(labels).size !== labels.length)
    return { reason: 'settings.stage_labels_repeat', field: 'projectStageLabels' };
  for (const kind of DIRECTIVE_CHECKPOINT_KINDS) {
    const v = input.directiveDays[kind];
    if (!Number.isInteger(v) || v < 0 || v > maxDirectiveDays)
      return { reason: 'settings.directive_days_out_of_range', field: `directiveDays.${kind}` };
  }
  const d = input.directiveDays;
  if (d.deployed > d.acting || d.acting > d.effect)
    return { reason: 'settings.directive_days_out_of_order', field: 'directiveDays' };
  return null;
}

/** The settings JSON with the office's values written over, every other key kept as it was. */
export function withProjectSettings(
  settings: string | null | undefined,
  input: ProjectSettingsInput,
): string {
  return JSON.stringify({
    ...settingsObject(settings),
    projectReportDueDay: input.projectReportDueDay,
    projectStageLabels: Object.fromEntries(
      PROJECT_STAGES.map((s) => [s, input.projectStageLabels[s].trim()]),
    ),
    directiveDays: { ...input.directiveDays },
  });
}
