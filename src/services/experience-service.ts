import { getArea } from '../db/repositories/area-repository.js';
import { listAttachments } from '../db/repositories/attachment-repository.js';
import {
  experiencesWithGrams,
  findAdoption,
  getExperience,
  insertAdoption,
  insertExperience,
  insertExperienceGrams,
  libraryFacets,
  listAcceptedExperiences,
  listAdoptions,
  listExperiences,
  type AdoptionRecord,
  type ExperienceRecord,
} from '../db/repositories/experience-repository.js';
import { newId } from '../db/ids.js';
import { getPlan } from '../db/repositories/plan-repository.js';
import type { AttachmentRow, ExperienceStatus } from '../db/schema.js';
import { gramsOf, gramsOfTerm, scoreOf, termsOf } from '../domain/experience-search.js';
import { demand, demandRegion, experienceFor, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { attachFile } from './attachments.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as experiencePolicy from './policies/experience.js';
import { inRegion, seesWholeRegion } from './policies/scope.js';
import { definedFields, updateRow } from './versioned-write.js';

export type { AdoptionRecord, AttachmentRow, ExperienceRecord };

export interface ExperienceInput {
  title: string;
  reason: string;
  measures: string;
  effects: string;
  abstract: string;
}

const factsOf = (e: ExperienceRecord): experiencePolicy.ExperienceFacts => ({
  regionId: e.region_id,
  unitId: e.unit_id,
  status: e.status,
});

const searchableText = (e: ExperienceInput) => ({
  title: e.title,
  body: [e.abstract, e.reason, e.measures, e.effects].join('\n'),
});

/** A region's own experiences: all for region-wide readers; a unit's own and the accepted otherwise. */
export async function experiencesOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: { status?: ExperienceStatus | undefined },
): Promise<ExperienceRecord[]> {
  demandRegion(actor, regionId);
  demand(experiencePolicy.can(actor, 'list', { regionId, unitId: null, status: 'proposed' }));
  const rows = await listExperiences(db(ctx), { regionId, ...(filter.status && { status: filter.status }) });
  return seesWholeRegion(actor) ? rows : rows.filter((e) => experiencePolicy.can(actor, 'read', factsOf(e)));
}

export interface ExperienceDetail {
  experience: ExperienceRecord;
  files: AttachmentRow[];
  adoptions: AdoptionRecord[];
}

/** An experience with its files and the adoptions the caller may see: the source region sees them all. */
export async function experienceDetail(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<ExperienceDetail> {
  const experience = await experienceFor(ctx, actor, id);
  const own = inRegion(actor, experience.region_id);
  const [files, adoptions] = await Promise.all([
    listAttachments(db(ctx), 'experience', id),
    listAdoptions(db(ctx), id, own ? undefined : (actor.regionId ?? undefined)),
  ]);
  return { experience, files, adoptions };
}

export async function proposeExperience(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: ExperienceInput,
): Promise<ExperienceRecord> {
  const task = await taskFor(ctx, actor, taskId);
  const unitId = task.lead_unit_id;
  demand(
    unitId !== null &&
      experiencePolicy.can(actor, 'propose', { regionId: task.region_id, unitId, status: 'proposed' }),
  );
  const [plan, area] = await Promise.all([
    getPlan(db(ctx), task.plan_id),
    task.area_id ? getArea(db(ctx), task.area_id) : undefined,
  ]);
  const id = newId('exp');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertExperience(trx, {
      id,
      region_id: task.region_id,
      unit_id: unitId!,
      task_id: taskId,
      ...input,
      area_title: area?.title ?? null,
      year: plan!.year,
      status: 'proposed',
      return_reason: null,
      decided_by: null,
      decided_at: null,
      created_by: actor.accountId,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId: task.region_id,
      action: 'experience.propose',
      entity: 'task',
      entityId: taskId,
      data: { experienceId: id, ...input },
    });
  });
  return (await getExperience(db(ctx), id))!;
}

/** The unit revises a proposal, or a returned one, which goes back to the office as proposed. */
export async function reviseExperience(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: Partial<ExperienceInput>,
): Promise<ExperienceRecord> {
  const experience = await experienceFor(ctx, actor, id);
  demand(experiencePolicy.can(actor, 'edit', { ...factsOf(experience), status: 'proposed' }));
  if (experience.status === 'accepted') throw fail('experience.not_in_hand');
  return write(ctx, actor, (scope) =>
    updateRow(scope, {
      table: 'experiences',
      id,
      expectedVersion,
      patch: { ...definedFields({ ...input }), status: 'proposed', return_reason: null },
      read: getExperience,
      audit: {
        regionId: experience.region_id,
        action: 'experience.revise',
        entity: 'task',
        entityId: experience.task_id,
        data: { experienceId: id, ...input },
      },
    }),
  );
}

export async function attachToExperience(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  filename: string,
  bytes: Buffer,
): Promise<AttachmentRow> {
  const experience = await experienceFor(ctx, actor, id);
  demand(experiencePolicy.can(actor, 'edit', { ...factsOf(experience), status: 'proposed' }));
  if (experience.status === 'accepted') throw fail('attachment.closed');
  return attachFile(ctx, actor, {
    regionId: experience.region_id,
    ownerKind: 'experience',
    ownerId: id,
    filename,
    bytes,
    audit: {
      action: 'experience.attach',
      entity: 'task',
      entityId: experience.task_id,
      data: { experienceId: id },
    },
  });
}

/**
 * The office's decision. Accepted, the experience enters the region's library, feeds the assessment
 * bonus, and becomes searchable from every region: its grams are indexed in the same transaction.
 */
export async function decideExperience(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  decision: { accept: true } | { accept: false; reason: string },
): Promise<ExperienceRecord> {
  const experience = await experienceFor(ctx, actor, id);
  demand(experiencePolicy.can(actor, 'decide', { ...factsOf(experience), status: 'proposed' }));
  if (experience.status !== 'proposed') throw fail('experience.decided');
  return write(ctx, actor, async (scope) => {
    const row = await updateRow(scope, {
      table: 'experiences',
      id,
      expectedVersion: expectedVersion ?? experience.version,
      patch: decision.accept
        ? { status: 'accepted', decided_by: actor.accountId, decided_at: nowIso(ctx), return_reason: null }
        : {
            status: 'returned',
            decided_by: actor.accountId,
            decided_at: nowIso(ctx),
            return_reason: decision.reason,
          },
      read: getExperience,
      audit: {
        regionId: experience.region_id,
        action: decision.accept ? 'experience.accept' : 'experience.return',
        entity: 'task',
        entityId: experience.task_id,
        data: { experienceId: id, ...decision },
      },
    });
    if (decision.accept) {
      const text = searchableText(row);
      await insertExperienceGrams(scope.trx, row.region_id, id, gramsOf(`${text.title}\n${text.body}`));
    }
    return row;
  });
}

export interface LibraryQuery {
  q?: string | undefined;
  regionId?: string | undefined;
  area?: string | undefined;
  year?: number | undefined;
}

const LIBRARY_LIMIT = 200;

/**
 * The library: accepted experiences of every region (and only those), searched by their words. Each term
 * narrows the candidates through the gram index; the exact test and the ranking are computed here, so
 * SQLite and PostgreSQL give the same answer in the same order.
 */
export async function searchLibrary(ctx: ServiceContext, actor: Actor, query: LibraryQuery) {
  // Every account of a region reads the library; the repository reads accepted rows only.
  demand(actor.regionId !== null || actor.role === 'admin');
  const terms = termsOf(query.q ?? '');
  let ids: string[] | undefined;
  for (const term of terms) {
    const found = await experiencesWithGrams(db(ctx), gramsOfTerm(term));
    ids = ids === undefined ? found : ids.filter((id) => found.includes(id));
    if (ids.length === 0) break;
  }
  const filter = {
    ...(query.regionId && { regionId: query.regionId }),
    ...(query.area && { areaTitle: query.area }),
    ...(query.year !== undefined && { year: query.year }),
  };
  const rows =
    ids && ids.length === 0 ? [] : await listAcceptedExperiences(db(ctx), { ...filter, ...(ids && { ids }) });
  const scored = rows
    .map((row) => ({ row, score: terms.length ? scoreOf(searchableText(row), terms) : 0 }))
    .filter((s) => terms.length === 0 || s.score > 0);
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.row.decided_at ?? '').localeCompare(a.row.decided_at ?? '') ||
      a.row.id.localeCompare(b.row.id),
  );
  return {
    terms,
    total: scored.length,
    items: scored.slice(0, LIBRARY_LIMIT).map((s) => s.row),
    facets: await libraryFacets(db(ctx)),
  };
}

/** Another region's office records that one of its tasks adopted an accepted experience (借鉴推广). */
export async function adoptExperience(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { taskId: string; note: string },
): Promise<ExperienceDetail> {
  const experience = await experienceFor(ctx, actor, id);
  demand(experiencePolicy.can(actor, 'adopt', factsOf(experience)));
  const task = await taskFor(ctx, actor, input.taskId);
  if (task.region_id === experience.region_id) throw fail('experience.own_region');
  demand(actor.role === 'admin' || task.region_id === actor.regionId);
  if (await findAdoption(db(ctx), id, task.id)) throw fail('experience.already_adopted');
  await write(ctx, actor, async ({ trx, audit }) => {
    const adoptionId = newId('adp');
    await insertAdoption(trx, {
      id: adoptionId,
      region_id: task.region_id,
      experience_id: id,
      source_region_id: experience.region_id,
      task_id: task.id,
      note: input.note,
      adopted_by: actor.accountId,
      adopted_at: nowIso(ctx),
    });
    await audit({
      regionId: task.region_id,
      action: 'experience.adopt',
      entity: 'task',
      entityId: task.id,
      data: { adoptionId, experienceId: id, sourceRegionId: experience.region_id, note: input.note },
    });
  });
  return experienceDetail(ctx, actor, id);
}
