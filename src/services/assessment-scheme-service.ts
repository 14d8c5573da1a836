import type { Insertable } from 'kysely';
import { newId } from '../db/ids.js';
import {
  getIndicator,
  getScheme,
  hasFinalizedRound,
  indicatorsOf,
  insertIndicators,
  insertRound,
  insertScheme,
  insertSheets,
  listSchemes,
  nextIndicatorSeq,
  roundsOf,
} from '../db/repositories/assessment-repository.js';
import { listUnits } from '../db/repositories/unit-repository.js';
import type {
  AssessmentIndicatorRow,
  AssessmentIndicatorTable,
  AssessmentRoundRow,
  AssessmentSchemeRow,
} from '../db/schema.js';
import type { AutoKind } from '../domain/assessment-auto.js';
import type { MethodParams, ScoringMethod } from '../domain/assessment-methods.js';
import {
  DEFAULT_GRADE_BANDS,
  DEFAULT_GROUPS,
  DEFAULT_INDICATORS,
  groupOf,
  type AssessmentGroup,
  type GradeBand,
  type VetoItem,
} from '../domain/assessment-scheme.js';
import type { IndicatorCategory } from '../domain/assessment-sheet.js';
import { cadenceOf, isPeriodKey } from '../domain/periods.js';
import { demand, demandRegion, roundFor, schemeFor } from './access.js';
import type { Actor } from './actor.js';
import { schemeOf, type Scheme } from './assessment-results.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as assessmentPolicy from './policies/assessment.js';
import { definedFields, updateAudited } from './versioned-write.js';

export type { AssessmentIndicatorRow, AssessmentRoundRow, AssessmentSchemeRow };

export interface SchemeInput {
  year: number;
  title: string;
  docNo: string;
  baseScore?: number | undefined;
  groups?: AssessmentGroup[] | undefined;
  gradeBands?: GradeBand[] | undefined;
  vetoes?: VetoItem[] | undefined;
  /** Start from DESIGN's default indicators (报送及时、节点、质量、督办、经验加分); true unless false. */
  withDefaultIndicators?: boolean | undefined;
}

export interface SchemeDetail {
  scheme: Scheme;
  indicators: AssessmentIndicatorRow[];
  rounds: AssessmentRoundRow[];
  locked: boolean;
}

function manageFacts(regionId: string) {
  return { regionId, unitId: null, published: false };
}

export async function schemesOf(ctx: ServiceContext, actor: Actor, regionId: string): Promise<Scheme[]> {
  demandRegion(actor, regionId);
  demand(assessmentPolicy.can(actor, 'read', manageFacts(regionId)));
  return (await listSchemes(db(ctx), regionId)).map(schemeOf);
}

export async function schemeDetail(
  ctx: ServiceContext,
  actor: Actor,
  schemeId: string,
): Promise<SchemeDetail> {
  const row = await schemeFor(ctx, actor, schemeId);
  const [indicators, rounds] = await Promise.all([
    indicatorsOf(db(ctx), schemeId),
    roundsOf(db(ctx), schemeId),
  ]);
  return {
    scheme: schemeOf(row),
    indicators,
    rounds,
    locked: rounds.some((r) => r.stage === 'finalized'),
  };
}

export interface IndicatorInput {
  code: string;
  category: IndicatorCategory;
  name: string;
  content?: string | undefined;
  points: number;
  standard?: string | undefined;
  method: ScoringMethod;
  params?: MethodParams | undefined;
  autoKind?: AutoKind | null | undefined;
  groupCodes?: string[] | undefined;
  unitPoints?: Record<string, number> | undefined;
  unitTargets?: Record<string, number | null> | undefined;
  measureUnit?: string | undefined;
  difficulty?: number | undefined;
  cap?: number | null | undefined;
  scoringUnitId?: string | null | undefined;
  dataSource?: string | undefined;
}

/** Refuses groups the scheme does not name and units of another region, before anything is written. */
async function checkIndicator(
  ctx: ServiceContext,
  scheme: Scheme,
  input: Partial<IndicatorInput>,
): Promise<void> {
  for (const g of input.groupCodes ?? [])
    if (!scheme.groups.some((x) => x.code === g)) throw fail('assessment.unknown_group', { group: g });
  const units = new Set((await listUnits(db(ctx), scheme.row.region_id)).map((u) => u.id));
  const named = [
    ...Object.keys(input.unitPoints ?? {}),
    ...Object.keys(input.unitTargets ?? {}),
    ...(input.scoringUnitId ? [input.scoringUnitId] : []),
  ];
  for (const id of named) if (!units.has(id)) throw fail('unit.unknown');
}

function indicatorRow(
  scheme: AssessmentSchemeRow,
  seq: number,
  input: IndicatorInput,
): Insertable<AssessmentIndicatorTable> {
  return {
    id: newId('asi'),
    region_id: scheme.region_id,
    scheme_id: scheme.id,
    seq,
    code: input.code,
    category: input.category,
    name: input.name,
    content: input.content ?? '',
    points: input.points,
    standard: input.standard ?? '',
    method: input.method,
    params: JSON.stringify(input.params ?? {}),
    auto_kind: input.autoKind ?? null,
    group_codes: JSON.stringify(input.groupCodes ?? []),
    unit_points: JSON.stringify(input.unitPoints ?? {}),
    unit_targets: JSON.stringify(input.unitTargets ?? {}),
    measure_unit: input.measureUnit ?? '',
    difficulty: input.difficulty ?? 1,
    cap: input.cap ?? null,
    scoring_unit_id: input.scoringUnitId ?? null,
    data_source: input.dataSource ?? '',
  };
}

export async function createScheme(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: SchemeInput,
): Promise<SchemeDetail> {
  demandRegion(actor, regionId);
  demand(assessmentPolicy.can(actor, 'manage', manageFacts(regionId)));
  const id = newId('asm');
  const row = {
    id,
    region_id: regionId,
    year: input.year,
    title: input.title,
    doc_no: input.docNo,
    base_score: input.baseScore ?? 100,
    groups: JSON.stringify(input.groups ?? DEFAULT_GROUPS),
    grade_bands: JSON.stringify(input.gradeBands ?? DEFAULT_GRADE_BANDS),
    vetoes: JSON.stringify(input.vetoes ?? []),
    created_at: nowIso(ctx),
  };
  const defaults = input.withDefaultIndicators === false ? [] : DEFAULT_INDICATORS;
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertScheme(trx, row);
    const full = { ...row, version: 1 };
    await insertIndicators(
      trx,
      defaults.map((d, i) => indicatorRow(full, i + 1, { ...d })),
    );
    await audit({
      regionId,
      action: 'assessment.scheme_create',
      entity: 'assessment_scheme',
      entityId: id,
      data: input,
    });
  });
  return schemeDetail(ctx, actor, id);
}

async function demandUnlocked(ctx: ServiceContext, schemeId: string): Promise<void> {
  if (await hasFinalizedRound(db(ctx), schemeId)) throw fail('assessment.scheme_locked');
}

export type SchemePatch = Partial<Omit<SchemeInput, 'year' | 'withDefaultIndicators'>>;

export async function updateScheme(
  ctx: ServiceContext,
  actor: Actor,
  schemeId: string,
  expectedVersion: number,
  patch: SchemePatch,
): Promise<SchemeDetail> {
  const row = await schemeFor(ctx, actor, schemeId);
  demand(assessmentPolicy.can(actor, 'manage', manageFacts(row.region_id)));
  await demandUnlocked(ctx, schemeId);
  await updateAudited(ctx, actor, {
    table: 'assessment_schemes',
    id: schemeId,
    expectedVersion,
    patch: definedFields({
      title: patch.title,
      doc_no: patch.docNo,
      base_score: patch.baseScore,
      groups: patch.groups && JSON.stringify(patch.groups),
      grade_bands: patch.gradeBands && JSON.stringify(patch.gradeBands),
      vetoes: patch.vetoes && JSON.stringify(patch.vetoes),
    }),
    read: getScheme,
    audit: {
      regionId: row.region_id,
      action: 'assessment.scheme_update',
      entity: 'assessment_scheme',
      entityId: schemeId,
      data: patch,
    },
  });
  return schemeDetail(ctx, actor, schemeId);
}

export async function addIndicator(
  ctx: ServiceContext,
  actor: Actor,
  schemeId: string,
  input: IndicatorInput,
): Promise<AssessmentIndicatorRow> {
  const row = await schemeFor(ctx, actor, schemeId);
  demand(assessmentPolicy.can(actor, 'manage', manageFacts(row.region_id)));
  await demandUnlocked(ctx, schemeId);
  await checkIndicator(ctx, schemeOf(row), input);
  const existing = await indicatorsOf(db(ctx), schemeId);
  if (existing.some((i) => i.code === input.code)) throw fail('assessment.code_taken', { code: input.code });
  const values = indicatorRow(row, await nextIndicatorSeq(db(ctx), schemeId), input);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertIndicators(trx, [values]);
    await audit({
      regionId: row.region_id,
      action: 'assessment.indicator_add',
      entity: 'assessment_scheme',
      entityId: schemeId,
      data: { indicatorId: values.id, ...input },
    });
  });
  return (await getIndicator(db(ctx), values.id))!;
}

export async function updateIndicator(
  ctx: ServiceContext,
  actor: Actor,
  indicatorId: string,
  expectedVersion: number,
  patch: Partial<IndicatorInput>,
): Promise<AssessmentIndicatorRow> {
  const current = await getIndicator(db(ctx), indicatorId);
  if (!current) throw fail('assessment.indicator_not_found');
  const row = await schemeFor(ctx, actor, current.scheme_id);
  demand(assessmentPolicy.can(actor, 'manage', manageFacts(row.region_id)));
  await demandUnlocked(ctx, row.id);
  await checkIndicator(ctx, schemeOf(row), patch);
  if (patch.code !== undefined && patch.code !== current.code) {
    const existing = await indicatorsOf(db(ctx), row.id);
    if (existing.some((i) => i.code === patch.code))
      throw fail('assessment.code_taken', { code: patch.code });
  }
  return updateAudited(ctx, actor, {
    table: 'assessment_indicators',
    id: indicatorId,
    expectedVersion,
    patch: definedFields({
      code: patch.code,
      category: patch.category,
      name: patch.name,
      content: patch.content,
      points: patch.points,
      standard: patch.standard,
      method: patch.method,
      params: patch.params && JSON.stringify(patch.params),
      auto_kind: patch.autoKind,
      group_codes: patch.groupCodes && JSON.stringify(patch.groupCodes),
      unit_points: patch.unitPoints && JSON.stringify(patch.unitPoints),
      unit_targets: patch.unitTargets && JSON.stringify(patch.unitTargets),
      measure_unit: patch.measureUnit,
      difficulty: patch.difficulty,
      cap: patch.cap,
      scoring_unit_id: patch.scoringUnitId,
      data_source: patch.dataSource,
    }),
    read: getIndicator,
    audit: {
      regionId: row.region_id,
      action: 'assessment.indicator_update',
      entity: 'assessment_scheme',
      entityId: row.id,
      data: { indicatorId, ...patch },
    },
  });
}

/** Opens a quarter's assessment: a sheet for every active unit that one of the scheme's groups takes. */
export async function openRound(
  ctx: ServiceContext,
  actor: Actor,
  schemeId: string,
  period: string,
): Promise<AssessmentRoundRow> {
  const row = await schemeFor(ctx, actor, schemeId);
  demand(assessmentPolicy.can(actor, 'manage', manageFacts(row.region_id)));
  if (!isPeriodKey(period) || cadenceOf(period) !== 'quarterly') throw fail('assessment.period_quarter');
  const rounds = await roundsOf(db(ctx), schemeId);
  if (rounds.some((r) => r.period === period)) throw fail('assessment.round_exists', { period });
  const scheme = schemeOf(row);
  const units = (await listUnits(db(ctx), row.region_id)).filter((u) => u.active === 1);
  const id = newId('asr');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertRound(trx, {
      id,
      region_id: row.region_id,
      scheme_id: schemeId,
      period,
      stage: 'self',
      publicity_until: null,
      finalized_at: null,
      created_at: nowIso(ctx),
    });
    const sheets = units.flatMap((u) => {
      const g = groupOf(u, scheme.groups);
      return g
        ? [{ id: newId('ass'), region_id: row.region_id, round_id: id, unit_id: u.id, group_code: g.code }]
        : [];
    });
    await insertSheets(trx, sheets);
    await audit({
      regionId: row.region_id,
      action: 'assessment.round_open',
      entity: 'assessment_round',
      entityId: id,
      data: { schemeId, period, units: sheets.length },
    });
  });
  return (await roundFor(ctx, actor, id)).round;
}
