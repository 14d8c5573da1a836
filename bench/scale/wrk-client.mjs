import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runWrk, SUMMARY_SCRIPT } from '../api/wrk-get.mjs';

const SCRIPT = fileURLToPath(new URL('./wrk-submit.lua', import.meta.url));
const THREADS = 2;

/**
 * `amount` submissions at `connections`, sent by wrk on `slots` (each `{ task, cookie }`, as slotsOf gives them,
 * at least amount + connections of them): the same requests as `submission()` in submissions.mjs, from a client
 * that costs the machine a fraction of autocannon's CPU. Returns autocannon's fields the benchmark reads, the
 * run's seconds and the client's CPU seconds.
 */
export async function wrkSubmit({ base, slots, amount, connections, period, dir }) {
  const file = join(dir, `wrk-slots-${process.pid}-${Date.now()}.tsv`);
  const body = JSON.stringify({ period, progress: 60, narrative: '本月按计划推进，完成阶段性工作。' });
  const lines = slots
    .slice(0, amount + connections)
    .map((s) => `/api/tasks/${s.task}/reports\t${s.cookie}\t${body}`);
  if (lines.length < amount + connections) throw new Error(`wrk needs ${amount + connections} slots`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    // -d only bounds the run: it ends when every thread has printed its `stopped` line (wrk-submit.lua).
    const args = ['-t', String(THREADS), '-c', String(connections), '-d', '120s', '--timeout', '10s'];
    const env = {
      ...process.env,
      WRK_SLOTS: file,
      WRK_THREADS: String(THREADS),
      WRK_AMOUNT: String(amount),
      WRK_SUMMARY_SCRIPT: SUMMARY_SCRIPT,
    };
    const t0 = performance.now();
    let seconds = 0;
    const { summary, ...result } = await runWrk([...args, '-s', SCRIPT, base], {
      env,
      watch: (text, child) => {
        if (seconds > 0 || text.split('stopped\n').length <= THREADS) return;
        seconds = (performance.now() - t0) / 1000;
        child.kill('SIGINT');
      },
    });
    if (seconds === 0) throw new Error('wrk ended before its threads had their answers');
    return { ...result, requests: { total: summary.requests }, seconds };
  } finally {
    rmSync(file, { force: true });
  }
}
