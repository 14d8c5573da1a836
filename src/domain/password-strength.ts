import { COMMON_PASSWORDS } from './common-passwords.js';

/** The shortest password any account may be given. */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordWeakness = 'password.too_short' | 'password.too_common';

/**
 * Why a password must not be set, or null when it may. Counts characters, not bytes (a Chinese phrase is as
 * good as a Latin one), and refuses the passwords people pick most, the username itself, and one character
 * repeated. Applied to every password a person chooses; the generated admin and demo ones are random anyway.
 */
export function passwordWeakness(password: string, username = ''): PasswordWeakness | null {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) return 'password.too_short';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'password.too_common';
  if (username !== '' && lower.includes(username.toLowerCase())) return 'password.too_common';
  if (new Set(lower).size === 1) return 'password.too_common';
  return null;
}
