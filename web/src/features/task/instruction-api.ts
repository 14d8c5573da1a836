import { api, ifMatch, unwrap } from '../../api/client';

export interface InstructionInput {
  body: string;
  /** The unit asked to act; the task's lead unit when left out. */
  unitId?: string;
  workingDays?: number;
}

export function addInstruction(taskId: string, input: InstructionInput) {
  return unwrap(api.POST('/api/tasks/{taskId}/instructions', { params: { path: { taskId } }, body: input }));
}

/** The instructions waiting for the signed-in unit's reply, for the 工作台 inbox. */
export function openInstructions(regionId: string) {
  return unwrap(
    api.GET('/api/regions/{regionId}/instructions', {
      params: { path: { regionId }, query: { open: 'true' } },
    }),
  );
}

export function replyToInstruction(id: string, version: number, reply: string) {
  return unwrap(
    api.POST('/api/instructions/{id}/reply', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { reply },
    }),
  );
}
