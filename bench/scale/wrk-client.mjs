import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SUMMARY_SCRIPT, TICKS } from '../api/wrk-get.mjs';

export { wrkAvailable } from '../api/wrk-get.mjs';

const SCRIPT = fileURLToPath(new URL('./wrk-submit.lua', import.meta.url));
const THREADS = 2;

/**
 * `amount` submissions at `connections`, sent by wrk on `slots` (each `{ task, cookie }`, as slotsOf gives them,
 * at least amount + connections of them): the same requests as `submission()` in submissions.mjs, from a client
 * that costs the machine a fraction of autocannon's CPU. Returns autocannon's fields the benchmark reads, and
 * the client's CPU seconds.
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
    const args = [
      '-t',
      String(THREADS),
      '-c',
      String(connections),
      '-d',
      '120s',
      '--timeout',
      '10s',
      '-s',
      SCRIPT,
      base,
    ];
    const env = {
      ...process.env,
      WRK_SLOTS: file,
      WRK_THREADS: String(THREADS),
      WRK_AMOUNT: String(amount),
      WRK_SUMMARY_SCRIPT: SUMMARY_SCRIPT,
    };
    const t0 = performance.now();
    let seconds = 0;
    const out = await new Promise((done, fail) => {
      const child = spawn('wrk', args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += chunk;
        if (seconds === 0 && text.split('stopped\n').length > THREADS) {
          seconds = (performance.now() - t0) / 1000;
          child.kill('SIGINT');
        }
      });
      child.on('error', fail);
      child.on('exit', (code) =>
        code === 0 && seconds > 0 ? done(text) : fail(new Error(`wrk exited with ${code}: ${text}`)),
      );
    });
    const result = JSON.parse(out.trim().split('\n').at(-1));
    return {
      requests: { total: result.requests },
      seconds,
      latency: { p50: result.p50, p99: result.p99, max: result.max },
      non2xx: result.non2xx,
      errors: result.errors,
      clientCpuSeconds: result.cpuTicks / TICKS,
    };
  } finally {
    rmSync(file, { force: true });
  }
}
