import { describe, expect, it } from 'vitest';
import { requestHash } from './request-hash.js';

describe('requestHash', () => {
  it('is the same for the same request whatever the order of its fields', () => {
    expect(requestHash('r', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestHash('r', { b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });
  it('differs when a value, a field or the route differs', () => {
    const base = requestHash('r', { a: 1 });
    expect(requestHash('r', { a: 2 })).not.toBe(base);
    expect(requestHash('r', { a: 1, b: 0 })).not.toBe(base);
    expect(requestHash('s', { a: 1 })).not.toBe(base);
    expect(requestHash('r', { a: '1' })).not.toBe(base);
  });
});
