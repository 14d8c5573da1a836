import type { Extraction, Quantity } from '../../extract/types.js';
import type { PlanKind, UnitRow } from '../../db/schema.js';
import { chooseAreas, toSections, type Section } from './choose-areas.js';
import { documentCodes } from './document-codes.js';
import { matchUnit, suggestLeadUnit } from './match-units.js';
import { parseLedgerDate } from '../../domain/ledger-dates.js';
import { unreadDeadline } from './unread-deadlines.js';

export interface DraftTask {
  code: string;
  title: string;
  areaIndex: number;
  detail: string;
  leadUnitId: string | null;
  proposedLeadUnit: string | null;
  /** The region's unit the task's text points to when the document named no lead the region has. */
  suggestedLeadUnitId: string | null;
  coUnitIds: string[];
  dueDate: string | null;
  /** The time limit says 长期坚持 / 持续推进: no due date on purpose. */
  ongoing: boolean;
  span: [number, number];
}

export interface DraftTarget {
  quantity: Quantity;
  areaIndex: number | null;
  taskIndex: number | null;
}

export interface DraftPlan {
  title: string;
  kind: PlanKind;
  year: number;
  areas: { code: string; title: string; span: [number, number] }[];
  tasks: DraftTask[];
  targets: DraftTarget[];
  /** Unit names the document uses that the region does not have: proposed to the office, never dropped. */
  unmatchedUnits: { name: string; role: 'lead' | 'co'; taskCodes: string[] }[];
  /** Tasks left without a due date because their time limit was not read as a date. */
  unreadDeadlines: { code: string; text: string }[];
  warnings: string[];
}

const KIND_WORDS: readonly [RegExp, PlanKind][] = [
  [/点题/, 'topic_projects'],
  [/工作要点/, 'work_points'],
  [/政府工作报告/, 'government_report'],
  [/党代会|代表大会/, 'congress_report'],
  [/讲话|致辞/, 'speech'],
  [/行动计划|行动方案|实施方案/, 'action_plan'],
];

export function guessPlanKind(title: string): PlanKind {
  return KIND_WORDS.find(([re]) => re.test(title))?.[1] ?? 'work_points';
}

function within(span: readonly [number, number], s: Section): boolean {
  return span[0] >= s.start && span[0] < s.end;
}

const SENTENCE_END = new Set(['。', '；', ';', '！', '？', '!', '?']);

/**
 * The item's own sentence: its marker and title as written, up to and including the punctuation that
 * ends the title. That is what the task page highlights, inside the paragraph around it.
 */
function sentenceSpan(text: string, section: Section): [number, number] {
  const start = section.node.span[0];
  const limit = Math.min(section.node.span[1], text.length);
  const at = section.node.title ? text.indexOf(section.node.title, start) : -1;
  let end =
    at !== -1 && at < limit
      ? at + section.node.title.length
      : Math.min(limit, start + section.node.marker.length + section.node.title.length);
  if (end < limit && SENTENCE_END.has(text[end]!)) end++;
  return [start, Math.max(end, start + 1)];
}

function describe(section: Section): string {
  return section.children.map((c) => `${c.node.marker}${c.node.title}`).join('\n');
}

/**
 * Turns an extraction into the draft ledger an office would recognise: areas from the level that holds
 * the programme's parts, a task per item, each target under the item (or else the area) whose section holds
 * it, lead units matched to the region's, deadlines as due dates, and every row keeping its source span.
 */
export function draftPlan(
  extraction: Extraction,
  text: string,
  units: readonly UnitRow[],
  regionName: string,
  fallbackYear: number,
): DraftPlan {
  const sections = toSections(extraction.outline, text.length);
  const areaSections = chooseAreas(sections, extraction.counts);
  const codes = documentCodes(
    areaSections.map((s) => ({ marker: s.node.marker, children: s.children.map((c) => c.node.marker) })),
  );
  const areas = areaSections.map((s, i) => ({
    code: codes.areas[i]!,
    title: s.node.title,
    span: sentenceSpan(text, s),
  }));
  const taskSections: { section: Section; areaIndex: number; code: string }[] = [];
  areaSections.forEach((area, a) => {
    if (area.children.length === 0) taskSections.push({ section: area, areaIndex: a, code: codes.areas[a]! });
    area.children.forEach((child, c) =>
      taskSections.push({ section: child, areaIndex: a, code: codes.tasks[a]![c]! }),
    );
  });

  const unreadDeadlines: { code: string; text: string }[] = [];
  const unmatched = new Map<string, { name: string; role: 'lead' | 'co'; taskCodes: string[] }>();
  const tasks: DraftTask[] = taskSections.map(({ section, areaIndex, code }) => {
    const mentions = extraction.units.filter((u) => u.role !== 'mentioned' && within(u.span, section));
    let leadUnitId: string | null = null;
    let proposedLeadUnit: string | null = null;
    const coUnitIds: string[] = [];
    for (const mention of mentions) {
      const unit = matchUnit(mention.name, units, regionName);
      const role = mention.role === 'lead' ? 'lead' : 'co';
      if (unit) {
        if (role === 'lead' && !leadUnitId) leadUnitId = unit.id;
        else if (unit.id !== leadUnitId) coUnitIds.push(unit.id);
      } else {
        if (role === 'lead' && !leadUnitId && !proposedLeadUnit) proposedLeadUnit = mention.name;
        const entry = unmatched.get(mention.name) ?? { name: mention.name, role, taskCodes: [] };
        if (!entry.taskCodes.includes(code)) entry.taskCodes.push(code);
        unmatched.set(mention.name, entry);
      }
    }
    const deadline = extraction.deadlines.find((d) => d.date && within(d.span, section));
    const sectionText = text.slice(section.start, section.end);
    // A limit that names no date on purpose (the extraction keeps it undated) makes the task ongoing.
    const ongoing =
      !deadline &&
      extraction.deadlines.some(
        (d) => !d.date && within(d.span, section) && parseLedgerDate(d.text, fallbackYear).kind === 'ongoing',
      );
    if (!deadline) {
      const unread = unreadDeadline(sectionText, section.start, extraction.deadlines);
      if (unread) unreadDeadlines.push({ code, text: unread });
    }
    const coUnits = [...new Set(coUnitIds)];
    const suggested = leadUnitId
      ? undefined
      : suggestLeadUnit(
          { proposedLead: proposedLeadUnit, text: sectionText, coUnitIds: coUnits },
          units,
          regionName,
        );
    return {
      code,
      title: section.node.title,
      areaIndex,
      detail: describe(section),
      leadUnitId,
      proposedLeadUnit: leadUnitId ? null : proposedLeadUnit,
      suggestedLeadUnitId: suggested?.id ?? null,
      coUnitIds: coUnits,
      dueDate: deadline?.date ?? null,
      ongoing,
      span: sentenceSpan(text, section),
    };
  });

  const targets: DraftTarget[] = extraction.targets.map((quantity) => {
    const taskIndex = taskSections.findIndex((t) => within(quantity.span, t.section));
    const areaIndex = areaSections.findIndex((a) => within(quantity.span, a));
    return {
      quantity,
      taskIndex: taskIndex === -1 ? null : taskIndex,
      areaIndex: areaIndex === -1 ? null : areaIndex,
    };
  });

  return {
    title: extraction.title || '未命名计划',
    kind: guessPlanKind(extraction.title),
    year: extraction.year ?? fallbackYear,
    areas,
    tasks,
    targets,
    unmatchedUnits: [...unmatched.values()],
    unreadDeadlines,
    warnings: [
      ...extraction.warnings,
      ...unreadDeadlines.map(
        (u) =>
          `任务${u.code}的时限“${u.text}”未能识别为日期，未设截止日期 (task ${u.code}: the time limit "${u.text}" was not understood as a date; no due date set)`,
      ),
    ],
  };
}
