// What the API benchmarks share: a free port, waiting for the server, calls and logins, the server's CPU time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

export async function call(base, cookie, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function loginAs(base, username, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie').split(';')[0];
}

/** Logs every username in, a few at a time (each login is an argon2 check on the server); their cookies. */
export async function loginAll(base, usernames, password) {
  const cookies = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < usernames.length) {
        const username = usernames[next++];
        cookies.set(username, await loginAs(base, username, password));
      }
    }),
  );
  return cookies;
}

/**
 * autocannon's sample interval for a run. A run of a given amount notices it is done only at its next sample,
 * and with the default of a second the run's length (and so its rate) was rounded up to whole seconds: 20,000
 * submissions timed at 4.0 or 5.0 s, never between. A tenth of a second bounds that error.
 */
export function sampleIntervalOf(opts) {
  return opts.amount ? 100 : 1000;
}

// CPU seconds the server process has used (user + system), from /proc: how much of a core each route costs.
export function serverCpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The system calls a process has made that read or write (sockets included), from /proc/<pid>/io. */
export function serverSyscalls(pid) {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const count = (name) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? NaN);
  return { reads: count('syscr'), writes: count('syscw') };
}

// Busy time of the whole machine, every process's (user, nice, system, interrupts), in hundredths of a second:
// what a server and its database together cost when they are separate processes.
export function machineBusyCentiseconds() {
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .map(Number);
  return user + nice + system + irq + softirq;
}

/**
 * The real server (built dist/) on a free loopback port with `env` added (data directory, database, passwords),
 * its log off and its errors on this terminal. Returns the child process and its base URL.
 */
export async function spawnServer(root, env) {
  const port = await freePort();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the server (written when it is stopped).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(root, 'bin/taizhang.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TAIZHANG_LOG: '0', ...env },
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  return { server, base: `http://127.0.0.1:${port}` };
}
