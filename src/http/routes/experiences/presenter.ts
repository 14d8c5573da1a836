import type { Actor } from '../../../services/actor.js';
import type {
  AdoptionRecord,
  ExperienceDetail as Detail,
  ExperienceRecord,
} from '../../../services/experience-service.js';
import * as experiencePolicy from '../../../services/policies/experience.js';
import { presentAttachment } from '../attachments/presenter.js';
import type { Adoption, Experience, ExperienceDetail } from './schema.js';

export function presentExperience(e: ExperienceRecord, actor: Actor): Experience {
  return {
    id: e.id,
    regionId: e.region_id,
    regionName: e.region_name,
    unitId: e.unit_id,
    unitName: e.unit_name,
    taskId: e.task_id,
    taskCode: e.task_code,
    taskTitle: e.task_title,
    title: e.title,
    reason: e.reason,
    measures: e.measures,
    effects: e.effects,
    abstract: e.abstract,
    areaTitle: e.area_title,
    year: e.year,
    status: e.status,
    returnReason: e.return_reason,
    decidedAt: e.decided_at,
    createdAt: e.created_at,
    adoptionCount: e.adoption_count,
    version: e.version,
    can: experiencePolicy.actionsOn(actor, { regionId: e.region_id, unitId: e.unit_id, status: e.status }),
  };
}

function presentAdoption(a: AdoptionRecord): Adoption {
  return {
    id: a.id,
    regionId: a.region_id,
    regionName: a.region_name,
    taskId: a.task_id,
    taskCode: a.task_code,
    taskTitle: a.task_title,
    note: a.note,
    adoptedBy: a.adopted_by_name ?? a.adopted_by,
    adoptedAt: a.adopted_at,
  };
}

export function presentExperienceDetail(d: Detail, actor: Actor): ExperienceDetail {
  return {
    ...presentExperience(d.experience, actor),
    files: d.files.map(presentAttachment),
    adoptions: d.adoptions.map(presentAdoption),
  };
}
