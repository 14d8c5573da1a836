import { api, unwrap } from '../../api/client';

export function addInstruction(taskId: string, body: string) {
  return unwrap(
    api.POST('/api/tasks/{taskId}/instructions', { params: { path: { taskId } }, body: { body } }),
  );
}
