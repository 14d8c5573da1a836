/**
 * Tasks form a tree: a district task split to towns hangs its parts under it (`parent_task_id`). A task's
 * parent must not be the task itself nor any task below it, or roll-ups and the tree view would loop.
 */

/**
 * Whether hanging `taskId` under the first task of `parentChain` would close a loop. `parentChain` is the
 * proposed parent followed by its ancestors, nearest first, as the repository reads them.
 */
export function wouldCycle(taskId: string, parentChain: readonly string[]): boolean {
  return parentChain.includes(taskId);
}
