import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Time-ordered, URL-safe ids: rows created later sort later, which keeps indexes append-mostly. */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 9; i++) {
    head = ALPHABET[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  const tail = Array.from(randomBytes(8), (b) => ALPHABET[b % 32]!).join('');
  return `${prefix}_${head}${tail}`;
}
