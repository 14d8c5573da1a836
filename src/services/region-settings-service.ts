import { getRegion } from '../db/repositories/region-repository.js';
import { directiveDaysOf, MAX_DIRECTIVE_DAYS, type DirectiveCheckpointKind } from '../domain/directives.js';
import type { ProjectStage } from '../domain/projects.js';
import {
  MAX_STAGE_LABEL,
  projectReportDueDayOf,
  settingsProblem,
  stageLabelsOf,
  withProjectSettings,
  type ProjectSettingsInput,
} from '../domain/region-settings.js';
import { demand, regionFor } from './access.js';
import type { Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as regionPolicy from './policies/region.js';
import { updateAudited } from './versioned-write.js';

export type { ProjectSettingsInput };

/** The rules a region's office sets for key projects and directives, as they apply now. */
export interface RegionSettings {
  regionId: string;
  projectReportDueDay: number;
  projectStageLabels: Record<ProjectStage, string>;
  directiveDays: Record<DirectiveCheckpointKind, number>;
  version: number;
  can: { edit: boolean };
}

function settingsOf(actor: Actor, region: { id: string; settings: string; version: number }): RegionSettings {
  return {
    regionId: region.id,
    projectReportDueDay: projectReportDueDayOf(region.settings),
    projectStageLabels: { ...stageLabelsOf(region.settings) },
    directiveDays: directiveDaysOf(region.settings),
    version: region.version,
    can: { edit: regionPolicy.can(actor, 'configure', region) },
  };
}

/** Everyone in the region reads its settings: the stage names and due day show on every project page. */
export async function regionSettings(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<RegionSettings> {
  const region = await regionFor(ctx, actor, regionId);
  demand(regionPolicy.can(actor, 'read', region), 'access.other_region');
  return settingsOf(actor, region);
}

/** The office saves the region's settings; every key it does not set here is kept as it was. */
export async function updateRegionSettings(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  expectedVersion: number,
  input: ProjectSettingsInput,
): Promise<RegionSettings> {
  const region = await regionFor(ctx, actor, regionId);
  demand(regionPolicy.can(actor, 'configure', region));
  const problem = settingsProblem(input, MAX_DIRECTIVE_DAYS);
  if (problem)
    throw fail(
      problem.reason,
      { max: problem.reason.startsWith('settings.directive') ? MAX_DIRECTIVE_DAYS : MAX_STAGE_LABEL },
      {
        field: problem.field,
      },
    );
  return updateAudited(ctx, actor, {
    table: 'regions',
    id: regionId,
    expectedVersion,
    patch: { settings: withProjectSettings(region.settings, input) },
    // The 412 answer and the result alike are the settings as a GET shows them, never the raw JSON.
    read: async (k, id) => {
      const row = await getRegion(k, id);
      return row && settingsOf(actor, row);
    },
    audit: { regionId, action: 'region.settings', entity: 'region', entityId: regionId, data: input },
  });
}
