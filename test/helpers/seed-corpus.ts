// The seed corpus (real documents with their gold annotations) lives beside the checkout in ../shared,
// not in it. A clone without it runs every other test; the tests that read it skip and say why.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEEDS_DIR = `${SHARED_DIR}corpus/seeds/`;

/**
 * Whether every path (relative to ../shared) exists. When one does not, prints which tests of `file` skip
 * and why, so a skipped count in the summary never goes unexplained.
 */
export function sharedCorpusPresent(file: string, paths: readonly string[]): boolean {
  const missing = paths.filter((p) => !existsSync(`${SHARED_DIR}${p}`));
  if (missing.length > 0)
    console.warn(
      `[skipped] ${file}: the seed-corpus tests need ${missing.map((p) => `../shared/${p}`).join(' and ')} beside the repository, which is absent here`,
    );
  return missing.length === 0;
}
