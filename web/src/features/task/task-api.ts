import { api, ifMatch, unwrap } from '../../api/client';
import type { Milestone, Plan, TaskDetail, TaskSummary, Unit } from '../../api/types';
import type { TaskPatch } from './task-edit';

export function getTask(taskId: string): Promise<TaskDetail> {
  return unwrap(api.GET('/api/tasks/{taskId}', { params: { path: { taskId } } }));
}

/** Every task of these plans the account may see; the server decides which tasks a unit sees. */
export async function tasksOfPlans(plans: readonly Plan[]): Promise<TaskSummary[]> {
  const parts = await Promise.all(
    plans.map((plan) =>
      unwrap(api.GET('/api/plans/{planId}/tasks', { params: { path: { planId: plan.id } } })),
    ),
  );
  return parts.flat();
}

export function updateTask(taskId: string, version: number, patch: TaskPatch): Promise<TaskSummary> {
  return unwrap(
    api.PATCH('/api/tasks/{taskId}', {
      params: { path: { taskId } },
      headers: ifMatch(version),
      body: patch,
    }),
  );
}

export function regionUnits(regionId: string): Promise<Unit[]> {
  return unwrap(api.GET('/api/regions/{regionId}/units', { params: { path: { regionId } } }));
}

export function addMilestone(taskId: string, title: string, dueDate: string): Promise<Milestone> {
  return unwrap(
    api.POST('/api/tasks/{taskId}/milestones', { params: { path: { taskId } }, body: { title, dueDate } }),
  );
}

export function markMilestoneDone(
  milestone: Pick<Milestone, 'id' | 'version'>,
  doneDate: string,
): Promise<Milestone> {
  return unwrap(
    api.PATCH('/api/milestones/{id}', {
      params: { path: { id: milestone.id } },
      headers: ifMatch(milestone.version),
      body: { doneDate },
    }),
  );
}
