import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { zh } from './messages.zh';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('translate every label, with the same placeholders in both languages', () => {
    for (const [key, chinese] of Object.entries(zh)) {
      const english = en[key as keyof typeof zh];
      expect(english, key).toBeTruthy();
      expect(placeholders(english), key).toEqual(placeholders(chinese));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(zh['ledger.count'], { n: 3, total: 10 })).toBe('显示 3 / 共 10 项');
    expect(translate('{a}{b}', { a: 1 })).toBe('1{b}');
  });
});
