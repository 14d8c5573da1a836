import { describe, expect, it } from 'vitest';
import { loadLedger, loadTask, routeLoaderFor } from './routes';

describe('route preloading', () => {
  it('maps paths to their route modules', () => {
    // The battle map is in the entry bundle: nothing to preload.
    expect(routeLoaderFor('/r/rgn_1')).toBeUndefined();
    expect(routeLoaderFor('/r/rgn_1/ledger')).toBe(loadLedger);
    expect(routeLoaderFor('/r/rgn_1/tasks/t1')).toBe(loadTask);
    expect(routeLoaderFor('/login')).toBeUndefined();
  });
});
