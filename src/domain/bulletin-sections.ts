// The section and attachment builders of a bulletin, in the order they print. To add a section, write a
// builder and put it in the list: the model, the editor, the .docx and the PDF pick it up from there.
import { addDays, parseDate } from './calendar.js';
import type { BulletinFacts, BulletinTask, BulletinUnit } from './bulletin-facts.js';
import {
  assessmentRankingSection,
  experienceParagraph,
  indicatorParagraph,
  indicatorsAttachment,
  meetingFollowThroughSection,
  projectInvestmentParagraph,
} from './bulletin-extensions.js';
import { PROGRESS_CLASS_LABELS, percentText, progressClassOf } from './bulletin-status.js';
import type { AttachmentBuilder, BulletinSection, BulletinTable, SectionBuilder } from './bulletin-parts.js';

const ZH_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Red and black lists name at most this many units, as offices print them. */
export const LIST_LENGTH = 5;
/** Days the units get to answer 四、下步工作要求. */
export const RESPONSE_DAYS = 10;

/** 2026年6月30日: Arabic numerals, no leading zeros (GB/T 9704 §7.3.5.3). */
export function zhDate(date: string): string {
  const { year, month, day } = parseDate(date);
  return `${year}年${month}月${day}日`;
}

export function zhOrdinal(i: number): string {
  return ZH_ORDINALS[i] ?? String(i + 1);
}

function joinNames(names: readonly string[]): string {
  return names.join('、');
}

function behind(t: BulletinTask): boolean {
  return t.status === 'delayed' || t.status === 'at_risk';
}

function leadsOf(facts: BulletinFacts): Map<string, BulletinTask[]> {
  const byUnit = new Map<string, BulletinTask[]>();
  for (const t of facts.tasks) {
    if (!t.leadUnitId) continue;
    const list = byUnit.get(t.leadUnitId) ?? [];
    list.push(t);
    byUnit.set(t.leadUnitId, list);
  }
  return byUnit;
}

function unitName(facts: BulletinFacts, id: string | null): string {
  return (id && facts.units.find((u) => u.id === id)?.name) || '未明确';
}

/** Units that led tasks still running in the period and had no report reach the office. */
export function silentUnits(facts: BulletinFacts): BulletinUnit[] {
  const leads = leadsOf(facts);
  const reported = new Set(facts.reportingUnitIds);
  return facts.units.filter(
    (u) =>
      !reported.has(u.id) &&
      (leads.get(u.id) ?? []).some((t) => t.status !== 'done' && t.status !== 'not_started'),
  );
}

/** 红榜: units whose tasks are all on pace or done, most done first; the region's order breaks ties. */
export function redList(facts: BulletinFacts): BulletinUnit[] {
  const leads = leadsOf(facts);
  return facts.units
    .map((u, order) => ({ u, order, tasks: leads.get(u.id) ?? [] }))
    .filter(
      (x) => x.tasks.length > 0 && !x.tasks.some(behind) && x.tasks.some((t) => t.status !== 'not_started'),
    )
    .map((x) => ({ ...x, done: x.tasks.filter((t) => t.status === 'done').length }))
    .sort((a, b) => b.done - a.done || a.order - b.order)
    .slice(0, LIST_LENGTH)
    .map((x) => x.u);
}

/** 黑榜: units with the most overdue items (overdue tasks they lead + notices unanswered past deadline). */
export function blackList(facts: BulletinFacts): { unit: BulletinUnit; tasks: number; notices: number }[] {
  const leads = leadsOf(facts);
  return facts.units
    .map((unit, order) => ({
      unit,
      order,
      tasks: (leads.get(unit.id) ?? []).filter((t) => t.status === 'delayed').length,
      notices: facts.overdueNotices[unit.id] ?? 0,
    }))
    .filter((x) => x.tasks + x.notices > 0)
    .sort((a, b) => b.tasks + b.notices - (a.tasks + a.notices) || a.order - b.order)
    .slice(0, LIST_LENGTH)
    .map(({ unit, tasks, notices }) => ({ unit, tasks, notices }));
}

const opening: SectionBuilder = (facts) => ({
  key: 'opening',
  heading: null,
  template:
    '根据年度改革工作安排，{issuerName}对全区{planCount}个计划、{total}项任务{periodLabel}推进情况进行了跟踪督查，数据截至{asOfText}。现将有关情况通报如下：',
  figures: {
    issuerName: facts.issuerName,
    planCount: facts.planCount,
    total: facts.tasks.length,
    periodLabel: facts.periodLabel,
    asOfText: zhDate(facts.asOf),
  },
});

const overview: SectionBuilder = (facts) => {
  const n = facts.tasks.length;
  const counts = { done: 0, ahead: 0, on_pace: 0, behind: 0, other: 0 };
  for (const t of facts.tasks) counts[progressClassOf(t.status, t.progress, t.timeElapsed)]++;
  const silent = silentUnits(facts);
  const lines = [
    '截至{asOfText}，{total}项任务中，已完成（含提前完成）{done}项，占{donePct}；超进度{ahead}项，占{aheadPct}；达进度{onPace}项，占{onPacePct}；欠进度{behind}项，占{behindPct}；其他（未到启动时间）{other}项，占{otherPct}。序时进度{timeElapsed}%。',
    silent.length > 0
      ? '{unitCount}个单位中，{reportingCount}个单位本期报送了进展，{silentCount}个单位有在办任务但本期未报送。'
      : '{unitCount}个单位中，{reportingCount}个单位本期报送了进展，有在办任务的单位均已报送。',
  ];
  const extra = [indicatorParagraph(facts), projectInvestmentParagraph(facts)].filter((p) => p !== null);
  return {
    key: 'overview',
    heading: '总体情况',
    template: [...lines, ...extra.map((p) => p.text)].join('\n'),
    figures: {
      asOfText: zhDate(facts.asOf),
      total: n,
      done: counts.done,
      donePct: percentText(counts.done, n),
      ahead: counts.ahead,
      aheadPct: percentText(counts.ahead, n),
      onPace: counts.on_pace,
      onPacePct: percentText(counts.on_pace, n),
      behind: counts.behind,
      behindPct: percentText(counts.behind, n),
      other: counts.other,
      otherPct: percentText(counts.other, n),
      timeElapsed: facts.timeElapsed,
      unitCount: facts.units.length,
      reportingCount: facts.units.filter((u) => facts.reportingUnitIds.includes(u.id)).length,
      silentCount: silent.length,
      ...Object.fromEntries(extra.flatMap((p) => Object.entries(p.figures))),
    },
  };
};

const achievements: SectionBuilder = (facts) => {
  const red = redList(facts);
  const done = facts.tasks.filter((t) => t.status === 'done');
  const examples = done.slice(0, 3).map((t) => `“${t.title}”（${unitName(facts, t.leadUnitId)}）`);
  const lines = [
    done.length > 0 ? '本期已完成任务{doneCount}项，如{doneExamples}等。' : '本期尚无经验收完成的任务。',
    red.length > 0
      ? '红榜：{redUnits}{redCount}个单位牵头任务均达到或超过序时进度，无欠进度事项，予以通报表扬。'
      : '本期无牵头任务全部达到序时进度的单位。',
  ];
  const experience = experienceParagraph(facts);
  if (experience) lines.push(experience.text);
  return {
    key: 'achievements',
    heading: '主要成效',
    template: lines.join('\n'),
    figures: {
      doneCount: done.length,
      doneExamples: examples.join('、'),
      redUnits: joinNames(red.map((u) => u.name)),
      redCount: red.length,
      ...(experience?.figures ?? {}),
    },
  };
};

const problems: SectionBuilder = (facts) => {
  const late = facts.tasks.filter(behind);
  const black = blackList(facts);
  const silent = silentUnits(facts);
  const clauses: string[] = [];
  if (late.length > 0)
    clauses.push(
      '部分任务推进滞后。{behindCount}项任务欠进度，其中逾期{delayedCount}项，涉及{behindUnitCount}个牵头单位，详见附件1。',
    );
  if (black.length > 0) clauses.push('部分单位逾期事项较多。黑榜：{blackList}。');
  if (silent.length > 0) clauses.push('进展报送不够及时。{silentUnits}{silentCount}个单位本期未报送进展。');
  const behindUnits = new Set(late.map((t) => t.leadUnitId).filter((id) => id !== null));
  return {
    key: 'problems',
    heading: '存在问题',
    template:
      clauses.length > 0
        ? clauses.map((c, i) => `${zhOrdinal(i)}是${c}`).join('\n')
        : '本期未发现欠进度任务和逾期事项。',
    figures: {
      behindCount: late.length,
      delayedCount: late.filter((t) => t.status === 'delayed').length,
      behindUnitCount: behindUnits.size,
      blackList: black
        .map(({ unit, tasks, notices }) => {
          const parts = [tasks > 0 ? `逾期任务${tasks}项` : '', notices > 0 ? `督办超期${notices}件` : ''];
          return `${unit.name}（${parts.filter(Boolean).join('、')}）`;
        })
        .join('、'),
      silentUnits: joinNames(silent.map((u) => u.name)),
      silentCount: silent.length,
    },
  };
};

const nextSteps: SectionBuilder = (facts) => {
  const late = facts.tasks.filter(behind);
  const leadIds = new Set(late.map((t) => t.leadUnitId));
  const behindUnits = facts.units.filter((u) => leadIds.has(u.id)).map((u) => u.name);
  return {
    key: 'next_steps',
    heading: '下步工作要求',
    template: [
      late.length > 0
        ? '（一）加快推进滞后任务。{behindUnits}要对照附件1逐项分析原因，于{deadlineText}前向{issuerName}书面报送整改措施。'
        : '（一）保持推进力度。各牵头单位要对照时间节点持续推进，确保任务按期完成。',
      '（二）压实督办责任。对督办超期未反馈的事项，相关单位须于{deadlineText}前反馈办理情况。',
      '（三）按时报送进展。各单位要如实、按时报送任务进展，{issuerName}将把报送情况纳入年度考核。',
    ].join('\n'),
    figures: {
      behindUnits: joinNames(behindUnits),
      deadlineText: zhDate(addDays(facts.asOf, RESPONSE_DAYS)),
      issuerName: facts.issuerName,
    },
  };
};

function dueText(t: BulletinTask): string {
  return t.dueDate ? zhDate(t.dueDate) : '长期';
}

function statusText(t: BulletinTask): string {
  const label = PROGRESS_CLASS_LABELS[progressClassOf(t.status, t.progress, t.timeElapsed)];
  return t.status === 'delayed' ? `${label}（逾期${t.daysOverdue}天）` : label;
}

function byUnitOrder(facts: BulletinFacts): (a: BulletinTask, b: BulletinTask) => number {
  const order = new Map(facts.units.map((u, i) => [u.id, i]));
  const rank = (t: BulletinTask) => (t.leadUnitId ? (order.get(t.leadUnitId) ?? 1e9) : 1e9);
  return (a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code, 'zh-CN', { numeric: true });
}

const tasksBehind: AttachmentBuilder = (facts) => {
  const late = facts.tasks.filter(behind).sort(byUnitOrder(facts));
  if (late.length === 0) return null;
  return {
    key: 'tasks_behind',
    title: '欠进度任务清单',
    columns: ['序号', '任务', '牵头单位', '完成时限', '序时进度', '完成进度', '状态'],
    widths: [6, 34, 14, 12, 10, 10, 14],
    rows: late.map((t, i) => ({
      cells: [
        String(i + 1),
        t.title,
        unitName(facts, t.leadUnitId),
        dueText(t),
        `${t.timeElapsed}%`,
        `${t.progress}%`,
        statusText(t),
      ],
    })),
  };
};

const progressTable: AttachmentBuilder = (facts) => {
  const leads = leadsOf(facts);
  const reported = new Set(facts.reportingUnitIds);
  const rows: BulletinTable['rows'][number][] = [];
  let n = 0;
  const taskRow = (t: BulletinTask) => ({
    cells: [
      String(++n),
      t.title,
      unitName(facts, t.leadUnitId),
      joinNames(t.coUnitIds.map((id) => unitName(facts, id))),
      dueText(t),
      t.report?.narrative || '本期未报送',
      statusText(t),
      t.report?.problems || '',
      t.nextMilestone ? `${t.nextMilestone.title}（${zhDate(t.nextMilestone.dueDate)}前）` : '',
    ],
  });
  for (const u of facts.units) {
    const tasks = [...(leads.get(u.id) ?? [])].sort(byUnitOrder(facts));
    const note = tasks.length === 0 ? '（无牵头任务）' : reported.has(u.id) ? '' : '（本期未报送）';
    rows.push({ group: `${u.name}${note}` });
    rows.push(...tasks.map(taskRow));
  }
  const orphans = facts.tasks.filter((t) => !t.leadUnitId);
  if (orphans.length > 0) {
    rows.push({ group: '未明确牵头单位' });
    rows.push(...orphans.map(taskRow));
  }
  return {
    key: 'progress_table',
    title: '改革任务推进情况表',
    columns: ['序号', '任务', '牵头单位', '责任单位', '完成时限', '本期进展', '状态', '存在问题', '下步措施'],
    widths: [6, 20, 10, 10, 10, 16, 6, 10, 12],
    rows,
  };
};

export const SECTION_BUILDERS: readonly SectionBuilder[] = [
  opening,
  overview,
  achievements,
  assessmentRankingSection,
  meetingFollowThroughSection,
  problems,
  nextSteps,
];

export const ATTACHMENT_BUILDERS: readonly AttachmentBuilder[] = [
  tasksBehind,
  progressTable,
  indicatorsAttachment,
];

export type { BulletinSection };
