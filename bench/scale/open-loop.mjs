import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Requests offered at a fixed rate, evenly spaced, whether or not the answers keep up: an open loop, as users
 * arrive. autocannon's connections each wait for their answer before asking again (a closed loop), so its
 * latency at 64 connections is 64 divided by the rate the server reaches, whatever the load users make; and
 * its `overallRate` releases requests in bursts. Each latency here counts from the moment the request was due,
 * so time spent waiting for a free connection or behind a slow answer is counted too.
 *
 * `next(i)` gives request i: `{ kind, method, path, headers, body }`.
 */
export async function openLoop({ base, rate, total, connections = 64, next }) {
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const buckets = {};
  const answers = [];
  const t0 = performance.now() + 20;
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Everything due by now goes out now; timers are good to about a millisecond.
    while (sent < total && t0 + (sent * 1000) / rate <= now) {
      const due = t0 + (sent * 1000) / rate;
      const request = next(sent++);
      answers.push(
        send(agent, hostname, port, request).then((status) => {
          const bucket = (buckets[request.kind] ??= { times: [], errors: 0 });
          bucket.times.push(performance.now() - due);
          if (status >= 300) bucket.errors++;
        }),
      );
    }
    await sleep(1);
  }
  await Promise.all(answers);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { seconds, buckets };
}

function send(agent, hostname, port, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
