import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAGE_LABELS,
  projectReportDaysLate,
  projectReportDueDayOf,
  projectReportDueOn,
  settingsProblem,
  stageLabelsOf,
  withProjectSettings,
  type ProjectSettingsInput,
} from './region-settings.js';

const input: ProjectSettingsInput = {
  projectReportDueDay: 25,
  projectStageLabels: { ...DEFAULT_STAGE_LABELS, reserve: '新储备', started: '新动工', operating: '新投产' },
  directiveDays: { deployed: 1, acting: 7, effect: 30 },
};

describe('the monthly due day of project reports', () => {
  it.each([
    [null, 25],
    ['{}', 25],
    ['not json', 25],
    ['{"projectReportDueDay": 10}', 10],
    ['{"projectReportDueDay": 0}', 25],
    ['{"projectReportDueDay": 32}', 25],
    ['{"projectReportDueDay": 12.5}', 25],
    ['{"projectReportDueDay": "10"}', 25],
  ])('%s → %i', (settings, day) => {
    expect(projectReportDueDayOf(settings)).toBe(day);
  });

  it.each([
    ['2026-03', 25, '2026-03-25'],
    ['2026-02', 31, '2026-02-28'],
    ['2028-02', 30, '2028-02-29'],
    ['2026-04', 31, '2026-04-30'],
    ['2026-01', 1, '2026-01-01'],
  ])('%s with day %i is due on %s', (month, day, due) => {
    expect(projectReportDueOn(month, day)).toBe(due);
  });

  it('counts the days after the due date, none on or before it', () => {
    expect(projectReportDaysLate('2026-03', '2026-03-25', 25)).toBe(0);
    expect(projectReportDaysLate('2026-03', '2026-03-02', 25)).toBe(0);
    expect(projectReportDaysLate('2026-03', '2026-03-26', 25)).toBe(1);
    expect(projectReportDaysLate('2026-03', '2026-04-05', 25)).toBe(11);
    expect(projectReportDaysLate('2026-02', '2026-03-01', 31)).toBe(1);
  });
});

describe('the region’s names of the stages', () => {
  it('takes each name the region set and the default for the rest', () => {
    expect(stageLabelsOf('{"projectStageLabels": {"reserve": " 新储备 ", "started": "新动工"}}')).toEqual({
      ...DEFAULT_STAGE_LABELS,
      reserve: '新储备',
      started: '新动工',
    });
  });
  it.each([
    ['{"projectStageLabels": {"reserve": ""}}'],
    ['{"projectStageLabels": {"reserve": 3}}'],
    ['{"projectStageLabels": {"reserve": "一二三四五六七八九十一"}}'],
    ['{"projectStageLabels": "新储备"}'],
    ['{"projectStageLabels": {"reserve": "签约"}}'],
  ])('falls back to the defaults for %s', (settings) => {
    expect(stageLabelsOf(settings)).toEqual(DEFAULT_STAGE_LABELS);
  });
});

describe('settingsProblem', () => {
  it('finds nothing wrong with a sound input', () => {
    expect(settingsProblem(input, 365)).toBeNull();
  });
  it.each<[string, Partial<ProjectSettingsInput>, string, string]>([
    ['due day 0', { projectReportDueDay: 0 }, 'settings.due_day_out_of_range', 'projectReportDueDay'],
    ['due day 32', { projectReportDueDay: 32 }, 'settings.due_day_out_of_range', 'projectReportDueDay'],
    [
      'a blank name',
      { projectStageLabels: { ...DEFAULT_STAGE_LABELS, signed: '  ' } },
      'settings.stage_label_blank',
      'projectStageLabels.signed',
    ],
    [
      'a long name',
      { projectStageLabels: { ...DEFAULT_STAGE_LABELS, signed: '签约签约签约签约签约签' } },
      'settings.stage_label_too_long',
      'projectStageLabels.signed',
    ],
    [
      'two stages with one name',
      { projectStageLabels: { ...DEFAULT_STAGE_LABELS, planning: '储备' } },
      'settings.stage_labels_repeat',
      'projectStageLabels',
    ],
    [
      'offsets out of order',
      { directiveDays: { deployed: 8, acting: 7, effect: 30 } },
      'settings.directive_days_out_of_order',
      'directiveDays',
    ],
    [
      'an offset past the limit',
      { directiveDays: { deployed: 1, acting: 7, effect: 366 } },
      'settings.directive_days_out_of_range',
      'directiveDays.effect',
    ],
    [
      'a negative offset',
      { directiveDays: { deployed: -1, acting: 7, effect: 30 } },
      'settings.directive_days_out_of_range',
      'directiveDays.deployed',
    ],
  ])('refuses %s', (_, change, reason, field) => {
    expect(settingsProblem({ ...input, ...change }, 365)).toEqual({ reason, field });
  });
});

describe('withProjectSettings', () => {
  it('writes the office’s values and keeps every other key', () => {
    const out = JSON.parse(
      withProjectSettings('{"projectYellowLag": 12, "directiveDays": {"effect": 9}}', input),
    );
    expect(out).toEqual({
      projectYellowLag: 12,
      projectReportDueDay: 25,
      projectStageLabels: input.projectStageLabels,
      directiveDays: { deployed: 1, acting: 7, effect: 30 },
    });
    expect(stageLabelsOf(JSON.stringify(out)).reserve).toBe('新储备');
  });
});
