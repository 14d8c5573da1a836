// 位次 in a bulletin's 附件3: where the region stands on an indicator among the regions that share its
// parent (the districts of one city), as a city's monthly 指标通报 ranks its districts. Pure.

/** Shown when there is nothing to rank against: no parent region, or no sibling with the same indicator. */
export const NO_PEERS = '无可比';

export interface PeerFigure {
  regionId: string;
  /** The figure compared: completion of the year's value in %, or the rate itself for growth and shares. */
  value: number;
}

/**
 * The region's place among the peers with a figure for the same indicator, "N/M" (N-th of M), ties
 * sharing the better place. Lower is better for a target that counts down (以内). Fewer than two figures,
 * or none of the region's own: nothing to rank.
 */
export function peerRank(regionId: string, figures: readonly PeerFigure[], lowerIsBetter: boolean): string {
  const own = figures.find((f) => f.regionId === regionId);
  const usable = figures.filter((f) => Number.isFinite(f.value));
  if (!own || !Number.isFinite(own.value) || usable.length < 2) return NO_PEERS;
  const better = usable.filter((f) => (lowerIsBetter ? f.value < own.value : f.value > own.value)).length;
  return `${better + 1}/${usable.length}`;
}
