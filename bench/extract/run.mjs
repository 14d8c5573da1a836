// Extraction throughput on ~0.1, 1 and 10 MB inputs built from the seed corpus (when present) and
// synthetic programme text. Prints MB/s per size and the ratio time(10x)/time(1x) that shows linearity.
//   npm run bench:extract
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { extract } = await import('../../src/extract/index.ts');

const seedsDir = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).sort().map((f) => readFileSync(seedsDir + f, 'utf8')) : [];

const AREAS = ['优化营商环境', '扩大有效投资', '推进乡村振兴', '保障改善民生', '加强生态治理', '深化国资国企改革'];
const UNITS = ['区发展改革局', '区财政局', '区住房城乡建设局', '区农业农村局', '区市场监管局'];
function synthetic(seed) {
  const a = AREAS[seed % AREAS.length];
  const n = seed + 10;
  return [
    `${['一', '二', '三', '四', '五', '六'][seed % 6]}、${a}`,
    `（一）${a}专项行动。全年新增项目${n}个，完成投资${n * 3}.5亿元，力争增长${(seed % 9) + 1}%以上；${(seed % 11) + 1}月底前完成方案制定。`,
    `一是加快推进重点工程，年底前建成${n}公里道路；二是抓好民生实事，新增学位${n * 20}个。${UNITS[seed % 5]}牵头，${UNITS[(seed + 1) % 5]}、${UNITS[(seed + 2) % 5]}配合。`,
    `过去一年，全区地区生产总值增长${(seed % 7) + 1}.${seed % 10}%，占全市近${(seed % 30) + 10}%。`,
  ].join('\n');
}

// Each copy of a seed is made distinct, or the engine would drop it as a repeated block.
function variant(text, k) {
  return text.replace(/。\n/g, `。（第${k}份）\n`).replace(/\d/g, (d) => String((Number(d) + k) % 10));
}

function build(targetBytes) {
  const parts = [];
  let size = 0;
  let i = 0;
  while (size < targetBytes) {
    const piece = i % 3 === 0 && seeds.length > 0 ? variant(seeds[(i / 3) % seeds.length], i) : synthetic(i);
    parts.push(piece);
    size += Buffer.byteLength(piece, 'utf8') + 1;
    i++;
  }
  return parts.join('\n');
}

function time(text, rounds) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    extract(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

for (let w = 0; w < 3; w++) extract(build(1_000_000)); // warm-up: let the JIT settle before timing
const rows = [];
for (const [label, bytes, rounds] of [['1x', 100_000, 20], ['10x', 1_000_000, 8], ['100x', 10_000_000, 3]]) {
  const text = build(bytes);
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  const ms = time(text, rounds);
  rows.push({ label, mb, ms });
  console.log(`${label.padEnd(5)} ${mb.toFixed(2).padStart(6)} MB  ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(2).padStart(6)} MB/s`);
}
const [one, ten, hundred] = rows;
console.log(`ratio time(10x)/time(1x) = ${(ten.ms / one.ms).toFixed(2)}; time(100x)/time(10x) = ${(hundred.ms / ten.ms).toFixed(2)}`);
