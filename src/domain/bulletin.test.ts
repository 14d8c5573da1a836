import { describe, expect, it } from 'vitest';
import type { BulletinFacts, BulletinTask } from './bulletin-facts.js';
import { documentNumber, nextSequence, sequenceProblem } from './bulletin-number.js';
import { blackList, redList, silentUnits } from './bulletin-sections.js';
import { percentText, progressClassOf } from './bulletin-status.js';
import { buildBulletin, fillTemplate } from './bulletin.js';

const task = (id: string, lead: string | null, over: Partial<BulletinTask> = {}): BulletinTask => ({
  id,
  code: id,
  title: `任务${id}`,
  leadUnitId: lead,
  coUnitIds: [],
  dueDate: '2026-12-31',
  status: 'on_track',
  progress: 60,
  timeElapsed: 50,
  daysOverdue: 0,
  report: null,
  nextMilestone: null,
  ...over,
});

const facts = (over: Partial<BulletinFacts> = {}): BulletinFacts => ({
  template: 'tracking',
  regionName: '测试区',
  issuerName: '测试区委全面深化改革委员会办公室',
  periodKey: '2026-Q2',
  periodLabel: '2026年第二季度',
  asOf: '2026-06-30',
  timeElapsed: 50,
  planCount: 1,
  units: [
    { id: 'a', name: '甲局', kind: 'department' },
    { id: 'b', name: '乙局', kind: 'department' },
    { id: 'c', name: '丙镇', kind: 'town' },
    { id: 'd', name: '丁局', kind: 'department' },
  ],
  tasks: [
    task('1', 'a', { status: 'done', progress: 100 }),
    task('2', 'a', { progress: 70 }),
    task('3', 'b', { progress: 40 }),
    task('4', 'b', { status: 'delayed', progress: 20, daysOverdue: 12 }),
    task('5', 'c', { status: 'at_risk', progress: 10 }),
    task('6', 'c', { status: 'not_started', progress: 0 }),
  ],
  reportingUnitIds: ['a', 'c'],
  overdueNotices: { c: 2 },
  extensions: {},
  ...over,
});

describe('bulletin status classes', () => {
  it.each([
    ['done', 100, 50, 'done'],
    ['on_track', 60, 50, 'ahead'],
    ['on_track', 50, 50, 'on_pace'],
    ['on_track', 40, 50, 'on_pace'],
    ['at_risk', 10, 50, 'behind'],
    ['delayed', 90, 50, 'behind'],
    ['not_started', 0, 0, 'other'],
  ] as const)('%s at %d%% of %d%% elapsed is %s', (status, progress, elapsed, cls) => {
    expect(progressClassOf(status, progress, elapsed)).toBe(cls);
  });

  it('prints shares as offices do', () => {
    expect([percentText(1, 3), percentText(2, 5), percentText(0, 0)]).toEqual(['33.3%', '40%', '0%']);
  });
});

describe('文号', () => {
  it('reads 金改办〔2025〕3号 and runs without gaps or repeats', () => {
    expect(documentNumber('金改办', 2025, 3)).toBe('金改办〔2025〕3号');
    expect(nextSequence([])).toBe(1);
    expect(sequenceProblem(3, [1, 2])).toBeNull();
    expect(sequenceProblem(2, [1, 2])).toBe('taken');
    expect(sequenceProblem(5, [1, 2])).toBe('gap');
  });
});

describe('bulletin model', () => {
  it('computes every figure of 总体情况 and fills them in', () => {
    const model = buildBulletin(facts());
    expect(model.counts).toEqual({ total: 6, done: 1, ahead: 1, on_pace: 1, behind: 2, other: 1 });
    const overview = model.sections.find((s) => s.key === 'overview')!;
    const text = fillTemplate(overview.template, overview.figures);
    expect(text).toContain(
      '已完成（含提前完成）1项，占16.7%；超进度1项，占16.7%；达进度1项，占16.7%；欠进度2项，占33.3%',
    );
    expect(model.sections.map((s) => s.heading)).toEqual([
      null,
      '一、总体情况',
      '二、主要成效',
      '三、存在问题',
      '四、下步工作要求',
    ]);
  });

  it('names red and black lists and the units that did not report', () => {
    const f = facts();
    expect(redList(f).map((u) => u.name)).toEqual(['甲局']);
    expect(blackList(f).map((x) => [x.unit.name, x.tasks, x.notices])).toEqual([
      ['丙镇', 0, 2],
      ['乙局', 1, 0],
    ]);
    expect(silentUnits(f).map((u) => u.name)).toEqual(['乙局']);
    const problems = buildBulletin(f).sections.find((s) => s.key === 'problems')!;
    expect(
      fillTemplate(problems.template, problems.figures)
        .split('\n')
        .map((l) => l.slice(0, 2)),
    ).toEqual(['一是', '二是', '三是']);
    expect(buildBulletin(f).namedUnitIds).toEqual(['b', 'c']);
  });

  it('lists every unit in its fixed order in 附件2, including one with nothing to report', () => {
    const table = buildBulletin(facts()).attachments.find((a) => a.key === 'progress_table')!;
    expect(table.label).toBe('附件2');
    expect(table.rows.filter((r) => 'group' in r).map((r) => ('group' in r ? r.group : ''))).toEqual([
      '甲局',
      '乙局（本期未报送）',
      '丙镇',
      '丁局（无牵头任务）',
    ]);
  });

  it('takes plugged-in data: indicators add a paragraph and 附件3, sections renumber', () => {
    const model = buildBulletin(
      facts({
        extensions: {
          indicators: [
            {
              name: '地区生产总值',
              unit: '亿元',
              annualTarget: '6%',
              cumulative: '5.1%',
              rate: '5.1%',
              onPace: false,
              rank: '3',
            },
          ],
          assessment: [{ group: '区直单位', ranking: ['甲局', '乙局'] }],
        },
      }),
    );
    expect(model.attachments.map((a) => `${a.label}${a.title}`)).toContain('附件3主要指标完成情况表');
    expect(model.sections.map((s) => s.heading)).toEqual([
      null,
      '一、总体情况',
      '二、主要成效',
      '三、考核排名',
      '四、存在问题',
      '五、下步工作要求',
    ]);
    const overview = model.sections.find((s) => s.key === 'overview')!;
    expect(fillTemplate(overview.template, overview.figures)).toContain('未达序时进度1项：地区生产总值');
  });

  it('words each meeting’s tally and lists the decisions not yet carried out', () => {
    const model = buildBulletin(
      facts({
        extensions: {
          meetings: [
            {
              meeting: '2026年5月10日区政府常务会议',
              tally: '确定事项3件，已完成2件',
              open: [{ decision: '推进老旧小区改造', status: '推进中' }],
            },
          ],
        },
      }),
    );
    const section = model.sections.find((s) => s.key === 'meeting_follow_through')!;
    expect(fillTemplate(section.template, section.figures)).toBe(
      '2026年5月10日区政府常务会议确定事项3件，已完成2件。\n“推进老旧小区改造”：推进中。',
    );
  });

  it('leaves an unknown placeholder visible so the office sees the typo', () => {
    expect(fillTemplate('共{total}项，{totl}', { total: 3 })).toBe('共3项，{totl}');
  });
});
