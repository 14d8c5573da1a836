import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SUMMARY_SCRIPT = fileURLToPath(new URL('./wrk-summary.lua', import.meta.url));
/** Clock ticks a second in /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Whether wrk (Debian's package `wrk`) is on the PATH. */
export function wrkAvailable() {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/**
 * Runs wrk with `args` (its script ending with wrk-summary.lua's `done`) and gives the fields of autocannon's
 * result that the benchmarks read, the client's CPU seconds and the summary's own fields. `watch(text, child)`
 * sees wrk's output so far each time more arrives, and may end the run early.
 */
export async function runWrk(args, { env = process.env, watch } = {}) {
  const out = await new Promise((done, fail) => {
    const child = spawn('wrk', args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      watch?.(text, child);
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done(text) : fail(new Error(`wrk exited with ${code}: ${text}`)),
    );
  });
  const summary = JSON.parse(out.trim().split('\n').at(-1));
  return {
    summary,
    latency: { p50: summary.p50, p99: summary.p99, max: summary.max },
    non2xx: summary.non2xx,
    errors: summary.errors,
    clientCpuSeconds: summary.cpuTicks / TICKS,
  };
}

/**
 * GET `url` for `seconds` at `connections` with wrk (two threads): a client written in C, which takes a small
 * part of the CPU autocannon takes in the benchmark's own process, so a cheap route's rate tells the server's
 * cost rather than the client's.
 */
export async function wrkGet({ url, headers = {}, connections, seconds }) {
  const args = ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '-s', SUMMARY_SCRIPT];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const { summary, ...result } = await runWrk([...args, url]);
  const runSeconds = summary.microseconds / 1e6;
  return {
    ...result,
    requests: { total: summary.requests, average: summary.requests / runSeconds },
    throughput: { total: summary.bytes, average: summary.bytes / runSeconds },
    seconds: runSeconds,
  };
}
