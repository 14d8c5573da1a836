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
// comes in x-bytes, as the query schema allows no extra field.
// POST /checked-write/{session,validated,facts,savepoint,answered}/:taskId is the audited write after the least of
// what a report's submission must do, added step by step in the same way: the session; the route's params and
// body schemas; the task's reporting facts read inside the write (the same joins and subqueries as the project's
// statement, prepared once), refusing a task of another unit or a period already reported; each write in a
// savepoint of its own, so a refused one leaves its batch whole; the answer through the route's response schema.
// The tasks it knows come from a file of task ids, written into its own database at start. Run as
// `node floor-server.mjs <dist> <database file> <port> [session token] [task ids file]`.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { READ_STEPS, reaches, WRITE_STEPS } from './floor-steps.mjs';

const [, , distDir, dbFile, port, sessionToken = randomBytes(32).toString('base64url'), tasksFile] =
  process.argv;
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
const savepoint = sqlite.prepare('SAVEPOINT floor');
const release = sqlite.prepare('RELEASE floor');
const undo = sqlite.prepare('ROLLBACK TO floor');

// The checked writes' tasks: one published monthly plan of region 'r', every task led by unit 'u'.
if (tasksFile) {
  const at = new Date().toISOString();
  const year = Number(at.slice(0, 4));
  sqlite.transaction((ids) => {
    sqlite
      .prepare("INSERT INTO regions (id, name, kind, created_at) VALUES ('r', '基准区', '区', ?)")
      .run(at);
    sqlite
      .prepare(
        `INSERT INTO plans (id, region_id, title, kind, year, period_start, period_end, cadence, status, created_at,
         published_at) VALUES ('pl', 'r', '基准方案', 'action_plan', ?, ?, ?, 'monthly', 'published', ?, ?)`,
      )
      .run(year, `${year}-01-01`, `${year}-12-31`, at, at);
    const task = sqlite.prepare(
      `INSERT INTO tasks (id, region_id, plan_id, seq, code, title, lead_unit_id, created_at, updated_at)
       VALUES (?, 'r', 'pl', ?, ?, '基准任务', 'u', ?, ?)`,
    );
    ids.forEach((id, i) => task.run(id, i + 1, String(i + 1), at, at));
  })(JSON.parse(readFileSync(tasksFile, 'utf8')));
}
const OPEN = `'draft', 'awaiting_head', 'submitted', 'returned'`;
const reportingFacts =
  sqlite.prepare(`SELECT tasks.id AS task_id, tasks.region_id, tasks.created_at AS task_created_at,
  plans.cadence, plans.period_start, plans.period_end, plans.published_at, regions.settings, tasks.lead_unit_id,
  plans.status AS plan_status,
  (SELECT reports.id FROM reports WHERE reports.task_id = tasks.id AND reports.period = ? AND reports.status IN (${OPEN})
    LIMIT 1) AS open_report_id,
  EXISTS (SELECT period_decisions.id FROM period_decisions WHERE period_decisions.region_id = tasks.region_id
    AND period_decisions.period = ? AND (period_decisions.task_id IS NULL OR period_decisions.task_id = tasks.id))
    AS period_decided
  FROM tasks INNER JOIN plans ON plans.id = tasks.plan_id INNER JOIN regions ON regions.id = tasks.region_id
  WHERE tasks.id = ?`);

/** The refusal of a checked write whose facts do not allow it, or undefined. */
function refusal(write) {
  const { actor, taskId, body } = write;
  const facts = reportingFacts.get(body.period, body.period, taskId);
  if (!facts || facts.region_id !== actor.regionId || facts.plan_status !== 'published')
    return [404, 'task.not_found'];
  if (facts.lead_unit_id !== actor.unitId) return [403, 'access.not_own_unit_task'];
  if (facts.open_report_id !== null) return [409, 'report.exists_for_period'];
  return undefined;
}

/** Writes one report row (and its audit event, where asked) and answers its id. */
function written(write, task) {
  const at = new Date().toISOString();
  const id = `rpt_${randomBytes(9).toString('hex')}`;
  // The task the request names: spread over as many tasks as the real scenario's, a batch changes as many
  // index pages as the real one does (all on one task, it changed a few).
  const { period, progress, narrative } = write.body;
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
  write.at = at;
  return id;
}

let pending = [];
function flush() {
  const batch = pending;
  pending = [];
  begin.run();
  for (const write of batch) {
    if (write.step === undefined) write.id = written(write, write.body.task ?? 't');
    else {
      if (writeReaches(write.step, 'savepoint')) savepoint.run();
      write.refused = writeReaches(write.step, 'facts') ? refusal(write) : undefined;
      if (!write.refused) write.id = written(write, write.taskId);
      if (writeReaches(write.step, 'savepoint')) {
        if (write.refused) undo.run();
        release.run();
      }
    }
  }
  commit.run();
  const answer = () => {
    for (const write of batch) {
      if (write.refused) void write.reply.code(write.refused[0]).send({ code: write.refused[1] });
      else if (write.step !== undefined && writeReaches(write.step, 'answered'))
        void write.reply.code(201).send(presented(write));
      else void write.reply.code(201).send({ id: write.id, status: 'submitted' });
    }
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

/** A written report as the route answers it, every field of its response schema. */
function presented({ id, taskId, body, at }) {
  return {
    id,
    taskId,
    unitId: 'u',
    period: body.period,
    progress: body.progress,
    narrative: body.narrative,
    problems: '',
    coordination: '',
    nextSteps: '',
    claimsCompletion: false,
    status: 'submitted',
    returnReason: null,
    rating: null,
    createdBy: 'a',
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    approvedAt: null,
    reviewedAt: null,
    version: 1,
    files: [],
    can: noActions,
  };
}

/** Whether a checked write's step does the work of `other`. */
const writeReaches = (step, other) => reaches(WRITE_STEPS, step, other);

function checkedWrite(step) {
  return (request, reply) => {
    const actor = sessions.get(request.cookies.tz_session ?? '');
    if (!actor) return reply.code(401).send({ code: 'auth.required' });
    if (pending.length === 0) setImmediate(flush);
    pending.push({ body: request.body, reply, audited: true, step, actor, taskId: request.params.taskId });
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
const { TaskParams, ReportBody, ReportSchema } = await import(join(distDir, 'http/routes/reports/schema.js'));
// Every action the response schema names, none allowed to the reporter once the report is with the office.
const noActions = Object.fromEntries(
  Object.keys(ReportSchema.shape.can.shape).map((action) => [action, false]),
);
// The one session the checked routes know, given by the benchmark (as a login would have made it).
const sessions = new Map([[sessionToken, { id: 'a', role: 'office', regionId: 'r', unitId: 'u' }]]);
// The view's ETag before its closing quote: the version read, where it is, goes after it.
const tagStem = `W/"${randomBytes(20).toString('base64url')}`;

function checked(step) {
  const readReaches = (other) => reaches(READ_STEPS, step, other);
  return async (request, reply) => {
    const actor = sessions.get(request.cookies.tz_session ?? '');
    if (!actor) return reply.code(401).send({ code: 'auth.required' });
    const n = Math.min(Number(request.headers['x-bytes']) || 0, 1 << 20);
    if (!bodies.has(n)) bodies.set(n, randomBytes(n));
    if (readReaches('headers')) {
      const version = readReaches('versioned') ? `-${await storage.regionDataVersion(actor.regionId)}` : '';
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
  for (const step of READ_STEPS)
    scope.get(`/checked/${step}/:planId`, step === 'session' ? {} : { schema }, checked(step));
  scope.setSerializerCompiler(serializerCompiler);
  for (const step of WRITE_STEPS) {
    const writeSchema = {
      ...(writeReaches(step, 'validated') ? { params: TaskParams, body: ReportBody } : {}),
      ...(writeReaches(step, 'answered') ? { response: { 201: ReportSchema } } : {}),
    };
    scope.post(`/checked-write/${step}/:taskId`, { schema: writeSchema }, checkedWrite(step));
  }
});
app.post('/insert', enqueue(false));
app.post('/audited', enqueue(true));
await app.listen({ port: Number(port), host: '127.0.0.1' });
