// `npm run eval`: the scorer's table for the project's own corpus (dev and check halves, scored in
// process) and, where ../shared is beside the checkout, for the seed corpus through the shared scorer.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prf, scoreCorpus, total, type Scores, type Tally } from './score.js';

const here = fileURLToPath(new URL('./', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const row = (t: Tally): string => {
  const s = prf(t);
  return `${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`;
};
const line = (name: string, s: Scores): string =>
  `${name.padEnd(28)}${row(s.targets)}   ${row(s.actuals)}   ${row(s.outline)}   ${s.counts.tp}/${s.counts.ng}`;

// `npm run eval -- --misses` also lists what did not match, document by document.
const showMisses = process.argv.includes('--misses');
const HALF = /^(dev|check)\d*$/;
const halves = process.argv.filter((a) => HALF.test(a));
// Every half on disk, dev halves first, each in the order it was written.
const onDisk = readdirSync(here)
  .filter((d) => HALF.test(d))
  .sort((a, b) => Number(a.startsWith('check')) - Number(b.startsWith('check')) || a.localeCompare(b));
for (const half of halves.length ? halves : onDisk) {
  if (!existsSync(`${here}${half}`)) continue;
  console.log(
    `\n${half} half          targets P/R/F1        actuals P/R/F1        outline P/R/F1     counts`,
  );
  const scores = scoreCorpus(`${here}${half}`);
  for (const s of scores) {
    console.log(line(s.name, s));
    if (showMisses) for (const m of s.misses) console.log(`    ${m}`);
  }
  console.log(line('TOTAL', total(scores)));
}

const scorer = `${shared}eval/score-extraction.mjs`;
if (process.argv.includes('--no-seeds')) console.log('\nseeds: not scored (--no-seeds)');
else if (existsSync(scorer) && existsSync(`${shared}corpus/gold`)) {
  console.log('\nseeds (shared scorer)');
  const out = execFileSync(
    process.execPath,
    [
      scorer,
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
    { cwd: repo, encoding: 'utf8' },
  );
  console.log(out.trimEnd());
} else console.log('\nseeds: ../shared is absent beside the checkout, not scored');
