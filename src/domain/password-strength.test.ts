import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength.js';

describe('passwordWeakness', () => {
  it.each([
    ['123456', 'password.too_short'],
    ['a123456', 'password.too_short'],
    ['woaini1314', 'password.too_common'],
    ['qwerty123', 'password.too_short'],
    ['password', 'password.too_short'],
    ['88888888', 'password.too_short'],
    ['Password123', 'password.too_common'],
    ['1234567890', 'password.too_common'],
    ['zzzzzzzzzzzz', 'password.too_common'],
    ['改革办密码', 'password.too_short'],
    ['correct-horse-battery', null],
    ['二〇二六年改革任务台账', null],
  ] as const)('%s → %s', (password, expected) => {
    expect(passwordWeakness(password)).toBe(expected);
  });

  it('refuses a password that contains the username', () => {
    expect(passwordWeakness('a.office2026!', 'a.office')).toBe('password.too_common');
    expect(passwordWeakness('a.office2026!', 'a.leader')).toBeNull();
  });
});
