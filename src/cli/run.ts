import type { CliCommand } from './command.js';

type CommandLoader = () => Promise<CliCommand>;

// Each command is imported only when called, so `taizhang extract` does not pay for the server's start-up.
const commands: Record<string, CommandLoader> = {
  serve: async () => (await import('./serve.js')).serveCommand,
  migrate: async () => (await import('./admin-commands.js')).migrateCommand,
  'verify-audit': async () => (await import('./verify-audit.js')).verifyAuditCommand,
  backup: async () => (await import('./admin-commands.js')).backupCommand,
  restore: async () => (await import('./admin-commands.js')).restoreCommand,
  'set-password': async () => (await import('./set-password.js')).setPasswordCommand,
  escalate: async () => (await import('./escalate.js')).escalateCommand,
  extract: async () => (await import('./extract.js')).extractCommand,
  openapi: async () => (await import('./openapi.js')).openapiCommand,
  // Excel 台账
  export: async () => (await import('./excel.js')).exportCommand,
  import: async () => (await import('./excel.js')).importCommand,
};

/** Runs `taizhang <command> …` and returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await helpText());
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`taizhang: 未知命令 unknown command "${name}"\n`);
    process.stderr.write(await helpText());
    return 2;
  }
  const command = await load();
  return command.run(args);
}

async function helpText(): Promise<string> {
  const lines = [
    'taizhang — 台账 改革任务台账 / reform-task ledger',
    '',
    'Usage: taizhang <command> [options]',
    '',
    'Commands:',
  ];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  }
  lines.push('  help           show this help', '');
  return lines.join('\n');
}
