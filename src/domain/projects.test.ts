import { describe, expect, it } from 'vitest';
import {
  conversion,
  investmentPace,
  projectRulesOf,
  projectStatus,
  regionInvestment,
  stageMoveNeedsReason,
  type ProjectStatusInput,
} from './projects.js';

const base: ProjectStatusInput = {
  stage: 'started',
  milestones: [],
  yearPlan: 12000,
  yearToDate: 6000,
  month: '2026-06',
};
const TODAY = '2026-06-20';

describe('stage moves', () => {
  it.each([
    ['reserve', 'signed', false],
    ['signed', 'signed', false],
    ['planning', 'operating', false],
    ['signed', 'reserve', true],
    ['operating', 'started', true],
  ] as const)('%s → %s needs a reason: %s', (from, to, needs) => {
    expect(stageMoveNeedsReason(from, to)).toBe(needs);
  });
});

describe('investment against 序时', () => {
  it('measures the year’s share against month / 12', () => {
    expect(investmentPace(12000, 4500, '2026-06')).toEqual({
      yearToDate: 4500,
      completion: 37.5,
      elapsed: 50,
      lag: 12.5,
    });
    expect(investmentPace(12000, 7000, '2026-06').lag).toBe(0);
  });
  it('a project with no plan this year has nothing to lag', () => {
    expect(investmentPace(null, 300, '2026-06')).toMatchObject({ completion: null, lag: 0 });
    expect(investmentPace(0, 0, '2026-06')).toMatchObject({ completion: null, lag: 0 });
    expect(projectStatus({ ...base, yearPlan: null, yearToDate: 0 }, TODAY).status).toBe('on_track');
  });
});

describe('a project’s colour', () => {
  it('green on pace, yellow 10 points behind, red 20 behind (edges included)', () => {
    expect(projectStatus(base, TODAY).status).toBe('on_track');
    expect(projectStatus({ ...base, yearToDate: 4850 }, TODAY).status).toBe('on_track'); // lag 9.6
    expect(projectStatus({ ...base, yearToDate: 4800 }, TODAY)).toMatchObject({
      status: 'at_risk',
      reasons: ['investment_behind'],
    });
    expect(projectStatus({ ...base, yearToDate: 3600 }, TODAY)).toMatchObject({
      status: 'delayed',
      reasons: ['investment_far_behind'],
    });
  });
  it('takes the region’s thresholds', () => {
    const rules = projectRulesOf('{"projectYellowLag": 5, "projectRedLag": 8}');
    expect(projectStatus({ ...base, yearToDate: 4900 }, TODAY, rules).status).toBe('delayed');
    expect(projectRulesOf('not json')).toMatchObject({ yellowLag: 10, redLag: 20 });
    expect(projectRulesOf('{"projectYellowLag": 30, "projectRedLag": 20}')).toMatchObject({
      yellowLag: 30,
      redLag: 30,
    });
  });
  it('milestones colour it as they colour a task', () => {
    const overdue = { dueDate: '2026-06-19', doneDate: null };
    const soon = { dueDate: '2026-06-27', doneDate: null };
    const doneLate = { dueDate: '2026-03-01', doneDate: '2026-04-01' };
    expect(projectStatus({ ...base, milestones: [overdue] }, TODAY).status).toBe('delayed');
    expect(projectStatus({ ...base, milestones: [soon] }, TODAY).status).toBe('at_risk');
    expect(projectStatus({ ...base, milestones: [doneLate] }, TODAY).status).toBe('on_track');
    expect(
      projectStatus({ ...base, milestones: [{ dueDate: '2026-06-28', doneDate: null }] }, TODAY).status,
    ).toBe('on_track');
  });
  it('in operation is done; in reserve and on pace is not started', () => {
    expect(projectStatus({ ...base, stage: 'operating', yearToDate: 0 }, TODAY).status).toBe('done');
    expect(projectStatus({ ...base, stage: 'reserve', yearPlan: null }, TODAY).status).toBe('not_started');
  });
});

it('the year’s conversion counts this year’s moves and where they led', () => {
  const c = conversion(
    [
      { projectId: 'a', to: 'signed', movedOn: '2026-02-01' },
      { projectId: 'a', to: 'started', movedOn: '2026-05-01' },
      { projectId: 'b', to: 'signed', movedOn: '2026-03-01' },
      { projectId: 'c', to: 'started', movedOn: '2025-11-01' },
      { projectId: 'c', to: 'operating', movedOn: '2026-06-01' },
      { projectId: 'd', to: 'reserve', movedOn: '2026-01-10' },
    ],
    2026,
  );
  expect(c).toEqual({
    newReserve: 1,
    newSigned: 2,
    newStarted: 1,
    newOperating: 1,
    signedToStarted: 50,
    startedToOperating: 0,
  });
  expect(conversion([], 2026).signedToStarted).toBeNull();
});

describe('regionInvestment', () => {
  const sums = new Map([
    ['a', 300],
    ['b', 200],
    ['c', 50],
  ]);
  it('weighs in completion only the projects planned for the year, but sums everyone’s investment', () => {
    const projects = [
      { id: 'a', planYear: 2026, yearPlan: 1000 },
      { id: 'b', planYear: 2025, yearPlan: 1000 },
      { id: 'c', planYear: 2026, yearPlan: null },
      { id: 'd', planYear: 2026, yearPlan: 500 },
    ];
    expect(regionInvestment(projects, sums, 2026)).toEqual({
      yearPlan: 1500,
      againstPlan: 300,
      yearToDate: 550,
      completion: 20,
    });
  });
  it('has no completion without any plan', () => {
    expect(regionInvestment([{ id: 'a', planYear: 2026, yearPlan: 0 }], sums, 2026).completion).toBeNull();
  });
});
