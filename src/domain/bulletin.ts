// The bulletin (通报) as content: sections of text with their figures, and attachment tables, computed
// from BulletinFacts. Layout is the documents layer's business; this module decides only what is said.
//
// Each section's text is a template whose `{name}` placeholders are the computed figures: the office
// edits the words, the figures stay linked and are refilled on every render until the bulletin is
// published, when the filled text is frozen.
import type { BulletinFacts } from './bulletin-facts.js';
import { ATTACHMENT_BUILDERS, SECTION_BUILDERS, zhOrdinal } from './bulletin-sections.js';
import type {
  AttachmentBuilder,
  BulletinSection,
  BulletinTable,
  Figures,
  SectionBuilder,
} from './bulletin-parts.js';
import { PROGRESS_CLASSES, progressClassOf, type ProgressClass } from './bulletin-status.js';

export type {
  AttachmentBuilder,
  BulletinRow,
  BulletinSection,
  BulletinTable,
  Figures,
  SectionBuilder,
} from './bulletin-parts.js';

export interface BulletinModel {
  title: string;
  sections: readonly BulletinSection[];
  attachments: readonly BulletinTable[];
  /** The units the bulletin names (red list, black list, tasks behind): they are notified on publish. */
  namedUnitIds: readonly string[];
  counts: Readonly<Record<ProgressClass, number>> & { total: number };
}

export const TITLES: Readonly<Record<BulletinFacts['template'], string>> = {
  tracking: '关于{periodLabel}{regionName}改革任务推进情况的通报',
  supervision: '关于{periodLabel}{regionName}重点工作督查情况的通报',
};

/** Replaces `{name}` by the figure of that name; an unknown name stays as typed so the office sees it. */
export function fillTemplate(template: string, figures: Figures): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(figures, name) ? String(figures[name]) : whole,
  );
}

export function countByClass(facts: BulletinFacts): Record<ProgressClass, number> & { total: number } {
  const counts = { total: facts.tasks.length } as Record<ProgressClass, number> & { total: number };
  for (const c of PROGRESS_CLASSES) counts[c] = 0;
  for (const t of facts.tasks) counts[progressClassOf(t.status, t.progress, t.timeElapsed)]++;
  return counts;
}

/** Units named as lagging: lead units of tasks behind, and units with overdue notices. */
export function namedUnits(facts: BulletinFacts): string[] {
  const named = new Set<string>();
  for (const t of facts.tasks)
    if ((t.status === 'delayed' || t.status === 'at_risk') && t.leadUnitId) named.add(t.leadUnitId);
  for (const [unitId, n] of Object.entries(facts.overdueNotices)) if (n > 0) named.add(unitId);
  return facts.units.filter((u) => named.has(u.id)).map((u) => u.id);
}

/** 一、二、… in print order, so a plugged-in section never leaves a gap or a repeat. */
function numbered(sections: BulletinSection[]): BulletinSection[] {
  let i = 0;
  return sections.map((s) => (s.heading === null ? s : { ...s, heading: `${zhOrdinal(i++)}、${s.heading}` }));
}

export function buildBulletin(
  facts: BulletinFacts,
  sections: readonly SectionBuilder[] = SECTION_BUILDERS,
  attachments: readonly AttachmentBuilder[] = ATTACHMENT_BUILDERS,
): BulletinModel {
  const built = attachments.map((b) => b(facts)).filter((t) => t !== null);
  return {
    title: fillTemplate(TITLES[facts.template], {
      periodLabel: facts.periodLabel,
      regionName: facts.regionName,
    }),
    sections: numbered(sections.map((b) => b(facts)).filter((s) => s !== null)),
    attachments: built.map((t, i) => ({ ...t, label: `附件${i + 1}` })),
    namedUnitIds: namedUnits(facts),
    counts: countByClass(facts),
  };
}
