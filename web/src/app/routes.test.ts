import { describe, expect, it } from 'vitest';
import { loadBattleMap, loadLedger, loadTask, routeLoaderFor } from './routes';

describe('route preloading', () => {
  it('maps paths to their route modules', () => {
    // The battle map is the region's home page, a chunk of its own like every page.
    expect(routeLoaderFor('/r/rgn_1')).toBe(loadBattleMap);
    expect(routeLoaderFor('/r/rgn_1/')).toBe(loadBattleMap);
    expect(routeLoaderFor('/r/rgn_1/ledger')).toBe(loadLedger);
    expect(routeLoaderFor('/r/rgn_1/tasks/t1')).toBe(loadTask);
    expect(routeLoaderFor('/login')).toBeUndefined();
  });
});
