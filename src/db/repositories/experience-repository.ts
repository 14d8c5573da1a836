import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  ExperienceAdoptionTable,
  ExperienceRow,
  ExperienceStatus,
  ExperienceTable,
} from '../schema.js';
import { inBatches } from './batches.js';

/** An experience as read back: with its region's, unit's and task's names and how often it was adopted. */
export type ExperienceRecord = ExperienceRow & {
  region_name: string;
  unit_name: string;
  task_code: string;
  task_title: string;
  adoption_count: number;
};

function records(db: Kysely<Database>) {
  return db
    .selectFrom('experiences')
    .innerJoin('regions', 'regions.id', 'experiences.region_id')
    .innerJoin('units', 'units.id', 'experiences.unit_id')
    .innerJoin('tasks', 'tasks.id', 'experiences.task_id')
    .selectAll('experiences')
    .select((eb) => [
      'regions.name as region_name',
      'units.name as unit_name',
      'tasks.code as task_code',
      'tasks.title as task_title',
      eb
        .selectFrom('experience_adoptions')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('experience_adoptions.experience_id', '=', 'experiences.id')
        .as('adoption_count'),
    ]);
}

/** PostgreSQL answers count(*) as a bigint string; both dialects give the caller a number. */
function counted<T extends { adoption_count: unknown }>(row: T): T & { adoption_count: number } {
  return { ...row, adoption_count: Number(row.adoption_count ?? 0) };
}

export async function insertExperience(
  db: Kysely<Database>,
  row: Insertable<ExperienceTable>,
): Promise<void> {
  await db.insertInto('experiences').values(row).execute();
}

export async function getExperience(db: Kysely<Database>, id: string): Promise<ExperienceRecord | undefined> {
  const row = await records(db).where('experiences.id', '=', id).executeTakeFirst();
  return row && counted(row);
}

export async function listExperiences(
  db: Kysely<Database>,
  filter: { regionId: string; unitId?: string; status?: ExperienceStatus },
): Promise<ExperienceRecord[]> {
  let q = records(db).where('experiences.region_id', '=', filter.regionId);
  if (filter.unitId) q = q.where('experiences.unit_id', '=', filter.unitId);
  if (filter.status) q = q.where('experiences.status', '=', filter.status);
  const rows = await q.orderBy('experiences.created_at', 'desc').limit(500).execute();
  return rows.map(counted);
}

export interface LibraryFilter {
  regionId?: string;
  areaTitle?: string;
  year?: number;
  /** Only these experiences (the candidates of a search); undefined: all. */
  ids?: readonly string[];
}

const LIBRARY_PAGE = 200;

/** Accepted experiences of every region, newest acceptance first: the library across the tenant wall. */
export async function listAcceptedExperiences(
  db: Kysely<Database>,
  filter: LibraryFilter,
): Promise<ExperienceRecord[]> {
  const query = (ids?: readonly string[]) => {
    let q = records(db).where('experiences.status', '=', 'accepted');
    if (filter.regionId) q = q.where('experiences.region_id', '=', filter.regionId);
    if (filter.areaTitle) q = q.where('experiences.area_title', '=', filter.areaTitle);
    if (filter.year !== undefined) q = q.where('experiences.year', '=', filter.year);
    if (ids) q = q.where('experiences.id', 'in', ids);
    return q
      .orderBy('experiences.decided_at', 'desc')
      .orderBy('experiences.id')
      .limit(LIBRARY_PAGE * 5);
  };
  if (!filter.ids) return (await query().execute()).map(counted);
  const out: ExperienceRecord[] = [];
  await inBatches(filter.ids, async (slice) => {
    for (const row of await query(slice).execute()) out.push(counted(row));
  });
  return out;
}

/** Which accepted experiences hold every one of these grams: a term's candidates. */
export async function experiencesWithGrams(
  db: Kysely<Database>,
  grams: readonly string[],
): Promise<string[]> {
  if (grams.length === 0) return [];
  const rows = await db
    .selectFrom('experience_grams')
    .select('experience_id')
    .where('gram', 'in', grams)
    .groupBy('experience_id')
    .having((eb) => eb.fn.count('gram').distinct(), '=', grams.length)
    .execute();
  return rows.map((r) => r.experience_id);
}

export async function insertExperienceGrams(
  db: Kysely<Database>,
  regionId: string,
  experienceId: string,
  grams: Iterable<string>,
): Promise<void> {
  const rows = [...grams].map((gram) => ({ region_id: regionId, experience_id: experienceId, gram }));
  await inBatches(rows, (slice) => db.insertInto('experience_grams').values(slice).execute());
}

/** The values the library's filters offer: regions with accepted experiences, area titles, years. */
export async function libraryFacets(db: Kysely<Database>) {
  const accepted = db.selectFrom('experiences').where('experiences.status', '=', 'accepted');
  const [regions, areas, years] = await Promise.all([
    accepted
      .innerJoin('regions', 'regions.id', 'experiences.region_id')
      .select(['regions.id as id', 'regions.name as name'])
      .distinct()
      .orderBy('regions.name')
      .execute(),
    accepted
      .select('experiences.area_title as title')
      .distinct()
      .where('experiences.area_title', 'is not', null)
      .orderBy('experiences.area_title')
      .execute(),
    accepted.select('experiences.year as year').distinct().orderBy('experiences.year', 'desc').execute(),
  ]);
  return {
    regions,
    areaTitles: areas.map((a) => a.title).filter((t): t is string => t !== null),
    years: years.map((y) => y.year),
  };
}

export async function insertAdoption(
  db: Kysely<Database>,
  row: Insertable<ExperienceAdoptionTable>,
): Promise<void> {
  await db.insertInto('experience_adoptions').values(row).execute();
}

export function findAdoption(db: Kysely<Database>, experienceId: string, taskId: string) {
  return db
    .selectFrom('experience_adoptions')
    .select('id')
    .where('experience_id', '=', experienceId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
}

/**
 * The adoptions of an experience with who, when and on which task: all of them for the source region,
 * or those of one adopting region (regionId) for anyone else.
 */
export function listAdoptions(db: Kysely<Database>, experienceId: string, regionId?: string) {
  let q = db
    .selectFrom('experience_adoptions')
    .innerJoin('regions', 'regions.id', 'experience_adoptions.region_id')
    .leftJoin('accounts', 'accounts.id', 'experience_adoptions.adopted_by')
    .innerJoin('tasks', 'tasks.id', 'experience_adoptions.task_id')
    .selectAll('experience_adoptions')
    .select([
      'regions.name as region_name',
      'accounts.display_name as adopted_by_name',
      'tasks.code as task_code',
      'tasks.title as task_title',
    ])
    .where('experience_adoptions.experience_id', '=', experienceId);
  if (regionId) q = q.where('experience_adoptions.region_id', '=', regionId);
  return q.orderBy('experience_adoptions.adopted_at').orderBy('experience_adoptions.id').execute();
}

export type AdoptionRecord = Awaited<ReturnType<typeof listAdoptions>>[number];

export interface AcceptedExperience {
  unitId: string;
  experienceId: string;
  acceptedAt: string;
}

/**
 * The experiences a region's office accepted in [from, to] (ISO instants or dates, both ends included
 * by day), for the assessment's bonus (+2 each, at most +6): the unit that proposed each, and when.
 */
export async function listAcceptedExperiencesForAssessment(
  db: Kysely<Database>,
  regionId: string,
  from: string,
  to: string,
): Promise<AcceptedExperience[]> {
  // A date `to` covers its whole day: every instant of it sorts before the next day's date text.
  const before = /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T99` : to;
  const rows = await db
    .selectFrom('experiences')
    .select(['unit_id', 'id', 'decided_at'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'accepted')
    .where('decided_at', '>=', from)
    .where('decided_at', '<=', before)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, experienceId: r.id, acceptedAt: r.decided_at! }));
}

/** The experiences a region's office accepted in [from, to] (dates, both included), oldest first: the bulletin's. */
export function acceptedExperiencesBetween(
  db: Kysely<Database>,
  regionId: string,
  from: string,
  to: string,
): Promise<{ title: string; unit_id: string; unit_name: string }[]> {
  return (
    db
      .selectFrom('experiences')
      .innerJoin('units', 'units.id', 'experiences.unit_id')
      .select(['experiences.title', 'experiences.unit_id', 'units.name as unit_name'])
      .where('experiences.region_id', '=', regionId)
      .where('experiences.status', '=', 'accepted')
      .where('experiences.decided_at', '>=', from)
      // A date `to` covers its whole day: every instant of it sorts before this text.
      .where('experiences.decided_at', '<=', `${to}T99`)
      .orderBy('experiences.decided_at')
      .orderBy('experiences.id')
      .execute()
  );
}
