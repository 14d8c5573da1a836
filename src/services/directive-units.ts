// The units a directive or a meeting's decision is handed to, checked the way a task's are: units of the
// region, active, and the lead unit not also named as co-operating.
import { unitsById } from '../db/repositories/unit-repository.js';
import { db, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as unitPolicy from './policies/unit.js';

export async function checkAssignedUnits(
  ctx: ServiceContext,
  regionId: string,
  leadUnitId: string,
  coUnitIds: readonly string[],
): Promise<void> {
  const units = await unitsById(db(ctx), regionId);
  const chosen: [string, string][] = [
    [leadUnitId, 'leadUnitId'],
    ...coUnitIds.map((id): [string, string] => [id, 'coUnitIds']),
  ];
  for (const [unitId, field] of chosen) {
    const unit = units.get(unitId);
    if (!unit) throw fail('unit.unknown', {}, { field, unitId });
    if (!unitPolicy.mayTakeNewTasks(unit))
      throw fail('unit.inactive', { name: unit.name }, { field, unitId });
  }
  if (coUnitIds.includes(leadUnitId)) throw fail('directive.lead_also_co', {}, { field: 'coUnitIds' });
}
