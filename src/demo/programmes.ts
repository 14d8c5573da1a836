import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_REGIONS, type DemoRegion } from './fixture.js';

export interface ProgrammeDocument {
  name: string;
  text: string;
}

/**
 * The programme documents that ship with the repository. Resolved from this module, two levels up, which is
 * the repository root both from src/demo (tsx) and from dist/demo (after the build), so a fresh clone
 * needs nothing beside it.
 */
export const BUNDLED_PROGRAMMES_DIR = fileURLToPath(new URL('../../demo/programmes/', import.meta.url));

/** Where the demo reads its documents: TAIZHANG_SEEDS_DIR when set (to load other documents), else the bundled ones. */
export function demoProgrammesDir(): string {
  return process.env.TAIZHANG_SEEDS_DIR || BUNDLED_PROGRAMMES_DIR;
}

/** The folder's UTF-8 .txt documents in name order, or none when the folder does not exist. */
export function readProgrammes(dir: string): ProgrammeDocument[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * The demo region a document belongs to: the bundled files say it in their name ("nanhai-….txt"); other
 * documents are given to the region whose names they use most.
 */
export function regionOfProgramme(doc: ProgrammeDocument): DemoRegion | undefined {
  const bySlug = DEMO_REGIONS.find((r) => doc.name.startsWith(`${r.slug}-`));
  if (bySlug) return bySlug;
  let best: DemoRegion | undefined;
  let bestHits = 0;
  for (const region of DEMO_REGIONS) {
    const hits = region.aliases.reduce((n, alias) => n + doc.text.split(alias).length - 1, 0);
    if (hits > bestHits) {
      best = region;
      bestHits = hits;
    }
  }
  return best;
}
