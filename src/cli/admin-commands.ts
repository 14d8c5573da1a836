import { copyFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { migrateToLatest } from '../db/connection.js';
import { verifyAuditChain } from '../db/repositories/audit-repository.js';
import { loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';
import type { CliCommand } from './command.js';

export const migrateCommand: CliCommand = {
  summary: '升级数据库结构 / apply database migrations',
  async run() {
    const storage = openConfiguredStorage(loadConfig());
    try {
      const result = await migrateToLatest(storage.db);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      process.stdout.write(
        applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n',
      );
      return 0;
    } finally {
      await storage.close();
    }
  },
};

export const backupCommand: CliCommand = {
  summary: 'backup FILE  在线备份SQLite数据库 / online backup (PostgreSQL: use pg_dump, see README)',
  async run([file]) {
    if (!file) {
      process.stderr.write('usage: taizhang backup FILE\n');
      return 2;
    }
    const storage = openConfiguredStorage(loadConfig());
    try {
      if (!storage.sqlite) {
        process.stderr.write('PostgreSQL: back up with pg_dump "$DATABASE_URL" -Fc -f FILE (see README)\n');
        return 2;
      }
      // SQLite's backup API copies a consistent snapshot while the server keeps writing.
      await storage.sqlite.backup(file);
      process.stdout.write(`备份完成 backup written to ${file}\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  summary: 'restore FILE  从备份恢复SQLite数据库(先停止服务) / restore a backup (stop the server first)',
  async run([file]) {
    if (!file || !existsSync(file)) {
      process.stderr.write('usage: taizhang restore FILE (an existing backup file)\n');
      return 2;
    }
    const config = loadConfig();
    if (/^postgres/.test(config.databaseUrl)) {
      process.stderr.write('PostgreSQL: restore with pg_restore -d "$DATABASE_URL" FILE (see README)\n');
      return 2;
    }
    // Check the backup opens and its audit chain holds before replacing anything.
    const candidate = openConfiguredStorage(config, file);
    const check = await verifyAuditChain(candidate.db);
    await candidate.close();
    if (!check.ok) {
      process.stderr.write(
        `备份文件审计链不完整，未恢复 backup's audit chain is broken at seq=${check.brokenAt?.seq}; nothing restored\n`,
      );
      return 1;
    }
    await rm(`${config.databaseUrl}-wal`, { force: true });
    await rm(`${config.databaseUrl}-shm`, { force: true });
    await copyFile(file, config.databaseUrl);
    process.stdout.write(`已恢复 restored ${check.events} audit events' worth of data from ${file}\n`);
    return 0;
  },
};
