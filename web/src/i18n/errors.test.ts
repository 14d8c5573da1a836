import { describe, expect, it } from 'vitest';
import { REASONS } from '../../../src/services/errors';
import { errorsEn } from './errors.en';
import { errorsZh } from './errors.zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error reasons', () => {
  it('word every reason the server sends, in both languages', () => {
    expect(Object.keys(errorsZh).sort()).toEqual(Object.keys(REASONS).sort());
    expect(Object.keys(errorsEn).sort()).toEqual(Object.keys(REASONS).sort());
  });

  it('use the parameters the server fills', () => {
    for (const [reason, spec] of Object.entries(REASONS)) {
      const key = reason as keyof typeof errorsZh;
      expect(placeholders(errorsZh[key]), reason).toEqual(placeholders(spec.zh));
      expect(placeholders(errorsEn[key]), reason).toEqual(placeholders(spec.zh));
    }
  });
});
