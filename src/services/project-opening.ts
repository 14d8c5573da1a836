import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import { insertProjectMilestones, insertStageMoves } from '../db/repositories/project-repository.js';
import type { Database, ProjectStage } from '../db/schema.js';
import { DEFAULT_PROJECT_MILESTONES } from '../domain/projects.js';

/**
 * What every new project starts with, however it is created (the form or a sheet): its first stage move
 * and the default roadmap, written in the creating transaction.
 */
export async function insertProjectOpening(
  trx: Kysely<Database>,
  opening: {
    regionId: string;
    projectId: string;
    stage: ProjectStage;
    movedOn: string;
    createdBy: string;
    createdAt: string;
  },
): Promise<void> {
  await insertStageMoves(trx, [
    {
      id: newId('psm'),
      region_id: opening.regionId,
      project_id: opening.projectId,
      from_stage: null,
      to_stage: opening.stage,
      moved_on: opening.movedOn,
      reason: '',
      created_by: opening.createdBy,
      created_at: opening.createdAt,
    },
  ]);
  await insertProjectMilestones(
    trx,
    DEFAULT_PROJECT_MILESTONES.map((name, seq) => ({
      id: newId('pms'),
      region_id: opening.regionId,
      project_id: opening.projectId,
      seq,
      name,
      due_date: null,
      done_date: null,
    })),
  );
}
