// Runs the shared scorer over the seed corpus with the engine's CLI and holds it to the project's bars.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR as shared, sharedCorpusPresent } from './helpers/seed-corpus.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const present = sharedCorpusPresent('extraction on the seed corpus', [
  'corpus/seeds',
  'corpus/gold',
  'eval/score-extraction.mjs',
]);

interface Summary {
  targets: { f1: number };
  actuals: { f1: number };
  outline: { f1: number };
  counts: number;
  measure_accuracy: number;
  comparator_accuracy: number;
  stretch_accuracy: number;
  failed: number;
}

describe.skipIf(!present)('extraction on the seed corpus', () => {
  // Five documents through the CLI, one process each: slow on a loaded machine, so a wide timeout.
  it('meets the scorer thresholds', { timeout: 180_000 }, () => {
    const out = execFileSync(
      process.execPath,
      [
        `${shared}eval/score-extraction.mjs`,
        '--gold',
        `${shared}corpus/gold`,
        '--docs',
        `${shared}corpus/seeds`,
        '--',
        process.execPath,
        '--import',
        'tsx',
        `${repo}src/cli/main.ts`,
        'extract',
        '--json',
      ],
      { cwd: repo, encoding: 'utf8', maxBuffer: 16 << 20 },
    );
    const summary = JSON.parse(out.trim().split('\n').pop()!) as Summary;
    expect(summary.failed).toBe(0);
    expect(summary.targets.f1).toBeGreaterThanOrEqual(0.95);
    expect(summary.outline.f1).toBeGreaterThanOrEqual(0.95);
    expect(summary.actuals.f1).toBeGreaterThanOrEqual(0.9);
    expect(summary.counts).toBe(1);
    expect(summary.measure_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.comparator_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.stretch_accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
