// How each figure of the province benchmark grows from a smaller to a larger province, from the JSON files
// province.mjs leaves in the temp folder:  node bench/scale/growth.mjs sqlite 15 150
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [dialect = 'sqlite', small = '15', large = '150'] = process.argv.slice(2);
const read = (n) =>
  JSON.parse(readFileSync(join(tmpdir(), `taizhang-province-${dialect}-${n}.json`), 'utf8'));
const a = read(small);
const b = read(large);
const f = (x) => (Number.isFinite(x) ? x.toFixed(Math.abs(x) < 1 ? 2 : 1) : '—');

const figures = [
  ["one region's battle map p99 at 16 connections (ms)", (r) => r.dashboard16.p99, 'flat'],
  ["one region's battle map, × /healthz req/s", (r) => r.dashboard16.rps / r.healthz16.rps, 'flat'],
  ["one region's ledger p99 at 16 connections (ms)", (r) => r.ledger16.p99, 'flat'],
  ["one region's ledger, × /healthz req/s", (r) => r.ledger16.rps / r.healthz16.rps, 'flat'],
  ["one region's battle map, first read after start (ms)", (r) => r.coldPages.dashboard.firstMs, 'flat'],
  ["one region's ledger, first read after start (ms)", (r) => r.coldPages.ledger.firstMs, 'flat'],
  ['city roll-up, median (ms)', (r) => r.cityRollup.medianMs, 'flat (10 regions in both)'],
  ['province roll-up, median (ms)', (r) => r.provinceRollup.medianMs, 'linear at worst'],
  ['province roll-up per region below (ms)', (r) => r.provinceRollup.medianMs / r.regions, 'flat'],
  ['database size per region (MiB)', (r) => r.mibPerRegion, 'flat'],
  ['generation (s)', (r) => r.generation.seconds, 'linear'],
];
console.log(`| ${dialect} | ${small} regions | ${large} regions | × | expected |`);
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [name, of, expected] of figures)
  console.log(`| ${name} | ${f(of(a))} | ${f(of(b))} | ${(of(b) / of(a)).toFixed(2)} | ${expected} |`);
console.log(`\nload average: ${small} regions ${a.healthz16.load}, ${large} regions ${b.healthz16.load}`);
