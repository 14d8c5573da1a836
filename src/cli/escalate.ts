import { join } from 'node:path';
import { migrateToLatest } from '../db/connection.js';
import { runDirectiveEscalation } from '../jobs/directive-escalation.js';
import { runEscalation } from '../jobs/escalation-job.js';
import { loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';
import type { CliCommand } from './command.js';

export const escalateCommand: CliCommand = {
  summary:
    '立即执行自动催办督办 / raise the automatic urge and supervise notices now (the server does it daily at 08:00)',
  async run() {
    const config = loadConfig();
    const storage = openConfiguredStorage(config);
    try {
      await migrateToLatest(storage.db);
      const ctx = { storage, filesDir: join(config.dataDir, 'files'), now: () => new Date() };
      const run = await runEscalation(ctx);
      process.stdout.write(`催办 urge: ${run.urge}, 督办 supervise: ${run.supervise}\n`);
      const directives = await runDirectiveEscalation(ctx);
      process.stdout.write(`交办事项催办 directive checkpoints: ${directives.urge}\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
