import { useAuditKeys } from '../db/audit-key.js';
import { openStorage, type Storage } from '../db/connection.js';
import type { Config } from './config.js';

/**
 * Opens the configured database with the configured audit keys in force: every command that writes or
 * verifies the audit chain must sign and check it with the same keys as the server.
 */
export function openConfiguredStorage(config: Config, url: string = config.databaseUrl): Storage {
  useAuditKeys(config.auditKeys);
  return openStorage({ url });
}
