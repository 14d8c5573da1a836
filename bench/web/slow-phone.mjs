#!/usr/bin/env node
/*
 * A unit reporter on a phone: 375 px wide, the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate)
 * and a slow 4G link (CDP Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s down,
 * 750 kbit/s up), against the built server with the demo workspace. Each run is a fresh browser
 * context (empty cache):
 *
 *   1. login page, cold: navigation to / → the sign-in form drawn (the app redirects to /login);
 *   2. battle map after login: click on 登录 (4 s after the form appeared: the time to type a user name
 *      and a password) → the status tiles hold their numbers (and, scrolled to, the lazy trend chart drawn);
 *   3. battle map, return visit: a new tab on the region's page in the same context (cached assets)
 *      → the numbers drawn.
 *
 * Also counts the bytes the cold login and battle map moved over the wire. Prints the figures and
 * the median of BENCH_RUNS runs (default 5); with BENCH_WRITE=1 writes them into the slow-phone
 * block of bench/README.md under the label BENCH_LABEL (default "after"). BENCH_COMPARE=<dir> names
 * another built checkout (e.g. the commit before) measured as "before", alternating run by run.
 */
/* global document, window, MutationObserver -- used inside addInitScript, which runs in the browser */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { launchBrowser } from '../../e2e/lib/browser.mjs';
import { DEMO_PASSWORD, startServer } from '../../e2e/lib/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 2500;
/** Time between the sign-in form on screen and the click on 登录: typing a user name and a password. */
const TYPING_MS = 4000;
export const PHONE = {
  viewport: { width: 375, height: 812 },
  cpu: 4,
  latencyMs: 150,
  downBitsPerSecond: 1.6e6,
  upBitsPerSecond: 750e3,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Marks in the page: when the sign-in form and the status tiles first appear, and when 登录 was clicked. */
function marks() {
  const seen = {
    login: () => document.querySelector('.tz-login-card button[type="submit"]'),
    map: () => document.querySelector('[data-testid="count-delayed"] .tz-tile-number'),
    chart: () => document.querySelector('[data-testid="trend-chart"] canvas'),
  };
  new MutationObserver(() => {
    for (const [name, found] of Object.entries(seen))
      if (window[`__tz_${name}`] === undefined && found()) window[`__tz_${name}`] = performance.now();
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener(
    'click',
    () => {
      if (window.__tz_click === undefined) window.__tz_click = performance.now();
    },
    true,
  );
}

/** Throttles a page's CPU and network the way a mid-range phone on slow 4G is. */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downBitsPerSecond / 8,
    uploadThroughput: PHONE.upBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
  });
  return { bytes: () => bytes, reset: () => (bytes = 0) };
}

const waitMark = (page, name) =>
  page.waitForFunction((n) => typeof window[`__tz_${n}`] === 'number', name, { timeout: 60_000 });

async function runOnce(browser, base, regionId) {
  const context = await browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(marks);
  const page = await context.newPage();
  const net = await throttle(context, page);

  await page.goto(`${base}/`);
  await waitMark(page, 'login');
  const login = await page.evaluate(() => window.__tz_login);
  await page.waitForLoadState('networkidle');
  const loginBytes = net.bytes();

  // Nobody types a user name and a password on a phone in under a few seconds.
  await page.waitForTimeout(TYPING_MS);
  net.reset();
  await page.locator('#username').fill('zjkfq.office');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('.tz-login-card button[type="submit"]').click();
  await waitMark(page, 'map');
  const map = await page.evaluate(() => window.__tz_map - window.__tz_click);
  await page.locator('[data-testid="trend-chart"]').scrollIntoViewIfNeeded();
  await waitMark(page, 'chart');
  const chart = await page.evaluate(() => window.__tz_chart - window.__tz_click);
  const mapBytes = net.bytes();

  const again = await context.newPage();
  await throttle(context, again);
  await again.goto(`${base}/r/${regionId}`);
  await waitMark(again, 'map');
  const revisit = await again.evaluate(() => window.__tz_map);

  await context.close();
  return { login, map, chart, revisit, loginBytes, mapBytes };
}

/** Response headers of the entry script and index.html, to show what the server says about caching and encoding. */
async function headersOf(base) {
  const html = await fetch(`${base}/login`, { headers: { 'accept-encoding': 'br, gzip' } });
  const text = await html.text();
  const entry = /<script[^>]+type="module"[^>]+src="(\/assets\/[^"]+\.js)"/.exec(text)?.[1];
  const js = await fetch(`${base}${entry}`, { headers: { 'accept-encoding': 'br, gzip' } });
  await js.arrayBuffer();
  const pick = (r) => ({
    'cache-control': r.headers.get('cache-control'),
    'content-encoding': r.headers.get('content-encoding'),
  });
  return { html: pick(html), entry, js: pick(js) };
}

function writeReadme(label, lines) {
  const path = join(root, 'bench', 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = `<!-- slow-phone:${label}:start -->`;
  const end = `<!-- slow-phone:${label}:end -->`;
  const block = `${start}\n${lines.join('\n')}\n${end}`;
  if (!text.includes(start)) throw new Error(`bench/README.md has no ${start} block`);
  writeFileSync(path, text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block));
}

/** Medians and ranges of one build's runs, as the README's table. */
function table(label, runs, headers) {
  const m = (key) => median(runs.map((r) => r[key]));
  const range = (key) =>
    `${Math.min(...runs.map((r) => r[key])).toFixed(0)}–${Math.max(...runs.map((r) => r[key])).toFixed(0)}`;
  const verdict = (ms) => (ms < BUDGET_MS ? 'within budget' : '**over budget**');
  const kb = (key) => (m(key) / 1024).toFixed(0);
  console.log(
    `${label}, median of ${runs.length}: login ${m('login').toFixed(0)} ms, battle map after login ${m('map').toFixed(0)} ms, trend chart ${m('chart').toFixed(0)} ms, return visit ${m('revisit').toFixed(0)} ms; ${kb('loginBytes')} KB + ${kb('mapBytes')} KB on the wire`,
  );
  return [
    `| measure (${label}, ${new Date().toISOString().slice(0, 10)}, median of ${runs.length}) | result | budget |`,
    '|---|---:|---:|',
    `| login page, cold: navigation → sign-in form drawn | ${m('login').toFixed(0)} ms (${range('login')}) | < ${BUDGET_MS} ms, ${verdict(m('login'))} |`,
    `| battle map after login: click on 登录 → status numbers drawn | ${m('map').toFixed(0)} ms (${range('map')}) | < ${BUDGET_MS} ms, ${verdict(m('map'))} |`,
    `| trend chart (lazy ECharts chunk) after login: click → chart drawn, scrolled into view | ${m('chart').toFixed(0)} ms (${range('chart')}) | — |`,
    `| battle map, return visit (new tab, same browser cache) | ${m('revisit').toFixed(0)} ms (${range('revisit')}) | — |`,
    `| bytes on the wire: cold login page / battle map after login with its chart | ${kb('loginBytes')} KB / ${kb('mapBytes')} KB | — |`,
    `| entry script: \`Cache-Control\` / \`Content-Encoding\` | \`${headers.js['cache-control']}\` / \`${headers.js['content-encoding'] ?? 'none'}\` | — |`,
    `| index.html: \`Cache-Control\` | \`${headers.html['cache-control']}\` | — |`,
  ];
}

/**
 * Measures this checkout's build ("after"); with BENCH_COMPARE=<another checkout, built> also that one
 * ("before"), the two alternating run by run so both see the same load on a shared machine.
 */
async function main() {
  if (!existsSync(join(root, 'dist', 'web', 'index.html')) || process.env.BENCH_REBUILD)
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  const builds = [
    ...(process.env.BENCH_COMPARE ? [{ label: 'before', root: process.env.BENCH_COMPARE }] : []),
    { label: process.env.BENCH_LABEL ?? 'after', root },
  ];
  const browser = await launchBrowser();
  try {
    for (const build of builds) {
      build.server = await startServer(build.root);
      const probe = await browser.newContext();
      const login = await probe.request.post(`${build.server.base}/api/auth/login`, {
        data: { username: 'zjkfq.office', password: DEMO_PASSWORD },
      });
      if (!login.ok()) throw new Error(`login: ${login.status()}`);
      build.regionId = (await login.json()).regionId;
      await probe.close();
      build.headers = await headersOf(build.server.base);
      console.log(`${build.label} headers:`, JSON.stringify(build.headers));
      await runOnce(browser, build.server.base, build.regionId); // warm the server's caches
      build.runs = [];
    }
    for (let i = 0; i < RUNS; i++)
      for (const build of builds) {
        const r = await runOnce(browser, build.server.base, build.regionId);
        build.runs.push(r);
        console.log(
          `${build.label} run ${i + 1}: login ${r.login.toFixed(0)} ms (${(r.loginBytes / 1024).toFixed(0)} KB), battle map after login ${r.map.toFixed(0)} ms, its trend chart ${r.chart.toFixed(0)} ms (${(r.mapBytes / 1024).toFixed(0)} KB), return visit ${r.revisit.toFixed(0)} ms`,
        );
      }
    for (const build of builds) {
      const lines = table(build.label, build.runs, build.headers);
      if (process.env.BENCH_WRITE) {
        writeReadme(build.label, lines);
        console.log(`wrote the slow-phone:${build.label} block of bench/README.md`);
      }
    }
    console.log(
      `load average at the end: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' / ')}`,
    );
  } finally {
    await browser.close();
    for (const build of builds) await build.server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
