#!/usr/bin/env node
/*
 * Web speed: (1) gzipped size of the JavaScript the first page load needs — the entry chunk and
 * everything it imports statically — and (2) time from navigation start to the battle map's numbers
 * on screen for the largest demo region, then for the same region grown to 300+ tasks, in headless
 * Debian Chromium against the built server. Writes the "## Web" section of bench/README.md.
 */
/* global document, window, MutationObserver, requestAnimationFrame, cancelAnimationFrame -- used inside page.evaluate / addInitScript, which run in the browser */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { launchBrowser } from '../../e2e/lib/browser.mjs';
import { DEMO_PASSWORD, ADMIN_PASSWORD, startServer } from '../../e2e/lib/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist', 'web');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BUDGET_KB = 600;
const BUDGET_MS = 1500;

/** Static imports of a built chunk (`import … from "./x.js"`), not the dynamic `import("./x.js")` of lazy routes. */
function staticImports(code) {
  const found = new Set();
  for (const m of code.matchAll(/\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g))
    found.add(m[1]);
  return [...found];
}

function initialJs() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/web/index.html');
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(readFileSync(join(dist, 'assets', file), 'utf8')));
  }
  const chunks = [...seen].map((file) => {
    const bytes = readFileSync(join(dist, 'assets', file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/assets\/([^"]+\.css)"/g)].map(
    (m) => gzipSync(readFileSync(join(dist, 'assets', m[1])), { level: 9 }).length,
  );
  return {
    entry,
    chunks,
    gzip: chunks.reduce((s, c) => s + c.gzip, 0),
    raw: chunks.reduce((s, c) => s + c.raw, 0),
    cssGzip: css.reduce((s, n) => s + n, 0),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * One cold load in a fresh browser context (empty cache, existing session cookie): milliseconds from
 * navigation start until the status tiles show their numbers. The page renders on the client, so the
 * handlers are attached by the time the numbers are drawn; a click on a tile is then checked to respond.
 */
async function loadOnce(browser, base, cookies, regionId) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(cookies);
  await context.addInitScript(() => {
    localStorage.setItem('tz.signedIn', '1');
    const seen = () => document.querySelector('[data-testid="count-delayed"] .tz-tile-number');
    new MutationObserver((_, observer) => {
      if (seen()) {
        window.__tzRendered = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${base}/r/${regionId}`);
  await page.waitForFunction(() => typeof window.__tzRendered === 'number', null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__tzRendered);
  const api = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/dashboard'));
    return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
  });
  await page.getByTestId('count-delayed').click();
  await page.getByTestId('ledger').waitFor();
  await context.close();
  return { ms, apiMs: api ? api.end - api.start : NaN, apiEnd: api ? api.end : NaN };
}

async function measureRegion(browser, base, cookies, regionId) {
  await loadOnce(browser, base, cookies, regionId); // warm the server's caches, as a running server has them
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, base, cookies, regionId));
  const times = runs.map((r) => r.ms);
  return {
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    api: median(runs.map((r) => r.apiMs)),
    apiEnd: median(runs.map((r) => r.apiEnd)),
  };
}

async function api(request, method, url, data) {
  const response = await request.fetch(url, { method, ...(data === undefined ? {} : { data }) });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Adds a 300-task plan (10 areas, tasks spread over the region's units) so the page faces the size the design names. */
async function growRegion(request, base, regionId) {
  const units = (await api(request, 'GET', `${base}/api/regions/${regionId}/units`)).filter(
    (u) => u.kind !== 'office',
  );
  const year = new Date().getFullYear();
  const plan = await api(request, 'POST', `${base}/api/regions/${regionId}/plans`, {
    title: '基准测试：300项改革任务',
    kind: 'work_points',
    year,
  });
  const areas = [];
  for (let a = 1; a <= 10; a++)
    areas.push(
      await api(request, 'POST', `${base}/api/plans/${plan.id}/areas`, { title: `第${a}方面改革任务` }),
    );
  for (let i = 0; i < 300; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    await api(request, 'POST', `${base}/api/plans/${plan.id}/tasks`, {
      title: `改革任务${i + 1}：推进重点领域和关键环节改革`,
      areaId: areas[i % 10].id,
      leadUnitId: units[i % units.length].id,
      dueDate: `${year}-${month}-28`,
      tags: [['首创型', '引领型', '集成型'][i % 3]],
    });
  }
  await api(request, 'POST', `${base}/api/plans/${plan.id}/publish`);
}

/** A plan of 5,000 tasks for the ledger, created through the API (eight requests in flight). */
async function bigPlan(request, base, regionId, size) {
  const units = (await api(request, 'GET', `${base}/api/regions/${regionId}/units`)).filter(
    (u) => u.kind !== 'office',
  );
  const year = new Date().getFullYear();
  const plan = await api(request, 'POST', `${base}/api/regions/${regionId}/plans`, {
    title: `基准测试：${size}项任务台账`,
    kind: 'action_plan',
    year,
  });
  const areas = [];
  for (let a = 1; a <= 20; a++)
    areas.push(await api(request, 'POST', `${base}/api/plans/${plan.id}/areas`, { title: `第${a}领域` }));
  let next = 0;
  const worker = async () => {
    while (next < size) {
      const i = next++;
      await api(request, 'POST', `${base}/api/plans/${plan.id}/tasks`, {
        title: `台账任务${i + 1}：完善体制机制，推进改革落地见效`,
        areaId: areas[i % 20].id,
        leadUnitId: units[i % units.length].id,
        dueDate: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await api(request, 'POST', `${base}/api/plans/${plan.id}/publish`);
  return plan.id;
}

/**
 * The ledger of a 5,000-task plan: time until rows show, then 60 wheel steps down the virtual table
 * while the page records the gap between animation frames (long gaps are visible stutter).
 */
async function measureLedger(browser, base, cookies, regionId, planId) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(cookies);
  await context.addInitScript(() => localStorage.setItem('tz.signedIn', '1'));
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${base}/r/${regionId}/ledger?plan=${planId}`);
  await page.getByTestId('ledger').locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
  const shownMs = Date.now() - started;
  const count = await page.getByTestId('ledger-count').innerText();
  const body = page.getByTestId('ledger').locator('.ant-table-body, .ant-table-tbody-virtual-holder').first();
  const box = await body.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    return window.__frames.slice(1);
  });
  const rowsRendered = await page.getByTestId('ledger').locator('.ant-table-row').count();
  // The code in the first cell of the last row drawn: how far down the 5,000 the wheel got.
  const lastCode = await page.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="ledger"] .ant-table-row')]
        .map((r) => r.querySelector('.ant-table-cell')?.textContent ?? '')
        .filter(Boolean)
        .pop() ?? '',
  );
  await context.close();
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    shownMs,
    count,
    frames: frames.length,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    worst: sorted[sorted.length - 1] ?? NaN,
    long: frames.filter((f) => f > 50).length,
    rowsRendered,
    lastCode,
  };
}

function writeReadme(section) {
  const path = join(root, 'bench', 'README.md');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const block = `<!-- web:start -->\n${section}\n<!-- web:end -->`;
  let next;
  if (text.includes('<!-- web:start -->'))
    next = text.replace(/<!-- web:start -->[\s\S]*?<!-- web:end -->/, block);
  else next = `${text.trimEnd()}\n\n## Web\n\n${block}\n`;
  writeFileSync(path, next);
}

async function main() {
  if (
    !existsSync(join(dist, 'index.html')) ||
    !existsSync(join(root, 'dist/cli/main.js')) ||
    process.env.BENCH_REBUILD
  )
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  const size = initialJs();
  console.log(
    `initial JS: ${(size.gzip / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(0)} KB raw) in ${size.chunks.length} chunks`,
  );

  const server = await startServer(root);
  const browser = await launchBrowser();
  try {
    const admin = await browser.newContext();
    await api(admin.request, 'POST', `${server.base}/api/auth/login`, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const regions = await api(admin.request, 'GET', `${server.base}/api/regions`);
    const sized = await Promise.all(
      regions.map(async (r) => ({
        ...r,
        total: (await api(admin.request, 'GET', `${server.base}/api/regions/${r.id}/dashboard`)).total.total,
      })),
    );
    const largest = sized.sort((a, b) => b.total - a.total)[0];
    await admin.close();

    const office = await browser.newContext();
    const slug = { 南海区: 'nanhai', 金湾区: 'jinwan', 源城区: 'yuancheng', 湛江经开区: 'zjkfq' }[
      largest.name
    ];
    await api(office.request, 'POST', `${server.base}/api/auth/login`, {
      username: `${slug}.office`,
      password: DEMO_PASSWORD,
    });
    const cookies = await office.cookies();

    const demo = await measureRegion(browser, server.base, cookies, largest.id);
    console.log(
      `battle map, ${largest.name} (${largest.total} tasks): median ${demo.median.toFixed(0)} ms (min ${demo.min.toFixed(0)}, max ${demo.max.toFixed(0)}) over ${RUNS} cold loads; dashboard API ${demo.api.toFixed(0)} ms, answered at ${demo.apiEnd.toFixed(0)} ms`,
    );
    await growRegion(office.request, server.base, largest.id);
    const grown = await measureRegion(browser, server.base, cookies, largest.id);
    console.log(
      `battle map, ${largest.name} + 300 tasks (${largest.total + 300} tasks): median ${grown.median.toFixed(0)} ms (min ${grown.min.toFixed(0)}, max ${grown.max.toFixed(0)}); dashboard API ${grown.api.toFixed(0)} ms, answered at ${grown.apiEnd.toFixed(0)} ms`,
    );
    const planId = await bigPlan(office.request, server.base, largest.id, 5000);
    const ledger = await measureLedger(browser, server.base, cookies, largest.id, planId);
    console.log(
      `ledger of 5,000 tasks: rows after ${ledger.shownMs} ms (${ledger.count}); scrolling: ${ledger.frames} frames, p95 ${ledger.p95.toFixed(1)} ms, worst ${ledger.worst.toFixed(1)} ms, ${ledger.long} over 50 ms; ${ledger.rowsRendered} rows in the DOM, last row drawn has code ${ledger.lastCode}`,
    );
    await office.close();

    const kb = (n) => (n / 1024).toFixed(1);
    const verdict = (ok) => (ok ? 'within budget' : '**over budget**');
    const section = [
      `\`npm run bench:web\` (\`bench/web/run.mjs\`), measured ${new Date().toISOString().slice(0, 10)} on the shared 2-core machine against the built server (SQLite, demo workspace), headless Debian Chromium ${browser.version()}; load average at the end ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' / ')} (others share the machine, so figures vary run to run).`,
      '',
      '| measure | result | budget |',
      '|---|---:|---:|',
      `| initial JavaScript, gzip -9 (entry \`${size.entry}\` + ${size.chunks.length - 1} static imports) | ${kb(size.gzip)} KB (${kb(size.raw)} KB raw) | ≤ ${BUDGET_KB} KB, ${verdict(size.gzip / 1024 <= BUDGET_KB)} |`,
      `| initial CSS, gzip -9 | ${kb(size.cssGzip)} KB | — |`,
      `| battle map of ${largest.name}, largest demo region (${largest.total} tasks): navigation → numbers drawn, median of ${RUNS} cold loads | ${demo.median.toFixed(0)} ms (${demo.min.toFixed(0)}–${demo.max.toFixed(0)}) | < ${BUDGET_MS} ms, ${verdict(demo.median < BUDGET_MS)} |`,
      `| same region with a 300-task plan added (${largest.total + 300} tasks) | ${grown.median.toFixed(0)} ms (${grown.min.toFixed(0)}–${grown.max.toFixed(0)}) | < ${BUDGET_MS} ms, ${verdict(grown.median < BUDGET_MS)} |`,
      `| ledger of a 5,000-task plan: navigation → first rows | ${ledger.shownMs} ms | — |`,
      `| same ledger, 60 wheel steps of 600 px through the virtual table: frame gap p95 / worst / frames over 50 ms | ${ledger.p95.toFixed(1)} ms / ${ledger.worst.toFixed(1)} ms / ${ledger.long} of ${ledger.frames} (${ledger.rowsRendered} rows in the DOM, scrolled down to task ${ledger.lastCode}) | smooth |`,
      '',
      'Each load is a fresh browser context (empty cache) with a signed-in session; the time is `performance.now()` when the status tiles',
      'first hold their numbers (the page renders on the client, so its handlers are live then; a tile click is checked to open the ledger).',
      'ECharts (the trend chart) is a lazy chunk loaded after the numbers, and every route but the battle map (the home page) is its own chunk, so neither counts in the initial load; index.html starts the API calls of the first screen before the bundle runs.',
    ].join('\n');
    writeReadme(section);
    console.log('\nwrote the "## Web" section of bench/README.md');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
