import { readFile } from 'node:fs/promises';
import type { CliCommand } from './command.js';
import { extract, type Extraction, type OutlineNode, type Quantity } from '../extract/index.js';
import { readProgrammeDocument } from '../documents/programme-reader.js';

const USAGE = 'usage: taizhang extract FILE [--json]';

function fmtQuantity(q: Quantity, kind: string): string {
  const cmp = q.comparator === '=' ? '' : `${q.comparator} `;
  const stretch = q.stretch ? ' (力争)' : '';
  const period = q.period ? ` [${q.period}]` : '';
  return `${kind} ${q.indicator} ${q.measure} ${cmp}${q.value}${q.unit}${stretch}${period}`;
}

function inside(q: Quantity, n: OutlineNode): boolean {
  return q.span[0] >= n.span[0] && q.span[0] < n.span[1];
}

function render(x: Extraction): string {
  const out: string[] = [];
  out.push(`标题 title: ${x.title || '(无)'}`);
  if (x.region) out.push(`地区 region: ${x.region}`);
  if (x.year !== undefined) out.push(`年度 year: ${x.year}`);
  for (const c of x.counts)
    out.push(
      `规模 count: ${c.text}${c.areas !== undefined ? ` areas=${c.areas}` : ''}${c.tasks !== undefined ? ` tasks=${c.tasks}` : ''}`,
    );
  const quantities = [
    ...x.targets.map((q) => ['目标', q] as const),
    ...x.actuals.map((q) => ['实绩', q] as const),
  ];
  const placed = new Set<Quantity>();
  const walk = (nodes: OutlineNode[], depth: number): void => {
    for (const n of nodes) {
      out.push(`${'  '.repeat(depth)}${n.marker ? `${n.marker} ` : ''}${n.title}`);
      walk(n.children, depth + 1);
      for (const [kind, q] of quantities) {
        if (placed.has(q) || !inside(q, n)) continue;
        placed.add(q);
        out.push(`${'  '.repeat(depth + 1)}· ${fmtQuantity(q, kind)}`);
      }
    }
  };
  out.push('', '提纲 outline:');
  walk(x.outline, 1);
  const rest = quantities.filter(([, q]) => !placed.has(q));
  if (rest.length > 0) {
    out.push('', '其他指标 other quantities:');
    for (const [kind, q] of rest) out.push(`  · ${fmtQuantity(q, kind)}`);
  }
  if (x.deadlines.length > 0)
    out.push(
      '',
      `时限 deadlines: ${x.deadlines.map((d) => `${d.text}${d.date ? `→${d.date}` : ''}`).join('；')}`,
    );
  if (x.units.length > 0) out.push(`单位 units: ${x.units.map((u) => `${u.name}(${u.role})`).join('、')}`);
  for (const w of x.warnings) out.push(`警告 warning: ${w}`);
  return `${out.join('\n')}\n`;
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: '文件不存在 / no such file',
  EACCES: '没有读取权限 / permission denied',
  EISDIR: '这是一个目录，不是文件 / a directory, not a file',
};

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && FILE_ERRORS[code]) return FILE_ERRORS[code];
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!;
}

export const extractCommand: CliCommand = {
  summary: 'extract FILE [--json]  读取计划文件并输出结构 / read a programme document',
  async run(args) {
    const json = args.includes('--json');
    const files = args.filter((a) => !a.startsWith('--'));
    const file = files[0];
    if (file === undefined || files.length > 1) {
      process.stderr.write(`taizhang extract: 需要一个文件 one FILE is required — ${USAGE}\n`);
      return 1;
    }
    try {
      const bytes = await readFile(file);
      const { text } = await readProgrammeDocument(bytes, file);
      const result = extract(text);
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : render(result));
      return 0;
    } catch (err) {
      process.stderr.write(`taizhang extract: ${file}: ${describeError(err)}\n`);
      return 1;
    }
  },
};
