import type { Kysely } from 'kysely';
import {
  adjustmentsOf,
  indicatorsOf,
  scoresOfRound,
  sheetsOf,
} from '../db/repositories/assessment-repository.js';
import {
  acceptedExperiencesOf,
  exemptionsOf,
  ledgerRowsOf,
} from '../db/repositories/assessment-input-repository.js';
import { unitsById } from '../db/repositories/unit-repository.js';
import type {
  AssessmentAdjustmentRow,
  AssessmentIndicatorRow,
  AssessmentRoundRow,
  AssessmentSchemeRow,
  AssessmentScoreRow,
  AssessmentSheetRow,
  Database,
  UnitRow,
} from '../db/schema.js';
import type {
  AcceptedExperience,
  AutoKind,
  BasisLink,
  Exemption,
  LedgerEvent,
} from '../domain/assessment-auto.js';
import { ledgerEvents } from '../domain/assessment-ledger.js';
import type { IndicatorRule, Measured, MethodParams, ScoringMethod } from '../domain/assessment-methods.js';
import type { AssessmentGroup, VetoItem } from '../domain/assessment-scheme.js';
import {
  computeSheet,
  rankAndGrade,
  type GradeBand,
  type IndicatorCategory,
  type RankedRow,
  type Sheet,
  type SheetIndicator,
} from '../domain/assessment-sheet.js';
import type { AssessmentStage } from '../domain/assessment-workflow.js';
import { periodRange } from '../domain/periods.js';

// What both assessment services need: the JSON columns read back, the inputs gathered, and a round's
// sheets computed and ranked. Shared here so neither service imports the other.

export interface Scheme {
  row: AssessmentSchemeRow;
  groups: AssessmentGroup[];
  gradeBands: GradeBand[];
  vetoes: VetoItem[];
}

export function schemeOf(row: AssessmentSchemeRow): Scheme {
  return {
    row,
    groups: JSON.parse(row.groups) as AssessmentGroup[],
    gradeBands: JSON.parse(row.grade_bands) as GradeBand[],
    vetoes: JSON.parse(row.vetoes) as VetoItem[],
  };
}

export interface Indicator {
  row: AssessmentIndicatorRow;
  category: IndicatorCategory;
  method: ScoringMethod;
  params: MethodParams;
  autoKind: AutoKind | null;
  groupCodes: string[];
  unitPoints: Record<string, number>;
  unitTargets: Record<string, number | null>;
}

export function indicatorOf(row: AssessmentIndicatorRow): Indicator {
  return {
    row,
    category: row.category as IndicatorCategory,
    method: row.method as ScoringMethod,
    params: JSON.parse(row.params) as MethodParams,
    autoKind: row.auto_kind as AutoKind | null,
    groupCodes: JSON.parse(row.group_codes) as string[],
    unitPoints: JSON.parse(row.unit_points) as Record<string, number>,
    unitTargets: JSON.parse(row.unit_targets) as Record<string, number | null>,
  };
}

export function appliesTo(ind: Indicator, groupCode: string): boolean {
  return ind.groupCodes.length === 0 || ind.groupCodes.includes(groupCode);
}

/** The indicator's rule for one unit: its own points where units differ. */
export function ruleFor(ind: Indicator, unitId: string): IndicatorRule {
  return {
    method: ind.method,
    points: ind.unitPoints[unitId] ?? ind.row.points,
    params: ind.params,
    cap: ind.row.cap,
    difficulty: ind.row.difficulty,
  };
}

export function targetFor(ind: Indicator, unitId: string): number | null {
  return ind.unitTargets[unitId] ?? null;
}

/** A typed-in measured value, read as each method reads it. */
export function measuredOf(ind: Indicator, actual: number | null, groupSize: number): Measured | undefined {
  if (actual === null) return undefined;
  switch (ind.method) {
    case 'ratio':
    case 'target_step':
      return { actual };
    case 'per_occurrence':
    case 'any_zero':
      return { occurrences: actual };
    case 'rating':
      return { rating: actual };
    case 'rank':
      return { rank: actual, of: groupSize };
    case 'manual':
      return undefined;
  }
}

export interface AssessmentInputs {
  events: LedgerEvent[];
  exemptions: Exemption[];
  experiences: AcceptedExperience[];
}

function monthsOf(period: string): string[] {
  const { start, end } = periodRange(period);
  const out: string[] = [];
  for (let m = Number(start.slice(5, 7)); m <= Number(end.slice(5, 7)); m++)
    out.push(`${start.slice(0, 4)}-${String(m).padStart(2, '0')}`);
  return out;
}

/**
 * Everything automatic indicators of a period are computed from, as plain lists. Exemptions
 * (容错免责) and accepted experiences come from their own features through exemptionsOf and
 * acceptedExperiencesOf in db/repositories/assessment-input-repository.ts.
 */
export async function gatherAssessmentInputs(
  db: Kysely<Database>,
  regionId: string,
  period: string,
  asOf: string,
): Promise<AssessmentInputs> {
  const range = periodRange(period);
  const [rows, exemptions, experiences] = await Promise.all([
    ledgerRowsOf(db, regionId, range, [...monthsOf(period), period]),
    exemptionsOf(db, regionId),
    acceptedExperiencesOf(db, regionId, range),
  ]);
  return { events: ledgerEvents(rows, range, asOf), exemptions, experiences };
}

async function lockedInputs(db: Kysely<Database>, round: AssessmentRoundRow): Promise<AssessmentInputs> {
  const granted =
    round.finalized_at === null ? [] : await exemptionsOf(db, round.region_id, round.finalized_at);
  return {
    events: [],
    exemptions: granted.filter((x) => x.sourceKind === 'assessment_item'),
    experiences: [],
  };
}

export interface RoundData {
  scheme: Scheme;
  round: AssessmentRoundRow;
  indicators: Indicator[];
  sheets: AssessmentSheetRow[];
  scores: (AssessmentScoreRow & { unit_id: string })[];
  adjustments: AssessmentAdjustmentRow[];
  units: Map<string, UnitRow>;
  inputs: AssessmentInputs;
}

export async function loadRoundData(
  db: Kysely<Database>,
  scheme: Scheme,
  round: AssessmentRoundRow,
  asOf: string,
): Promise<RoundData> {
  const [indicatorRows, sheets, scores, adjustments, units, inputs] = await Promise.all([
    indicatorsOf(db, scheme.row.id),
    sheetsOf(db, round.id),
    scoresOfRound(db, round.id),
    adjustmentsOf(db, round.id),
    unitsById(db, round.region_id),
    // A locked round reads its automatic scores from the snapshot taken at 定等次, not the ledger; its
    // bonus and deduction items keep the 容错免责 granted by then, and no later grant changes them.
    round.stage === 'finalized'
      ? lockedInputs(db, round)
      : gatherAssessmentInputs(db, round.region_id, round.period, asOf),
  ]);
  return {
    scheme,
    round,
    indicators: indicatorRows.map(indicatorOf),
    sheets,
    scores,
    adjustments,
    units,
    inputs,
  };
}

export interface UnitResult {
  sheetRow: AssessmentSheetRow;
  indicators: Indicator[];
  sheet: Sheet;
  ranked: RankedRow;
}

function groupSizes(sheets: readonly AssessmentSheetRow[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const s of sheets) sizes.set(s.group_code, (sizes.get(s.group_code) ?? 0) + 1);
  return sizes;
}

/** Frozen automatic cells of a locked round: the score and the links stored at 定等次. */
export function frozenLinks(score: AssessmentScoreRow | undefined): BasisLink[] {
  if (!score?.final_basis?.startsWith('[')) return [];
  try {
    return JSON.parse(score.final_basis) as BasisLink[];
  } catch {
    return [];
  }
}

/** Every unit's sheet of the round, computed and ranked within its group. */
export function computeRound(data: RoundData): Map<string, UnitResult> {
  const frozen = data.round.stage === ('finalized' satisfies AssessmentStage);
  const byUnit = new Map<string, Map<string, AssessmentScoreRow>>();
  for (const s of data.scores) {
    const m = byUnit.get(s.unit_id) ?? new Map<string, AssessmentScoreRow>();
    m.set(s.indicator_id, s);
    byUnit.set(s.unit_id, m);
  }
  const eventsByUnit = new Map<string, LedgerEvent[]>();
  for (const e of data.inputs.events) {
    const list = eventsByUnit.get(e.unitId) ?? [];
    list.push(e);
    eventsByUnit.set(e.unitId, list);
  }
  const sizes = groupSizes(data.sheets);
  const sheets = new Map<string, { sheetRow: AssessmentSheetRow; indicators: Indicator[]; sheet: Sheet }>();
  for (const sheetRow of data.sheets) {
    const unitId = sheetRow.unit_id;
    const scores = byUnit.get(unitId) ?? new Map<string, AssessmentScoreRow>();
    const indicators = data.indicators.filter((i) => appliesTo(i, sheetRow.group_code));
    const sheetIndicators: SheetIndicator[] = indicators.map((i) => ({
      id: i.row.id,
      category: i.category,
      rule: ruleFor(i, unitId),
      auto: frozen ? null : i.autoKind,
      target: targetFor(i, unitId),
    }));
    const cells: Record<
      string,
      { self: number | null; first: number | null; final: number | null; measured?: Measured }
    > = {};
    for (const i of indicators) {
      const s = scores.get(i.row.id);
      if (!s) continue;
      const measured = measuredOf(i, s.actual, sizes.get(sheetRow.group_code) ?? 1);
      cells[i.row.id] = {
        self: s.self_score,
        first: s.first_score,
        final: s.final_score,
        ...(measured && { measured }),
      };
    }
    const sheet = computeSheet({
      unitId,
      indicators: sheetIndicators,
      cells,
      events: eventsByUnit.get(unitId) ?? [],
      exemptions: data.inputs.exemptions.filter((x) => x.unitId === unitId),
      experiences: data.inputs.experiences.filter((x) => x.unitId === unitId),
      adjustments: data.adjustments
        .filter((a) => a.unit_id === unitId && a.status === 'approved')
        .map((a) => ({ id: a.id, kind: a.kind, points: a.points, reason: a.reason })),
    });
    if (frozen)
      for (const cell of sheet.cells) {
        const ind = indicators.find((i) => i.row.id === cell.indicatorId);
        if (ind?.autoKind) {
          cell.basis = frozenLinks(scores.get(cell.indicatorId));
          cell.source = 'auto';
        }
      }
    sheets.set(unitId, { sheetRow, indicators, sheet });
  }
  const ranked = rankAndGrade(
    [...sheets.values()].map(({ sheetRow, sheet }) => ({
      unitId: sheetRow.unit_id,
      group: sheetRow.group_code,
      total: sheet.total,
      vetoed: sheet.vetoed,
    })),
    data.scheme.gradeBands,
  );
  const out = new Map<string, UnitResult>();
  for (const r of ranked) out.set(r.unitId, { ...sheets.get(r.unitId)!, ranked: r });
  return out;
}
