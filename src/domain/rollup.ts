// Roll-ups of task statuses and weighted progress for areas, plans, units and regions.

import { TASK_STATUSES, type TaskStatus } from './task-status.js';

export interface RollUpItem {
  status: TaskStatus;
  progress: number; // 0..100
  weight?: number; // default 1; tasks.weight in the database
}

export interface RollUp {
  total: number;
  counts: Record<TaskStatus, number>;
  /** Weighted mean progress, 0..100, one decimal. 0 when there is nothing (or no weight) to average. */
  progress: number;
  /** Sum of weights: lets roll-ups of roll-ups (region → province) stay exact via mergeRollUps. */
  weight: number;
  /** Unrounded Σ weight × progress, for the same reason. */
  weightedProgress: number;
}

export function emptyCounts(): Record<TaskStatus, number> {
  const counts = {} as Record<TaskStatus, number>;
  for (const s of TASK_STATUSES) counts[s] = 0;
  return counts;
}

/** How many of each status: of items carrying one, or of the statuses themselves. */
export function countStatuses(
  items: Iterable<{ status: TaskStatus } | TaskStatus>,
): Record<TaskStatus, number> {
  const counts = emptyCounts();
  for (const item of items) counts[typeof item === 'string' ? item : item.status]++;
  return counts;
}

function weightOf(item: RollUpItem): number {
  const w = item.weight ?? 1;
  // A negative or NaN weight would silently skew every figure above it; fail where the bad row is.
  if (!Number.isFinite(w) || w < 0) throw new RangeError(`invalid task weight: ${w}`);
  return w;
}

function progressOf(item: RollUpItem): number {
  // Accepted as completed means the whole task is done, whatever percent the last report carried.
  if (item.status === 'done') return 100;
  const p = item.progress;
  return Number.isNaN(p) ? 0 : Math.min(100, Math.max(0, p));
}

function finish(
  total: number,
  counts: Record<TaskStatus, number>,
  weight: number,
  weightedProgress: number,
): RollUp {
  const progress = weight > 0 ? Math.round((weightedProgress / weight) * 10) / 10 : 0;
  return { total, counts, progress, weight, weightedProgress };
}

class Accumulator {
  total = 0;
  counts = emptyCounts();
  weight = 0;
  weightedProgress = 0;

  add(item: RollUpItem): void {
    const w = weightOf(item);
    this.total++;
    this.counts[item.status]++;
    this.weight += w;
    this.weightedProgress += w * progressOf(item);
  }

  result(): RollUp {
    return finish(this.total, { ...this.counts }, this.weight, this.weightedProgress);
  }
}

export function rollUp(items: Iterable<RollUpItem>): RollUp {
  const acc = new Accumulator();
  for (const item of items) acc.add(item);
  return acc.result();
}

/** One roll-up per key, in first-seen order of the keys. */
export function groupRollUp<K, T extends RollUpItem = RollUpItem>(
  items: Iterable<T>,
  keyOf: (item: T) => K,
): Map<K, RollUp> {
  // Written out rather than through groupRollUpMany: a battle map groups every task three ways on each
  // rebuild, and a set per task and grouping was most of that.
  const groups = new Map<K, Accumulator>();
  for (const item of items) addTo(groups, keyOf(item), item);
  return results(groups);
}

function addTo<K>(groups: Map<K, Accumulator>, key: K, item: RollUpItem): void {
  let acc = groups.get(key);
  if (acc === undefined) {
    acc = new Accumulator();
    groups.set(key, acc);
  }
  acc.add(item);
}

function results<K>(groups: ReadonlyMap<K, Accumulator>): Map<K, RollUp> {
  const out = new Map<K, RollUp>();
  for (const [key, acc] of groups) out.set(key, acc.result());
  return out;
}

/**
 * Like groupRollUp, but an item may count in several groups (a task under its lead unit and every
 * co-unit). Duplicate keys for one item count it once.
 */
export function groupRollUpMany<K, T extends RollUpItem = RollUpItem>(
  items: Iterable<T>,
  keysOf: (item: T) => Iterable<K>,
): Map<K, RollUp> {
  const groups = new Map<K, Accumulator>();
  for (const item of items) for (const key of new Set(keysOf(item))) addTo(groups, key, item);
  return results(groups);
}

/** Combines roll-ups of disjoint sets of tasks as if rolled up together. */
export function mergeRollUps(parts: Iterable<RollUp>): RollUp {
  let total = 0;
  let weight = 0;
  let weightedProgress = 0;
  const counts = emptyCounts();
  for (const p of parts) {
    total += p.total;
    weight += p.weight;
    weightedProgress += p.weightedProgress;
    for (const s of TASK_STATUSES) counts[s] += p.counts[s];
  }
  return finish(total, counts, weight, weightedProgress);
}
