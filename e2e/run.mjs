#!/usr/bin/env node
/*
 * End-to-end tests: builds the app if the sources are newer than dist/, starts the real server on a
 * free port with a fresh data directory, drives Debian's Chromium through the specs in e2e/specs,
 * stops the server and exits non-zero when anything failed.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const screenshots = join(here, 'screenshots');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const outputs = [join(root, 'dist/web/index.html'), join(root, 'dist/cli/main.js')];
  const built = outputs.every((f) => existsSync(f))
    ? Math.min(...outputs.map((f) => statSync(f).mtimeMs))
    : 0;
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'web')));
  if (built >= sources && !process.env.E2E_REBUILD) return;
  console.log('building (npm run build)…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

async function loadSpecs(filter) {
  const dir = join(here, 'specs');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.spec.mjs'))
    .sort();
  const tests = [];
  for (const file of files) {
    const spec = await import(pathToFileURL(join(dir, file)).href);
    for (const test of spec.tests)
      if (!filter || test.name.includes(filter) || file.includes(filter)) tests.push({ ...test, file });
  }
  return tests;
}

/**
 * The failure's message in full (a session adds what was on screen and the API's refusals to it) and where
 * in the spec it happened; the stack alone holds the message as it was when the error was made.
 */
function describeFailure(error) {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.split('\n').slice(0, 30);
  const where = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 3)
    .map((line) => line.trim());
  return [...message, ...where].join('\n    ');
}

async function main() {
  buildIfNeeded();
  mkdirSync(screenshots, { recursive: true });
  for (const old of readdirSync(screenshots).filter((f) => f.startsWith('failure-')))
    rmSync(join(screenshots, old));
  const tests = await loadSpecs(process.argv[2]);
  const server = await startServer(root);
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      try {
        await test.run({ browser, base: server.base, screenshots });
        passed += 1;
        console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${test.name} (${Date.now() - started} ms)\n    ${describeFailure(error)}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    console.log('\n0 passed, 1 failed');
    process.exitCode = 1;
  },
);
