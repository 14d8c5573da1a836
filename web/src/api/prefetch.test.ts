import { afterEach, describe, expect, it, vi } from 'vitest';
import { withPrefetch } from './prefetch';

const answer = (status: number, body: unknown) => Promise.resolve({ status, body });

describe('withPrefetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses a prefetched success once, then asks again', async () => {
    vi.stubGlobal('window', { __tzPrefetch: { '/api/x': answer(200, { n: 1 }) } });
    const request = vi.fn(() => Promise.resolve({ n: 2 }));
    expect(await withPrefetch('/api/x', request)).toEqual({ n: 1 });
    expect(await withPrefetch('/api/x', request)).toEqual({ n: 2 });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('asks again instead of trusting a prefetched refusal', async () => {
    vi.stubGlobal('window', {
      __tzPrefetch: { '/api/x': answer(401, { error: { code: 'unauthenticated' } }) },
    });
    expect(await withPrefetch('/api/x', () => Promise.resolve('fresh'))).toBe('fresh');
  });

  it('works without any prefetch', async () => {
    vi.stubGlobal('window', {});
    expect(await withPrefetch('/api/x', () => Promise.resolve(3))).toBe(3);
  });
});
