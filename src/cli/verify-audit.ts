import { walkAuditChain, type AuditVerification } from '../db/repositories/audit-repository.js';
import type { CliCommand } from './command.js';
import { loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';

const USAGE = 'usage: taizhang verify-audit [--expect-head HASH@SEQ]\n';

/** `HASH@SEQ` as printed by a previous run; undefined when malformed. */
function parseHead(value: string | undefined): { hash: string; seq: number } | undefined {
  const match = /^([0-9a-f]{64})@(\d+)$/.exec(value ?? '');
  return match ? { hash: match[1]!, seq: Number(match[2]) } : undefined;
}

function brokenMessage(result: AuditVerification): string {
  const at = result.brokenAt;
  if (at?.reason === 'unknown_key')
    return `审计日志使用了未提供的密钥 the audit chain is signed from seq=${at.seq} on with key ${result.keyFingerprint ?? '(malformed)'}, which was not given: set TAIZHANG_AUDIT_KEY, or TAIZHANG_AUDIT_KEY_PREVIOUS for earlier keys\n`;
  if (at?.reason === 'not_current_key')
    return `审计日志未用当前密钥签名 the audit chain up to seq=${at.seq} is not signed with TAIZHANG_AUDIT_KEY (rewritten, or the server has not run with this key yet)\n`;
  return `审计日志被篡改 audit chain broken at event seq=${at?.seq} (${at?.reason}); ${result.events} events verified before it\n`;
}

export const verifyAuditCommand: CliCommand = {
  summary:
    'verify-audit [--expect-head HASH@SEQ]  校验审计日志哈希链 / verify the audit log hash chain (and that it still holds a head written down earlier)',
  async run(args) {
    let expected: { hash: string; seq: number } | undefined;
    if (args.length > 0) {
      expected = args[0] === '--expect-head' && args.length === 2 ? parseHead(args[1]) : undefined;
      if (!expected) {
        process.stderr.write(USAGE);
        return 2;
      }
    }
    const storage = openConfiguredStorage(loadConfig());
    try {
      const walk = await walkAuditChain(storage.db, undefined, expected ? [expected.seq] : []);
      if (!walk.verification.ok) {
        process.stderr.write(brokenMessage(walk.verification));
        return 1;
      }
      // Truncation and a rewrite from any earlier point both change or remove the event at the anchored seq.
      if (expected && walk.hashAt.get(expected.seq) !== expected.hash) {
        process.stderr.write(
          `审计日志与记录的链头不符 the audit chain no longer holds the expected head at seq=${expected.seq}: ${walk.hashAt.has(expected.seq) ? 'that event has another hash' : `the chain ends at seq=${walk.head.seq}`}\n`,
        );
        return 1;
      }
      process.stdout.write(
        `审计日志完整 audit chain intact: ${walk.verification.events} events; head ${walk.head.hash}@${walk.head.seq}\n`,
      );
      return 0;
    } finally {
      await storage.close();
    }
  },
};
