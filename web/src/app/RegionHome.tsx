import { lazy } from 'react';
import { useRegion } from './region';
import { loadBattleMap, loadRollup } from './routes';

const BattleMapPage = lazy(() => loadBattleMap().then((m) => ({ default: m.BattleMapPage })));
const RollupPage = lazy(() => loadRollup().then((m) => ({ default: m.RollupPage })));

/**
 * A region's home: its battle map, or, for a region with regions below it (a city, a province), the roll-up
 * of those regions, from which each one's own pages open. The region list the account sees names the
 * regions below it, so no extra request decides.
 */
export function RegionHome() {
  const { regionId, regions } = useRegion();
  const hasBelow = regions.some((r) => r.parentId === regionId);
  return hasBelow ? <RollupPage /> : <BattleMapPage />;
}
