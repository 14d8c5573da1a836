// The least a durable write can cost on this machine, to read the report figure against: a bare Fastify
// server on the project's own schema, with none of Taizhang's layers (no session, no validation, no access
// check, no query builder). Each POST inserts one report row, on the task its body names, with prepared
// statements; /audited also appends the hash-chained audit event. Writes arriving together share one transaction and one flush of the
// log, made off the event loop before the answer (WalSync), as the real server does. Whatever this reaches
// bounds what any durable write can.
// GET /bytes?n=N sends N bytes kept in memory: what any cached read of that size can reach.
// GET /checked/{session,validated,headers,versioned}/:planId sends the same bytes after the least of what the ledger's
// cached read must do, added step by step: the session cookie parsed and looked up in memory; the route's own
// params and query schemas checked (the project's zod schemas, through the same type provider); the cached
// view's headers set; the region's data version read from SQLite (the project's own statement). The size
// comes in x-bytes, as the query schema allows no extra field. Run as
// `node floor-server.mjs <dist> <database file> <port> [session token]`.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { validatorCompiler } from 'fastify-type-provider-zod';

const [, , distDir, dbFile, port, sessionToken = randomBytes(32).toString('base64url')] = process.argv;
const { openStorage, migrateToLatest } = await import(join(distDir, 'db/connection.js'));
// A build from before the writer flushed its own log committed at synchronous=FULL: nothing more to do there.
const { WalSync } = await import(join(distDir, 'db/wal-sync.js')).catch(() => ({ WalSync: undefined }));
const storage = openStorage({ url: dbFile });
await migrateToLatest(storage.db);
const sqlite = storage.sqlite;
sqlite.pragma('foreign_keys = OFF');
const wal = WalSync && new WalSync(`${dbFile}-wal`);

const insertReport =
  sqlite.prepare(`INSERT INTO reports (id, region_id, task_id, unit_id, period, progress, narrative, problems, coordination,
  claims_completion, status, created_by, created_at, updated_at, submitted_at, version) VALUES (?, 'r', ?, 'u', ?, ?, ?, '', '', 0, 'submitted', 'a', ?, ?, ?, 1)`);
const readHead = sqlite.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
const insertEvent = sqlite.prepare(
  'INSERT INTO audit_events (seq, region_id, account_id, action, entity, entity_id, data, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const moveHead = sqlite.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1');
const begin = sqlite.prepare('BEGIN');
const commit = sqlite.prepare('COMMIT');

let pending = [];
function flush() {
  const batch = pending;
  pending = [];
  begin.run();
  for (const write of batch) {
    const at = new Date().toISOString();
    const id = `rpt_${randomBytes(9).toString('hex')}`;
    // The task the request names: spread over as many tasks as the real scenario's, a batch changes as many
    // index pages as the real one does (all on one task, it changed a few).
    const { task = 't', period, progress, narrative } = write.body;
    insertReport.run(id, task, period, progress, narrative, at, at, at);
    if (write.audited) {
      const head = readHead.get();
      const seq = head.seq + 1;
      const data = JSON.stringify({ reportId: id, period, progress, narrative });
      const hash = createHash('sha256')
        .update(head.hash)
        .update(JSON.stringify([seq, 'r', 'a', 'report.create', 'task', task, data, at]))
        .digest('hex');
      insertEvent.run(seq, 'r', 'a', 'report.create', 'task', task, data, at, head.hash, hash);
      moveHead.run(seq, hash);
    }
    write.id = id;
  }
  commit.run();
  const answer = () => {
    for (const write of batch) void write.reply.code(201).send({ id: write.id, status: 'submitted' });
  };
  if (wal) void wal.durable().then(answer);
  else answer();
}

function enqueue(audited) {
  return (request, reply) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ body: request.body, reply, audited });
    return reply;
  };
}

// A cached read's floor: a body of the given size kept in memory and sent as it is, nothing looked up.
const bodies = new Map();
function bytes(request, reply) {
  const n = Math.min(Number(request.query.n) || 0, 1 << 20);
  if (!bodies.has(n)) bodies.set(n, randomBytes(n));
  return reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(bodies.get(n));
}

const { PlanParams, LedgerQuery } = await import(join(distDir, 'http/routes/tasks/schema.js'));
// The one session the checked routes know, given by the benchmark (as a login would have made it).
const sessions = new Map([[sessionToken, { id: 'a', role: 'office', regionId: 'r' }]]);
// The view's ETag before its closing quote: the version read, where it is, goes after it.
const tagStem = `W/"${randomBytes(20).toString('base64url')}`;

/** The checked ladder's steps, in order: each adds its work to the steps before it. */
const STEPS = ['session', 'validated', 'headers', 'versioned'];

function checked(step) {
  const reaches = (other) => STEPS.indexOf(step) >= STEPS.indexOf(other);
  return async (request, reply) => {
    const actor = sessions.get(request.cookies.tz_session ?? '');
    if (!actor) return reply.code(401).send({ code: 'auth.required' });
    const n = Math.min(Number(request.headers['x-bytes']) || 0, 1 << 20);
    if (!bodies.has(n)) bodies.set(n, randomBytes(n));
    if (reaches('headers')) {
      const version = reaches('versioned') ? `-${await storage.regionDataVersion(actor.regionId)}` : '';
      const etag = `${tagStem}${version}"`;
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      void reply
        .header('etag', etag)
        .header('cache-control', 'private, no-cache')
        .header('vary', 'accept-encoding');
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('content-encoding', 'gzip')
      .send(bodies.get(n));
  };
}

const app = Fastify({ logger: false });
app.get('/healthz', () => ({ ok: true }));
app.get('/bytes', bytes);
// In a scope of their own, so the cookie parser and the validator leave the baseline and /bytes as they were.
await app.register(async (scope) => {
  await scope.register(cookie);
  scope.setValidatorCompiler(validatorCompiler);
  const schema = { params: PlanParams, querystring: LedgerQuery };
  for (const step of STEPS)
    scope.get(`/checked/${step}/:planId`, step === 'session' ? {} : { schema }, checked(step));
});
app.post('/insert', enqueue(false));
app.post('/audited', enqueue(true));
await app.listen({ port: Number(port), host: '127.0.0.1' });
