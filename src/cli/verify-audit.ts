import type { Kysely } from 'kysely';
import { walkAuditChain, type AuditVerification } from '../db/repositories/audit-repository.js';
import { getRegion } from '../db/repositories/region-repository.js';
import type { Database } from '../db/schema.js';
import type { CliCommand } from './command.js';
import { loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';

const USAGE = 'usage: taizhang verify-audit [--expect-head HASH@SEQ]...\n';

/** `HASH@SEQ` as printed by a previous run; undefined when malformed. */
function parseHead(value: string | undefined): { hash: string; seq: number } | undefined {
  const match = /^([0-9a-f]{64})@(\d+)$/.exec(value ?? '');
  return match ? { hash: match[1]!, seq: Number(match[2]) } : undefined;
}

/** Every `--expect-head HASH@SEQ` pair; undefined when the arguments are anything else. */
function parseArgs(args: string[]): { hash: string; seq: number }[] | undefined {
  const heads: { hash: string; seq: number }[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const head = args[i] === '--expect-head' ? parseHead(args[i + 1]) : undefined;
    if (!head) return undefined;
    heads.push(head);
  }
  return heads;
}

/** Names a chain for the operator: the region's name and id, the installation's, or the legacy one. */
async function chainName(db: Kysely<Database>, regionId: string | null | undefined): Promise<string> {
  if (regionId === undefined) return '合并前的总链 the legacy chain (before per-region chains)';
  if (regionId === null) return '全局链 the installation chain (events of no region)';
  const region = await getRegion(db, regionId).catch(() => undefined);
  return `${region?.name ?? '?'} 的审计链 the chain of region ${regionId}`;
}

async function brokenMessage(db: Kysely<Database>, result: AuditVerification): Promise<string> {
  const at = result.brokenAt;
  const where = at
    ? `${await chainName(db, at.regionId)}${at.chainSeq ? `, event #${at.chainSeq} of it` : ''}`
    : '';
  if (at?.reason === 'unknown_key')
    return `审计日志使用了未提供的密钥 the audit chain is signed from seq=${at.seq} on (${where}) with key ${result.keyFingerprint ?? '(malformed)'}, which was not given: set TAIZHANG_AUDIT_KEY, or TAIZHANG_AUDIT_KEY_PREVIOUS for earlier keys\n`;
  if (at?.reason === 'not_current_key')
    return `审计日志未用当前密钥签名 the audit chain up to seq=${at.seq} (${where}) is not signed with TAIZHANG_AUDIT_KEY (rewritten, or the server has not run with this key yet)\n`;
  return `审计日志被篡改 audit chain broken at event seq=${at?.seq} (${at?.reason}) in ${where}; ${result.events} events verified before it\n`;
}

export const verifyAuditCommand: CliCommand = {
  summary:
    'verify-audit [--expect-head HASH@SEQ]...  校验每个地区的审计日志哈希链 / verify the audit log hash chain of every region (and that it still holds heads written down earlier)',
  async run(args) {
    const expected = parseArgs(args);
    if (!expected) {
      process.stderr.write(USAGE);
      return 2;
    }
    const storage = openConfiguredStorage(loadConfig());
    try {
      const walk = await walkAuditChain(
        storage.db,
        undefined,
        expected.map((e) => e.seq),
      );
      if (!walk.verification.ok) {
        process.stderr.write(await brokenMessage(storage.db, walk.verification));
        return 1;
      }
      // Truncation and a rewrite from any earlier point both change or remove the event at the anchored seq.
      for (const head of expected) {
        if (walk.hashAt.get(head.seq) === head.hash) continue;
        process.stderr.write(
          `审计日志与记录的链头不符 the audit chain no longer holds the expected head at seq=${head.seq}: ${walk.hashAt.has(head.seq) ? 'that event has another hash' : 'no verified chain holds that event'}\n`,
        );
        return 1;
      }
      const lines = [
        `审计日志完整 audit chain intact: ${walk.verification.events} events in ${walk.heads.length} chains`,
      ];
      for (const head of walk.heads)
        lines.push(`  head ${head.hash}@${head.seq}  ${await chainName(storage.db, head.regionId)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
