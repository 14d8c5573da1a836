import type { CliCommand } from './run.js';

export const extractCommand: CliCommand = {
  summary: 'extract FILE [--json]  读取计划文件并输出结构 / read a programme document',
  run(args) {
    process.stderr.write(`taizhang extract: the extraction engine is being built (${args.join(' ')})\n`);
    return Promise.resolve(1);
  },
};
