// The data other features own, gathered for a bulletin's extension points (domain/bulletin-extensions.ts):
// indicators and key-project investment on the same rules as the battle map's panels, accepted
// experiences, the assessment ranking and the meeting decisions' tally — each for the bulletin's region
// and the day its figures stand on. Services never import services: repositories and domain rules only.
import type { Kysely } from 'kysely';
import { roundsOfPeriod } from '../db/repositories/assessment-repository.js';
import { directivesOfDecisions, listDirectives } from '../db/repositories/directive-repository.js';
import { acceptedExperiencesBetween } from '../db/repositories/experience-repository.js';
import { listMeasurements } from '../db/repositories/measurement-repository.js';
import { completedTaskIds, decisionsOf, listMeetings } from '../db/repositories/meeting-repository.js';
import { investmentByProject, listProjects } from '../db/repositories/project-repository.js';
import { listRegionLinks } from '../db/repositories/region-repository.js';
import { listPublishedTargetsOfRegion } from '../db/repositories/target-repository.js';
import type { Database, TargetRow } from '../db/schema.js';
import type { BulletinExtensionData, BulletinUnit } from '../domain/bulletin-facts.js';
import { peerRank, type PeerFigure } from '../domain/indicator-rank.js';
import { indicatorStatus, type IndicatorResult } from '../domain/indicators.js';
import { decisionState, decisionTally, tallySentence, type DecisionState } from '../domain/meetings.js';
import { monthElapsed, regionInvestment } from '../domain/projects.js';
import { computeRound, loadRoundData, schemeOf } from './assessment-results.js';
import { db, type ServiceContext } from './context.js';
import { progressOfMany } from './directive-progress.js';

export interface ExtensionScope {
  regionId: string;
  period: string;
  start: string;
  asOf: string;
  /** The region's units in their fixed order. */
  units: readonly BulletinUnit[];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function numberText(n: number): string {
  return String(round2(n));
}

/** Rows in the region's fixed unit order; those of no unit last, each keeping its own order. */
function inUnitOrder<T>(
  rows: readonly T[],
  unitOf: (row: T) => string | null,
  units: readonly BulletinUnit[],
) {
  const at = new Map(units.map((u, i) => [u.id, i]));
  const key = (row: T) => at.get(unitOf(row) ?? '') ?? units.length;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => key(a.row) - key(b.row) || a.i - b.i)
    .map(({ row }) => row);
}

function annualTargetText(t: TargetRow): string {
  const value = numberText(t.value);
  if (t.comparator === '~') return `${value}左右`;
  if (t.comparator === '<' || t.comparator === '<=') return `${value}以内`;
  if (t.comparator === '>' || t.comparator === '>=') return `${value}以上`;
  return value;
}

function rateText(t: TargetRow, r: IndicatorResult): string {
  if (t.measure === 'growth' || t.measure === 'share')
    return r.actual === null ? '—' : `${numberText(r.actual)}%`;
  return r.completion === null || !Number.isFinite(r.completion) ? '—' : `${r.completion}%`;
}

/** The same indicator in another region: the same name, unit and kind of measure. */
function indicatorKey(t: TargetRow): string {
  return `${t.indicator}|${t.unit}|${t.measure}`;
}

/** The figure peers are ranked on: the rate itself for growth and shares, else completion of the year's value. */
function rankedFigure(t: TargetRow, r: IndicatorResult): number | null {
  return t.measure === 'growth' || t.measure === 'share' ? r.actual : r.completion;
}

/** Each published target of a region with its result on the confirmed figures as they stood on asOf. */
async function resultsOf(k: Kysely<Database>, regionId: string, asOf: string) {
  const targets = await listPublishedTargetsOfRegion(k, regionId);
  const measurements = (
    await listMeasurements(
      k,
      targets.map((t) => t.id),
    )
  ).filter((m) => m.status === 'confirmed' && (m.confirmed_at ?? m.created_at).slice(0, 10) <= asOf);
  const month = asOf.slice(0, 7);
  return targets.map((t) => ({
    target: t,
    result: indicatorStatus(
      {
        measure: t.measure,
        comparator: t.comparator,
        value: t.value,
        cadence: t.cadence,
        cumulative: t.cumulative === 1,
      },
      measurements.filter((m) => m.target_id === t.id),
      month,
    ),
  }));
}

/**
 * 位次: for each indicator, the figures of the regions sharing this region's parent (this one included) that
 * track the same indicator, as they stood on the same day. Empty without a parent region.
 */
async function peerFiguresOf(k: Kysely<Database>, s: ExtensionScope): Promise<Map<string, PeerFigure[]>> {
  const links = await listRegionLinks(k);
  const parent = links.find((r) => r.id === s.regionId)?.parent_id ?? null;
  const figures = new Map<string, PeerFigure[]>();
  if (parent === null) return figures;
  for (const sibling of links.filter((r) => r.parent_id === parent))
    for (const { target, result } of await resultsOf(k, sibling.id, s.asOf)) {
      const value = rankedFigure(target, result);
      if (result.status === 'no_data' || value === null) continue;
      const key = indicatorKey(target);
      figures.set(key, [...(figures.get(key) ?? []), { regionId: sibling.id, value }]);
    }
  return figures;
}

/** 指标 on the office's confirmed figures as they stood on asOf; those with no figure yet are left out. */
async function indicatorsOf(
  k: Kysely<Database>,
  s: ExtensionScope,
): Promise<BulletinExtensionData['indicators']> {
  const [results, peers] = await Promise.all([resultsOf(k, s.regionId, s.asOf), peerFiguresOf(k, s)]);
  const rows = inUnitOrder(results, (r) => r.target.unit_id, s.units).flatMap(({ target: t, result }) => {
    if (result.status === 'no_data') return [];
    return [
      {
        name: t.indicator,
        unit: t.unit,
        annualTarget: annualTargetText(t),
        cumulative: result.actual === null ? '—' : numberText(result.actual),
        rate: rateText(t, result),
        onPace: result.status === 'met' || result.status === 'on_pace',
        rank: peerRank(s.regionId, peers.get(indicatorKey(t)) ?? [], result.inverted),
      },
    ];
  });
  return rows.length > 0 ? rows : undefined;
}

/** 重点项目 this year's planned investment against what was invested by asOf's month, in 亿元. */
async function projectsOf(
  k: Kysely<Database>,
  s: ExtensionScope,
): Promise<BulletinExtensionData['projects']> {
  const month = s.asOf.slice(0, 7);
  const year = Number(month.slice(0, 4));
  const [projects, sums] = await Promise.all([
    listProjects(k, s.regionId, {}),
    investmentByProject(k, s.regionId, `${year}-01`, month),
  ]);
  const sum = regionInvestment(
    projects.map((p) => ({ id: p.id, planYear: p.plan_year, yearPlan: p.year_plan })),
    sums,
    year,
  );
  if (sum.yearPlan <= 0) return undefined;
  return {
    planned: round2(sum.yearPlan / 10000),
    invested: round2(sum.againstPlan / 10000),
    timeElapsed: monthElapsed(month),
  };
}

/** 经验 the office accepted in the quarter up to asOf, by unit in the region's order. */
async function experiencesOf(
  k: Kysely<Database>,
  s: ExtensionScope,
): Promise<BulletinExtensionData['experiences']> {
  const accepted = await acceptedExperiencesBetween(k, s.regionId, s.start, s.asOf);
  const list = inUnitOrder(accepted, (e) => e.unit_id, s.units).map((e) => ({
    title: e.title,
    unitName: e.unit_name,
  }));
  return list.length > 0 ? list : undefined;
}

/** The ranking of the quarter's assessment round, once made public (公示 or 定等次). */
async function assessmentOf(
  k: Kysely<Database>,
  s: ExtensionScope,
): Promise<BulletinExtensionData['assessment']> {
  const found = await roundsOfPeriod(k, s.regionId, s.period);
  const published = found.find((f) => f.round.stage === 'publicity' || f.round.stage === 'finalized');
  if (!published) return undefined;
  const scheme = schemeOf(published.scheme);
  const results = [...computeRound(await loadRoundData(k, scheme, published.round, s.asOf)).values()];
  const nameOf = new Map(s.units.map((u) => [u.id, u.name]));
  const groups = scheme.groups.flatMap((g) => {
    const ranked = results
      .filter((r) => r.ranked.group === g.code)
      .sort(
        (a, b) =>
          a.ranked.rank - b.ranked.rank ||
          s.units.findIndex((u) => u.id === a.ranked.unitId) -
            s.units.findIndex((u) => u.id === b.ranked.unitId),
      );
    if (ranked.length === 0) return [];
    return [
      {
        group: g.name,
        ranking: ranked.map(
          (r) =>
            `${r.ranked.rank}.${nameOf.get(r.ranked.unitId) ?? r.sheetRow.unit_id}（${numberText(r.ranked.total)}分）`,
        ),
      },
    ];
  });
  return groups.length > 0 ? groups : undefined;
}

const STATE_WORDS: Readonly<Record<DecisionState, string>> = {
  done: '已完成',
  in_progress: '推进中',
  unassigned: '尚未交办',
};

/** The year's meetings held by asOf, each with its decisions counted and those not yet carried out. */
async function meetingsOf(
  ctx: ServiceContext,
  s: ExtensionScope,
): Promise<BulletinExtensionData['meetings']> {
  const k = db(ctx);
  const yearStart = `${s.asOf.slice(0, 4)}-01-01`;
  const meetings = (await listMeetings(k, s.regionId))
    .filter((m) => m.held_on >= yearStart && m.held_on <= s.asOf)
    .reverse();
  if (meetings.length === 0) return undefined;
  const decisions = await decisionsOf(
    k,
    meetings.map((m) => m.id),
  );
  const directiveOf = await directivesOfDecisions(
    k,
    decisions.map((d) => d.id),
  );
  const directiveIds = new Set(directiveOf.values());
  const directives = (await listDirectives(k, { regionId: s.regionId })).filter((d) =>
    directiveIds.has(d.id),
  );
  const [progress, doneTasks] = await Promise.all([
    progressOfMany(ctx, s.regionId, directives),
    completedTaskIds(
      k,
      decisions.flatMap((d) => (d.task_id ? [d.task_id] : [])),
    ),
  ]);
  const list = meetings.flatMap((m) => {
    const own = decisions
      .filter((d) => d.meeting_id === m.id)
      .map((d) => {
        const directiveId = directiveOf.get(d.id) ?? null;
        const state = decisionState({
          directiveDone: directiveId ? (progress.get(directiveId)?.done ?? false) : null,
          taskDone: d.task_id ? doneTasks.has(d.task_id) : null,
        });
        return { d, state, directiveId };
      });
    if (own.length === 0) return [];
    const tally = decisionTally(
      own.map((o) => ({
        state: o.state,
        becameDirective: o.directiveId !== null,
        becameTask: o.d.task_id !== null,
      })),
    );
    return [
      {
        meeting: `${m.held_on.slice(0, 4)}年${Number(m.held_on.slice(5, 7))}月${Number(m.held_on.slice(8, 10))}日${m.topic}`,
        tally: tallySentence(tally),
        open: own
          .filter((o) => o.state !== 'done')
          .map((o) => ({ decision: o.d.content, status: STATE_WORDS[o.state] })),
      },
    ];
  });
  return list.length > 0 ? list : undefined;
}

/** Every extension's data for one bulletin; an absent entry renders nothing. */
export async function gatherExtensionData(
  ctx: ServiceContext,
  s: ExtensionScope,
): Promise<BulletinExtensionData> {
  const k = db(ctx);
  const [indicators, projects, experiences, assessment, meetings] = await Promise.all([
    indicatorsOf(k, s),
    projectsOf(k, s),
    experiencesOf(k, s),
    assessmentOf(k, s),
    meetingsOf(ctx, s),
  ]);
  return {
    ...(indicators && { indicators }),
    ...(projects && { projects }),
    ...(experiences && { experiences }),
    ...(assessment && { assessment }),
    ...(meetings && { meetings }),
  };
}
