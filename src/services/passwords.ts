import { hash, verify } from '@node-rs/argon2';
import { MIN_PASSWORD_LENGTH, passwordWeakness } from '../domain/password-strength.js';
import { fail } from './errors.js';

// argon2id (the library's default algorithm) with its default cost; about 50 ms here, which is the point.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Refuses a password a person chose that is too short or too easily guessed. `field` names the form field
 * the web app marks. Not applied to the generated admin and demo passwords, which are random.
 */
export function demandStrongPassword(password: string, username: string, field = 'password'): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw fail(weakness, { min: MIN_PASSWORD_LENGTH }, { field });
}
