import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { createTask } from '../../src/services/task-service.js';
import { uniqueName } from './http.js';
import type { World } from './world.js';

/** The world's current reporting period on its TODAY (2026-06-15): open, and owed by every task. */
export const CURRENT_PERIOD = '2026-06';

/**
 * A fresh task of the world's plan, led by `leadUnitId` (the education bureau by default, with the
 * development bureau co-operating, as the matrix's subject task): a report target of its own, since a
 * task takes one report per period and only its plan's open periods.
 */
export async function freshReportTask(
  w: World,
  leadUnitId: string = w.units.dept2,
  coUnitIds: readonly string[] = [w.units.dept1],
): Promise<string> {
  const task = await createTask(w.ctx, SYSTEM_ACTOR, w.planId, {
    title: uniqueName('报送用任务'),
    leadUnitId,
    coUnitIds: [...coUnitIds],
  });
  return task.id;
}
