import { join } from 'node:path';
import { migrateToLatest } from '../db/connection.js';
import { recordAuditKey } from '../db/repositories/audit-repository.js';
import { build } from '../http/app.js';
import { ensureAdmin, randomPassword } from '../services/bootstrap-service.js';
import type { ServiceContext } from '../services/context.js';
import { clockOf, loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';
import { startScheduler } from '../jobs/scheduler.js';
import type { CliCommand } from './command.js';

export const serveCommand: CliCommand = {
  summary: '启动服务 / start the server (PORT, DATABASE_URL, TAIZHANG_DEMO=0 to skip demo data)',
  async run() {
    const config = loadConfig();
    const storage = openConfiguredStorage(config);
    await migrateToLatest(storage.db);
    // A new or rotated TAIZHANG_AUDIT_KEY is written into the chain now; a key the chain needs but this
    // process lacks stops the start here, with the message saying which.
    await storage.transact((trx) => recordAuditKey(trx, storage.dialect, new Date().toISOString()));
    const ctx: ServiceContext = {
      storage,
      filesDir: join(config.dataDir, 'files'),
      now: clockOf(config),
      pdf: config.pdf,
    };
    const admin = await ensureAdmin(ctx, config.adminPassword);
    if (admin.generatedPassword)
      process.stdout.write(`\n管理员账号 admin password (shown once): admin / ${admin.generatedPassword}\n`);
    if (admin.created && config.demo) {
      const { loadDemoWorkspace } = await import('../demo/load-demo.js');
      // Never the admin's: whoever reads the demo password must not become the operator.
      const demoPassword = config.demoPassword ?? randomPassword();
      const demo = await loadDemoWorkspace(ctx, { password: demoPassword });
      process.stdout.write(
        `演示数据已创建 demo workspace loaded: ${demo.regions} regions, ${demo.plans} plans, ${demo.tasks} tasks, ${demo.accounts} accounts\n`,
      );
      if (!config.demoPassword)
        process.stdout.write(`演示账号密码 demo accounts' password (shown once): ${demoPassword}\n\n`);
    }
    const app = await build({
      ctx,
      logger: config.logRequests,
      trustProxy: config.trustProxy,
      secureCookies: config.secureCookies,
    });
    const scheduler = startScheduler(ctx, (message) => process.stdout.write(`${message}\n`));
    const shutdown = async () => {
      scheduler.stop();
      await app.close();
      await storage.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    await app.listen({ port: config.port, host: config.host });
    process.stdout.write(`台账 Taizhang 已启动 listening on http://localhost:${config.port}\n`);
    // Keep running until a signal arrives.
    return new Promise<number>(() => undefined);
  },
};
