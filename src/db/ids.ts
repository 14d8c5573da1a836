import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TAIL = 8;

/**
 * Random bytes drawn a few kilobytes at a time: each draw is a system call, and one per id cost more than
 * the rest of the id (a report submission makes two ids). Still the operating system's CSPRNG.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomTail(): string {
  if (used + TAIL > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let tail = '';
  for (let i = 0; i < TAIL; i++) tail += ALPHABET[pool[used + i]! % 32]!;
  used += TAIL;
  return tail;
}

/** Time-ordered, URL-safe ids: rows created later sort later, which keeps indexes append-mostly. */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 9; i++) {
    head = ALPHABET[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  return `${prefix}_${head}${randomTail()}`;
}
