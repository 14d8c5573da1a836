import { api, unwrap } from '../../api/client';
import type { TaskSummary } from '../../api/types';

export interface NewSubTask {
  parentTaskId: string;
  areaId: string | null;
  code: string;
  title: string;
  leadUnitId: string;
  dueDate: string | null;
}

/** A part of a task given to one unit (a district task split to a town), in the parent's plan. */
export function createSubTask(planId: string, sub: NewSubTask): Promise<TaskSummary> {
  const { code, ...rest } = sub;
  return unwrap(
    api.POST('/api/plans/{planId}/tasks', {
      params: { path: { planId } },
      body: { ...rest, ...(code ? { code } : {}) },
    }),
  );
}
