import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  AssessmentAdjustmentRow,
  AssessmentAdjustmentTable,
  AssessmentCorrectionRow,
  AssessmentCorrectionTable,
  AssessmentIndicatorRow,
  AssessmentObjectionRow,
  AssessmentObjectionTable,
  AssessmentRoundRow,
  AssessmentRoundTable,
  AssessmentSchemeRow,
  AssessmentSchemeTable,
  AssessmentScoreRow,
  AssessmentScoreTable,
  AssessmentSheetRow,
  Database,
} from '../schema.js';
import { insertsInBatches } from './batches.js';

// ---- schemes and indicators ----

export async function insertScheme(
  db: Kysely<Database>,
  row: Insertable<AssessmentSchemeTable>,
): Promise<void> {
  await db.insertInto('assessment_schemes').values(row).execute();
}

export function getScheme(db: Kysely<Database>, id: string): Promise<AssessmentSchemeRow | undefined> {
  return db.selectFrom('assessment_schemes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSchemes(db: Kysely<Database>, regionId: string): Promise<AssessmentSchemeRow[]> {
  return db
    .selectFrom('assessment_schemes')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export const insertIndicators = insertsInBatches('assessment_indicators');

export function getIndicator(db: Kysely<Database>, id: string): Promise<AssessmentIndicatorRow | undefined> {
  return db.selectFrom('assessment_indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export function indicatorsOf(db: Kysely<Database>, schemeId: string): Promise<AssessmentIndicatorRow[]> {
  return db
    .selectFrom('assessment_indicators')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('seq')
    .execute();
}

export async function nextIndicatorSeq(db: Kysely<Database>, schemeId: string): Promise<number> {
  const row = await db
    .selectFrom('assessment_indicators')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('scheme_id', '=', schemeId)
    .executeTakeFirst();
  return (row?.seq ?? 0) + 1;
}

// ---- rounds, sheets and scores ----

export async function insertRound(
  db: Kysely<Database>,
  row: Insertable<AssessmentRoundTable>,
): Promise<void> {
  await db.insertInto('assessment_rounds').values(row).execute();
}

export function getRound(db: Kysely<Database>, id: string): Promise<AssessmentRoundRow | undefined> {
  return db.selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function roundsOf(db: Kysely<Database>, schemeId: string): Promise<AssessmentRoundRow[]> {
  return db
    .selectFrom('assessment_rounds')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('period', 'desc')
    .execute();
}

/** Whether a scheme has a round that reached 定等次: such a scheme is locked. */
export async function hasFinalizedRound(db: Kysely<Database>, schemeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assessment_rounds')
    .select('id')
    .where('scheme_id', '=', schemeId)
    .where('stage', '=', 'finalized')
    .executeTakeFirst();
  return row !== undefined;
}

export const insertSheets = insertsInBatches('assessment_sheets');

export function sheetsOf(db: Kysely<Database>, roundId: string): Promise<AssessmentSheetRow[]> {
  return db.selectFrom('assessment_sheets').selectAll().where('round_id', '=', roundId).execute();
}

export function sheetOf(
  db: Kysely<Database>,
  roundId: string,
  unitId: string,
): Promise<AssessmentSheetRow | undefined> {
  return db
    .selectFrom('assessment_sheets')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export function getSheet(db: Kysely<Database>, id: string): Promise<AssessmentSheetRow | undefined> {
  return db.selectFrom('assessment_sheets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every score row of a round, one query for the whole table. */
export function scoresOfRound(
  db: Kysely<Database>,
  roundId: string,
): Promise<(AssessmentScoreRow & { unit_id: string })[]> {
  return db
    .selectFrom('assessment_scores')
    .innerJoin('assessment_sheets', 'assessment_sheets.id', 'assessment_scores.sheet_id')
    .selectAll('assessment_scores')
    .select('assessment_sheets.unit_id')
    .where('assessment_sheets.round_id', '=', roundId)
    .execute();
}

export function getScore(db: Kysely<Database>, id: string): Promise<AssessmentScoreRow | undefined> {
  return db.selectFrom('assessment_scores').selectAll().where('id', '=', id).executeTakeFirst();
}

export function scoresOfSheet(db: Kysely<Database>, sheetId: string): Promise<AssessmentScoreRow[]> {
  return db.selectFrom('assessment_scores').selectAll().where('sheet_id', '=', sheetId).execute();
}

type ScoreColumns = Omit<
  AssessmentScoreTable,
  'id' | 'region_id' | 'sheet_id' | 'indicator_id' | 'updated_by' | 'updated_at'
>;

/** A cell's scores start empty: a stage fills its own columns, the others stay null until theirs. */
const EMPTY_SCORES: ScoreColumns = {
  actual: null,
  self_score: null,
  self_basis: null,
  first_score: null,
  first_basis: null,
  final_score: null,
  final_basis: null,
};

export async function insertScore(
  db: Kysely<Database>,
  row: Omit<AssessmentScoreTable, keyof ScoreColumns> & Partial<ScoreColumns>,
): Promise<void> {
  await db
    .insertInto('assessment_scores')
    .values({ ...EMPTY_SCORES, ...row })
    .execute();
}

export async function updateScore(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<AssessmentScoreTable>,
): Promise<void> {
  await db.updateTable('assessment_scores').set(patch).where('id', '=', id).execute();
}

// ---- bonus/deduction items, objections, corrections ----

export async function insertAdjustment(
  db: Kysely<Database>,
  row: Insertable<AssessmentAdjustmentTable>,
): Promise<void> {
  await db.insertInto('assessment_adjustments').values(row).execute();
}

export function getAdjustment(
  db: Kysely<Database>,
  id: string,
): Promise<AssessmentAdjustmentRow | undefined> {
  return db.selectFrom('assessment_adjustments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function adjustmentsOf(db: Kysely<Database>, roundId: string): Promise<AssessmentAdjustmentRow[]> {
  return db
    .selectFrom('assessment_adjustments')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('proposed_at')
    .execute();
}

export async function insertObjection(
  db: Kysely<Database>,
  row: Insertable<AssessmentObjectionTable>,
): Promise<void> {
  await db.insertInto('assessment_objections').values(row).execute();
}

export function getObjection(db: Kysely<Database>, id: string): Promise<AssessmentObjectionRow | undefined> {
  return db.selectFrom('assessment_objections').selectAll().where('id', '=', id).executeTakeFirst();
}

export function objectionsOf(db: Kysely<Database>, roundId: string): Promise<AssessmentObjectionRow[]> {
  return db
    .selectFrom('assessment_objections')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .execute();
}

export async function insertCorrection(
  db: Kysely<Database>,
  row: Insertable<AssessmentCorrectionTable>,
): Promise<void> {
  await db.insertInto('assessment_corrections').values(row).execute();
}

/** A round's recorded corrections, oldest first, each with the name of the person who made it. */
export function correctionsOf(
  db: Kysely<Database>,
  roundId: string,
): Promise<(AssessmentCorrectionRow & { corrected_by_name: string })[]> {
  return db
    .selectFrom('assessment_corrections')
    .innerJoin('accounts', 'accounts.id', 'assessment_corrections.corrected_by')
    .selectAll('assessment_corrections')
    .select('accounts.display_name as corrected_by_name')
    .where('assessment_corrections.round_id', '=', roundId)
    .orderBy('assessment_corrections.corrected_at')
    .orderBy('assessment_corrections.id')
    .execute();
}

/** A region's rounds of one period with their schemes, the latest scheme first (the bulletin's ranking). */
export async function roundsOfPeriod(
  db: Kysely<Database>,
  regionId: string,
  period: string,
): Promise<{ round: AssessmentRoundRow; scheme: AssessmentSchemeRow }[]> {
  const rounds = await db
    .selectFrom('assessment_rounds')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('period', '=', period)
    .execute();
  if (rounds.length === 0) return [];
  const schemes = await db
    .selectFrom('assessment_schemes')
    .selectAll()
    .where(
      'id',
      'in',
      rounds.map((r) => r.scheme_id),
    )
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return schemes.flatMap((scheme) =>
    rounds.filter((r) => r.scheme_id === scheme.id).map((round) => ({ round, scheme })),
  );
}
