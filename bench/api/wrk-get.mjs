import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SUMMARY_SCRIPT = fileURLToPath(new URL('./wrk-summary.lua', import.meta.url));
/** Clock ticks a second in /proc's CPU times (USER_HZ, 100 on Linux). */
export const TICKS = 100;

/** Whether wrk (Debian's package `wrk`) is on the PATH. */
export function wrkAvailable() {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/**
 * GET `url` for `seconds` at `connections` with wrk (Debian's package `wrk`, two threads): a client written in
 * C, which takes a small part of the CPU autocannon takes in the benchmark's own process, so a cheap route's
 * rate tells the server's cost rather than the client's. Returns the fields of autocannon's result that the
 * benchmarks read, and the client's CPU seconds.
 */
export async function wrkGet({ url, headers = {}, connections, seconds }) {
  const args = ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '-s', SUMMARY_SCRIPT];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const out = await new Promise((done, fail) => {
    const child = spawn('wrk', [...args, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done(text) : fail(new Error(`wrk exited with ${code}: ${text}`)),
    );
  });
  const r = JSON.parse(out.trim().split('\n').at(-1));
  const runSeconds = r.microseconds / 1e6;
  return {
    requests: { total: r.requests, average: r.requests / runSeconds },
    throughput: { total: r.bytes, average: r.bytes / runSeconds },
    latency: { p50: r.p50, p99: r.p99 },
    non2xx: r.non2xx,
    errors: r.errors,
    seconds: runSeconds,
    clientCpuSeconds: r.cpuTicks / TICKS,
  };
}
