#!/usr/bin/env node
/* global AbortSignal */
// Switchyard benchmark: `npm run bench` (builds first) or `node scripts/bench.mjs` on a built tree.
//
// Measures, on loopback only, against a local PostgreSQL and Redis:
//   1. a bare node:http and a bare Fastify server answering 202 {} (the ceilings every row is compared
//      with), and the durable floor: bare node:http that commits each body to PostgreSQL before its 202;
//   2. webhook ingest with the in-process dispatcher (`--role=all`, no REDIS_URL);
//   3. webhook ingest with BullMQ (`--role=api` + one `--role=worker`);
//   4. end-to-end runs/s of a map -> filter -> http workflow against a local counting sink, in both
//      dispatch modes (BullMQ with two worker processes).
// Every measurement gets a fresh database and a fresh queue prefix, and its processes are stopped
// before the next one starts; every child process, database and Redis key it made is removed at the
// end, also on error or Ctrl-C. See docs/benchmarks.md.
//
// Environment (all optional):
//   SWITCHYARD_BENCH_QUICK=1         short smoke run (3 s per ingest measurement, 500 end-to-end runs)
//   SWITCHYARD_BENCH_DURATION=10     seconds per ingest measurement
//   SWITCHYARD_BENCH_CONNECTIONS=50  autocannon connections for the ingest measurements
//   SWITCHYARD_BENCH_RUNS=3000       webhooks sent per end-to-end measurement
//   SWITCHYARD_BENCH_E2E_CONNECTIONS=10  concurrency of the end-to-end sender
//   SWITCHYARD_BENCH_INGEST_WORKERS=1 worker processes during the BullMQ ingest measurement (0 = ingest path alone)
//   SWITCHYARD_WORKER_CONCURRENCY=20 runs executed at once per worker (passed to the server)
//   SWITCHYARD_BENCH_PG_URL=postgres://postgres@127.0.0.1:5432   server to create databases on (loopback)
//   SWITCHYARD_BENCH_REDIS_URL=redis://127.0.0.1:6379            Redis for the BullMQ mode (loopback)
//   SWITCHYARD_BENCH_ONLY=bare-http,baseline,durable-floor,ingest-embedded,ingest-bullmq,e2e-embedded,e2e-bullmq  subset to run
//   SWITCHYARD_BENCH_CPU_PROF=<dir>  start the Switchyard processes with --cpu-prof into <dir>
//   SWITCHYARD_BENCH_SERVER=<path>   the server entry point to measure (default apps/api/dist/main.js)
//   SWITCHYARD_BENCH_HISTORY=0       earlier runs seeded into each row's database, then VACUUM ANALYZE (default 0: empty tables)
//   SWITCHYARD_BENCH_KEEP_DB=1       leave each row's database behind (its name is logged) to look into it

import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BENCH_AUTH_HEADERS, BENCH_OWNER_ENV } from './bench-auth.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootRequire = createRequire(path.join(ROOT, 'package.json'));
const apiRequire = createRequire(path.join(ROOT, 'apps/api/package.json'));
const LOOPBACK = '127.0.0.1';

if (process.argv[2] === '--baseline-server') {
  await baselineServer();
} else if (process.argv[2] === '--bare-http-server') {
  bareHttpServer();
} else if (process.argv[2] === '--durable-floor-server') {
  durableFloorServer(process.argv[3]);
} else {
  await main().catch((err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  });
}

// ---------------------------------------------------------------------------------------------
// Baseline: a bare Fastify server in its own process (it must not share an event loop with the
// load generator). Prints {"port": n} once listening.
async function baselineServer() {
  const Fastify = apiRequire('fastify');
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  app.post('/hooks/:token', async (_request, reply) => {
    reply.code(202);
    return {};
  });
  await app.listen({ port: 0, host: LOOPBACK });
  process.stdout.write(`${JSON.stringify({ port: app.server.address().port })}\n`);
  const stop = () =>
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// ---------------------------------------------------------------------------------------------
// Bare node:http: reads the body, parses it as JSON and answers 202 {} (400 on bad JSON). The figure
// every ratio is given against, so results compare across machines. Prints {"port": n} once listening.
function bareHttpServer() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': '2' }).end('{}');
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, LOOPBACK, () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// ---------------------------------------------------------------------------------------------
// The durable floor: bare node:http that stores each JSON body in PostgreSQL before it answers 202.
// One table with only a primary key; the bodies that arrive while a write is in flight are inserted
// together (one multi-row statement, one commit, at most two in flight), as Switchyard's ingest does.
// What a durable acknowledgement costs on this machine before any product logic: the ceiling for a
// product that commits each request before its 2xx. Prints {"port": n} once listening.
function durableFloorServer(databaseUrl) {
  const pg = rootRequire('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let pending = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < 2 && pending.length > 0) {
      const batch = pending.splice(0, 500);
      inFlight++;
      pool
        .query({
          name: 'floor-insert',
          text: 'INSERT INTO floor_requests (id, body) SELECT * FROM unnest($1::uuid[], $2::jsonb[])',
          values: [batch.map((b) => b.id), batch.map((b) => b.body)],
        })
        .then(
          () => batch.forEach((b) => b.res.writeHead(202, { 'content-type': 'application/json', 'content-length': '2' }).end('{}')),
          () => batch.forEach((b) => b.res.writeHead(503, { 'content-type': 'application/json' }).end('{}')),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        JSON.parse(body);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      pending.push({ id: randomUUID(), body, res });
      pump();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, LOOPBACK, () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const autocannon = rootRequire('autocannon');
  const pg = rootRequire('pg');

  const QUICK = process.env.SWITCHYARD_BENCH_QUICK === '1';
  const intEnv = (name, fallback) => {
    const raw = process.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${raw}"`);
    return n;
  };
  const DURATION = intEnv('SWITCHYARD_BENCH_DURATION', QUICK ? 3 : 10);
  const WARMUP = QUICK ? 1 : 3;
  const CONNECTIONS = intEnv('SWITCHYARD_BENCH_CONNECTIONS', 50);
  const RUNS = intEnv('SWITCHYARD_BENCH_RUNS', QUICK ? 500 : 3000);
  const E2E_CONNECTIONS = intEnv('SWITCHYARD_BENCH_E2E_CONNECTIONS', 10);
  // Worker processes beside the api during the BullMQ ingest measurement; 0 isolates the ingest path.
  const INGEST_WORKERS = process.env.SWITCHYARD_BENCH_INGEST_WORKERS === '0' ? 0 : intEnv('SWITCHYARD_BENCH_INGEST_WORKERS', 1);
  const WORKER_CONCURRENCY = intEnv('SWITCHYARD_WORKER_CONCURRENCY', 20);
  const E2E_WARMUP_RUNS = Math.min(200, Math.max(20, Math.floor(RUNS / 10)));
  const DRAIN_TIMEOUT_MS = (QUICK ? 60 : 120) * 1000;
  const READY_TIMEOUT_MS = 60_000;
  const PG_URL = loopbackUrl(process.env.SWITCHYARD_BENCH_PG_URL || `postgres://postgres@${LOOPBACK}:5432`, 'SWITCHYARD_BENCH_PG_URL');
  const REDIS_URL = loopbackUrl(process.env.SWITCHYARD_BENCH_REDIS_URL || `redis://${LOOPBACK}:6379`, 'SWITCHYARD_BENCH_REDIS_URL');
  const CPU_PROF_DIR = process.env.SWITCHYARD_BENCH_CPU_PROF ? path.resolve(process.env.SWITCHYARD_BENCH_CPU_PROF) : null;
  const E2E_WORKERS = intEnv('SWITCHYARD_BENCH_E2E_WORKERS', 2);
  // History already in the database before a row measures (an installation in use): runs of another
  // workflow, then VACUUM ANALYZE, as autovacuum would have done by then. 0 measures on empty tables.
  const HISTORY =
    process.env.SWITCHYARD_BENCH_HISTORY === undefined || process.env.SWITCHYARD_BENCH_HISTORY === '0'
      ? 0
      : intEnv('SWITCHYARD_BENCH_HISTORY', 0);
  // For investigation (EXPLAIN on the row's data): the databases are left behind, named in the log.
  const KEEP_DATABASES = process.env.SWITCHYARD_BENCH_KEEP_DB === '1';
  const ALL_PHASES = ['bare-http', 'baseline', 'durable-floor', 'ingest-embedded', 'ingest-bullmq', 'e2e-embedded', 'e2e-bullmq'];
  const ONLY = process.env.SWITCHYARD_BENCH_ONLY ? process.env.SWITCHYARD_BENCH_ONLY.split(',').map((s) => s.trim()) : ALL_PHASES;
  for (const p of ONLY)
    if (!ALL_PHASES.includes(p)) throw new Error(`SWITCHYARD_BENCH_ONLY: unknown phase "${p}" (known: ${ALL_PHASES.join(', ')})`);

  const RUN_ID = randomBytes(4).toString('hex');
  const MAIN_JS = process.env.SWITCHYARD_BENCH_SERVER
    ? path.resolve(process.env.SWITCHYARD_BENCH_SERVER)
    : path.join(ROOT, 'apps/api/dist/main.js');

  // A ~300-byte order webhook. `[<id>]` is replaced by autocannon with a unique id per request.
  const PAYLOAD = JSON.stringify({
    id: '[<id>]',
    type: 'order.created',
    amount: 42.5,
    currency: 'EUR',
    customer: { id: 'cus_8f3a2b1c', email: 'ada.lovelace@example.com', name: 'Ada Lovelace' },
    items: [
      { sku: 'SKU-1001', qty: 2, price: 12.5 },
      { sku: 'SKU-2002', qty: 1, price: 17.5 },
    ],
    shipping: { method: 'standard', country: 'GB', postcode: 'SW1A 1AA' },
  });
  const HEADERS = { 'content-type': 'application/json', 'user-agent': 'switchyard-bench' };

  const MAP_STEP = { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id, "total": trigger.body.amount * 1.2 }' };
  const pipelineSteps = (sinkPort) => [
    MAP_STEP,
    { id: 'big', type: 'filter', condition: 'steps.shape.total > 1' },
    { id: 'send', type: 'http', method: 'POST', url: `http://${LOOPBACK}:${sinkPort}/sink`, body: 'steps.shape' },
  ];

  // ---- resources to release, whatever happens -----------------------------------------------
  const children = new Set();
  const databases = new Set();
  const queuePrefixes = new Set();
  let sink = null;
  let cleaning = null;
  let stopping = false;

  const log = (msg) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

  function startChild(name, args, env, nodeFlags = []) {
    if (stopping) throw new Error('the bench is stopping');
    const child = spawn(process.execPath, [...nodeFlags, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.benchName = name;
    child.head = [];
    child.tail = [];
    child.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        children.delete(child);
        resolve({ code, signal });
      }),
    );
    child.once('error', (err) => child.tail.push(`spawn error: ${err.message}`));
    const keep = (chunk) => {
      // eslint-disable-next-line no-control-regex
      const text = chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
      for (const line of text.split('\n')) {
        if (!line) continue;
        if (child.head.length < 5) child.head.push(line);
        child.tail.push(line);
        if (child.tail.length > 40) child.tail.shift();
        child.emit('line', line);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    children.add(child);
    return child;
  }

  const alive = (child) => child.exitCode === null && child.signalCode === null;

  async function stopChild(child, graceMs = 8000) {
    if (!alive(child)) return;
    child.kill('SIGTERM');
    const done = await Promise.race([child.exited, sleep(graceMs).then(() => null)]);
    if (!done && alive(child)) {
      log(`${child.benchName} did not stop within ${graceMs} ms; killing it`);
      child.kill('SIGKILL');
      await child.exited;
    }
  }

  /** The first lines a child printed (where errors usually start) and its last ones. */
  const childTail = (child) => {
    const lines = child.tail.length >= 40 ? [...child.head, '...', ...child.tail.slice(-15)] : child.tail;
    return lines.map((l) => `    ${l}`).join('\n');
  };

  /** A small pool on a bench database; idle-connection errors (the database being dropped) are not fatal. */
  function benchPool(url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', (err) => log(`bench database connection error: ${err.message}`));
    return pool;
  }

  async function adminQuery(sql, params) {
    const client = new pg.Client({ connectionString: `${PG_URL}/test` });
    client.on('error', (err) => log(`admin connection error: ${err.message}`));
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  async function createDatabase(label) {
    const name = `bench_${RUN_ID}_${label.replace(/[^a-z0-9]/g, '_')}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    databases.add(name);
    if (stopping) {
      await dropDatabase(name);
      throw new Error('the bench is stopping');
    }
    return { name, url: `${PG_URL}/${name}` };
  }

  async function dropDatabase(name) {
    databases.delete(name);
    if (KEEP_DATABASES) {
      log(`kept database ${name} (SWITCHYARD_BENCH_KEEP_DB=1): drop it yourself`);
      return;
    }
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  async function deleteQueueKeys(prefix) {
    const IORedis = apiRequire('ioredis');
    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      queuePrefixes.delete(prefix);
    } finally {
      redis.disconnect();
    }
  }

  async function cleanup() {
    stopping = true;
    cleaning ??= (async () => {
      await Promise.all([...children].map((c) => stopChild(c, 5000).catch(() => undefined)));
      if (sink) await sink.close().catch(() => undefined);
      // Everything this run made carries RUN_ID: drop it all, tracked or not (say, a CREATE DATABASE
      // still in flight when Ctrl-C arrived).
      const leftover = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`bench\\_${RUN_ID}\\_%`]).catch(() => ({
        rows: [],
      }));
      for (const name of new Set([...databases, ...leftover.rows.map((r) => r.datname)])) {
        await dropDatabase(name).catch((err) => log(`could not drop database ${name}: ${err.message}`));
      }
      if (queuePrefixes.size > 0 || ONLY.some((p) => p.endsWith('bullmq'))) {
        await deleteQueueKeys(`bench-${RUN_ID}-*`).catch((err) => log(`could not delete Redis keys bench-${RUN_ID}-*: ${err.message}`));
        queuePrefixes.clear();
      }
    })();
    return cleaning;
  }

  // Last resort: never leave a child behind, whatever ends this process.
  process.on('exit', () => {
    for (const c of children) {
      try {
        c.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.on(event, (err) => {
      log(`${event}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}; stopping children and cleaning up`);
      cleanup().finally(() => process.exit(1));
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      log(`${signal}: stopping children and cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }

  // ---- helpers ----------------------------------------------------------------------------
  function freePort() {
    return new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, LOOPBACK, () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
  }

  async function waitReady(port, procs) {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      for (const p of procs) if (!alive(p)) throw new Error(`${p.benchName} exited during start-up:\n${childTail(p)}`);
      try {
        const res = await fetch(`http://${LOOPBACK}:${port}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        /* not listening yet */
      }
      await sleep(200);
    }
    throw new Error(`Switchyard on port ${port} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${procs.map(childTail).join('\n')}`);
  }

  /** Starts Switchyard processes for one measurement; returns the api port and the processes. */
  async function startSwitchyard(label, { mode, workers, databaseUrl, prefix }) {
    const port = await freePort();
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: LOOPBACK,
      SWITCHYARD_PUBLIC_URL: `http://${LOOPBACK}:${port}`,
      DATABASE_URL: databaseUrl,
      SWITCHYARD_EGRESS_ALLOW: `${LOOPBACK}/32`,
      SWITCHYARD_QUEUE_PREFIX: prefix,
      SWITCHYARD_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
      SWITCHYARD_DATA_DIR: path.join(os.tmpdir(), `switchyard-bench-${RUN_ID}`),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...BENCH_OWNER_ENV,
    };
    if (mode === 'bullmq') env.REDIS_URL = REDIS_URL;
    else delete env.REDIS_URL;
    const prof = (name) =>
      CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${RUN_ID}-${label}-${name}.cpuprofile`] : [];
    const procs = [];
    if (mode === 'embedded') {
      procs.push(startChild(`${label}/all`, [MAIN_JS, '--role=all'], env, prof('all')));
    } else {
      queuePrefixes.add(prefix);
      procs.push(startChild(`${label}/api`, [MAIN_JS, '--role=api'], env, prof('api')));
      for (let i = 1; i <= workers; i++) {
        const wenv = { ...env, PORT: String(await freePort()) };
        procs.push(startChild(`${label}/worker${i}`, [MAIN_JS, '--role=worker'], wenv, prof(`worker${i}`)));
      }
    }
    await waitReady(port, procs);
    // Workers have no HTTP endpoint: give them a moment to finish their own start-up (migrations
    // are already done by the api) and fail early if one died.
    if (procs.length > 1) {
      await sleep(1500);
      for (const p of procs) if (!alive(p)) throw new Error(`${p.benchName} exited during start-up:\n${childTail(p)}`);
    }
    return { port, procs };
  }

  async function createWorkflow(port, name, steps) {
    const res = await fetch(`http://${LOOPBACK}:${port}/api/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...BENCH_AUTH_HEADERS },
      body: JSON.stringify({ name, trigger: { type: 'webhook' }, steps }),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`POST /api/workflows answered ${res.status}: ${JSON.stringify(body)}`);
    return { id: body.id, path: `/hooks/${body.trigger.token}` };
  }

  function cannon(opts) {
    return autocannon({
      method: 'POST',
      headers: HEADERS,
      body: PAYLOAD,
      idReplacement: true,
      timeout: 10,
      ...opts,
    });
  }

  const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
  const fmtMs = (n) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2)) : 'n/a');

  // autocannon's requests.average is the mean of 1-second samples; completed / duration is the same
  // figure without sampling artefacts, and is what we report.
  const summarize = (r) => ({
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
  });

  // ---- CPU accounting: CPU time each process used during a measurement (Linux /proc), which stays
  // meaningful when other processes compete for the machine, unlike throughput.
  let redisPid = null;
  const CLK_TCK = 100;
  async function procCpuMs(pid) {
    try {
      const { readFile } = await import('node:fs/promises');
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime + stime
    } catch {
      return null;
    }
  }
  async function cpuSnapshot(procs, dbName) {
    const snap = { node: new Map(), pg: new Map(), redis: null, bench: process.cpuUsage(), machine: await machineBusyMs(), at: Date.now() };
    for (const p of procs) snap.node.set(p.pid, await procCpuMs(p.pid));
    if (dbName) {
      const { rows } = await adminQuery(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [dbName]).catch(() => ({ rows: [] }));
      for (const { pid } of rows) snap.pg.set(pid, await procCpuMs(pid));
    }
    if (redisPid) snap.redis = await procCpuMs(redisPid);
    return snap;
  }
  /** CPU ms per unit of work between two snapshots: { node, pg, redis, bench } (null when unknown). */
  function cpuPer(a, b, units) {
    const sum = (before, after) => {
      let total = 0;
      let known = false;
      for (const [pid, v] of after) {
        if (v === null) continue;
        known = true;
        total += v - (before.get(pid) ?? 0);
      }
      return known ? total / units : null;
    };
    const benchMs = (b.bench.user + b.bench.system - a.bench.user - a.bench.system) / 1000;
    const out = {
      node: sum(a.node, b.node),
      pg: b.pg.size > 0 ? sum(a.pg, b.pg) : null,
      redis: a.redis !== null && b.redis !== null ? (b.redis - a.redis) / units : null,
      bench: benchMs / units,
      other: null,
    };
    // CPU used by everything else on the machine meanwhile (other users' builds and tests...), as a
    // share of all CPUs: high values mean the throughput figures are depressed by foreign load.
    if (a.machine !== null && b.machine !== null) {
      const ours = ((out.node ?? 0) + (out.pg ?? 0) + (out.redis ?? 0)) * units + benchMs;
      const capacity = (b.at - a.at) * os.cpus().length;
      out.other = Math.max(0, (100 * (b.machine - a.machine - ours)) / capacity);
    }
    return out;
  }
  const fmtCpu = (c) => {
    if (!c) return '';
    const f = (v) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(2));
    return `${f(c.node)} · ${f(c.pg)} · ${f(c.redis)}`;
  };

  // Statements the bench itself sends to the bench databases (each one commits): subtracted from commit counts.
  let benchStatements = 0;
  async function select(pool, sql, params) {
    benchStatements++;
    return (await pool.query(sql, params)).rows;
  }

  // ---- the local sink for http steps -----------------------------------------------------------
  function startSink() {
    const state = { received: 0, badBodies: 0, orders: new Set() };
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        state.received++;
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (typeof body.order !== 'string' || typeof body.total !== 'number') state.badBodies++;
          else state.orders.add(body.order);
        } catch {
          state.badBodies++;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    server.keepAliveTimeout = 30_000;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () =>
        resolve({
          port: server.address().port,
          state,
          reset() {
            state.received = 0;
            state.badBodies = 0;
            state.orders = new Set();
          },
          close: () =>
            new Promise((r) => {
              server.closeAllConnections?.();
              server.close(() => r());
            }),
        }),
      );
    });
  }

  // ---- measurements ---------------------------------------------------------------------------
  async function measureBaseline(flag = '--baseline-server', db = null) {
    const name = { '--baseline-server': 'baseline', '--bare-http-server': 'bare-http', '--durable-floor-server': 'durable-floor' }[flag];
    const child = startChild(name, [fileURLToPath(import.meta.url), flag, ...(db ? [db.url] : [])], {
      ...process.env,
    });
    try {
      const port = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`baseline server did not start:\n${childTail(child)}`)), 15_000);
        child.on('line', (line) => {
          try {
            const { port: p } = JSON.parse(line);
            clearTimeout(timer);
            resolve(p);
          } catch {
            /* some other output */
          }
        });
        child.exited.then(() => reject(new Error(`baseline server exited:\n${childTail(child)}`)));
      });
      const url = `http://${LOOPBACK}:${port}/hooks/x`;
      const warm = await cannon({ url, connections: CONNECTIONS, duration: WARMUP });
      const before = await cpuSnapshot([child], db?.name ?? null);
      const r = summarize(await cannon({ url, connections: CONNECTIONS, duration: DURATION }));
      const cpu = cpuPer(before, await cpuSnapshot([child], db?.name ?? null), r.total);
      cpu.redis = null; // the baselines use no Redis
      const notes = [`${fmtInt(r.total)} requests`, `load generator ${cpu.bench.toFixed(2)} CPU ms/req`];
      if (db) {
        const pool = benchPool(db.url);
        try {
          const [row] = await select(pool, 'SELECT count(*)::int AS n FROM floor_requests');
          notes.push(`${fmtInt(row.n)} bodies stored`);
          const acknowledged = warm['2xx'] + r.ok2xx;
          if (row.n < acknowledged) notes.push(`**${acknowledged - row.n} acknowledged bodies missing**`);
        } finally {
          await pool.end().catch(() => undefined);
        }
      }
      return { ...r, cpu, notes };
    } finally {
      await stopChild(child);
    }
  }

  /** The durable floor (see durableFloorServer) on a fresh database. */
  async function measureDurableFloor() {
    const db = await createDatabase('durable-floor');
    try {
      const pool = benchPool(db.url);
      try {
        await pool.query('CREATE TABLE floor_requests (id uuid PRIMARY KEY, body jsonb NOT NULL)');
      } finally {
        await pool.end().catch(() => undefined);
      }
      return await measureBaseline('--durable-floor-server', db);
    } finally {
      await dropDatabase(db.name).catch((err) => log(`could not drop ${db.name}: ${err.message}`));
    }
  }

  /**
   * Seeds HISTORY earlier requests and runs (with three journal entries each) of a workflow of their
   * own, spread over the last 30 days, then VACUUM ANALYZE: the tables, indexes and statistics of an
   * installation in use. On never-analyzed tables that grow from empty during the row, the plans a
   * connection caches first (a scan of the whole table for a handful of rows) stay for the whole row.
   */
  async function seedHistory(port, pool) {
    if (HISTORY === 0) return;
    const wf = await createWorkflow(port, 'bench history', [MAP_STEP]);
    await select(
      pool,
      `WITH src AS (
         SELECT g, (extract(epoch FROM now()) * 1000)::bigint - 60000 - ((g::bigint * 2592000000) / $2) AS ms,
                md5(g::text || random()::text) AS r1, md5(random()::text || g::text) AS r2
           FROM generate_series(1, $2) AS g
       ), ids AS (
         SELECT g, ms,
                (substr(lpad(to_hex(ms), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex(ms), 12, '0'), 9, 4) || '-7' || substr(r1, 1, 3) || '-8' || substr(r1, 4, 3) || '-' || substr(r1, 7, 12))::uuid AS request_id,
                (substr(lpad(to_hex(ms), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex(ms), 12, '0'), 9, 4) || '-7' || substr(r2, 1, 3) || '-8' || substr(r2, 4, 3) || '-' || substr(r2, 7, 12))::uuid AS run_id
           FROM src
       ), req AS (
         INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, status_code, body_json)
         SELECT request_id, w.workspace_id, w.id, 'POST', '{}', '{"content-type":"application/json"}', 'application/json',
                convert_to(json_build_object('id', 'h' || g, 'amount', g % 997)::text, 'UTF8'), 40, to_timestamp(ms / 1000.0), 'accepted', 202,
                jsonb_build_object('id', 'h' || g, 'amount', g % 997)
           FROM ids, workflows w WHERE w.id = $1
       ), run AS (
         INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at, started_at, finished_at, claims)
         SELECT run_id, w.workspace_id, w.id, w.current_version_id, request_id, CASE WHEN g % 20 = 0 THEN 'failed' ELSE 'succeeded' END,
                to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0 + 0.05), 1
           FROM ids, workflows w WHERE w.id = $1
         RETURNING id, workspace_id, started_at
       )
       INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, output, attempts, started_at, finished_at, duration_ms)
       SELECT gen_random_uuid(), run.workspace_id, run.id, s.id, s.type, s.pos, 'succeeded', '{"ok":true}', 1, run.started_at, run.started_at, 1
         FROM run, (VALUES ('shape', 'map', 0), ('big', 'filter', 1), ('send', 'http', 2)) AS s(id, type, pos)`,
      [wf.id, HISTORY],
    );
    for (const table of ['inbound_requests', 'runs', 'step_runs']) await select(pool, `VACUUM ANALYZE ${table}`);
  }

  async function measureIngest(label, mode) {
    const db = await createDatabase(label);
    const prefix = `bench-${RUN_ID}-${label}`;
    const pool = benchPool(db.url);
    const sw = await startSwitchyard(label, { mode, workers: INGEST_WORKERS, databaseUrl: db.url, prefix });
    try {
      await seedHistory(sw.port, pool);
      const wf = await createWorkflow(sw.port, `bench ${label}`, [MAP_STEP]);
      const url = `http://${LOOPBACK}:${sw.port}${wf.path}`;
      const warm = await cannon({ url, connections: CONNECTIONS, duration: WARMUP });
      const before = await cpuSnapshot(sw.procs, db.name);
      const r = summarize(await cannon({ url, connections: CONNECTIONS, duration: DURATION }));
      const cpu = cpuPer(before, await cpuSnapshot(sw.procs, db.name), r.total);
      for (const p of sw.procs) if (!alive(p)) throw new Error(`${p.benchName} died during the measurement:\n${childTail(p)}`);
      // Durability: every 2xx must have its request and run rows. Requests cut off when autocannon
      // stopped may have been stored without an answer, so rows >= 2xx.
      const [rows] = await select(
        pool,
        `SELECT (SELECT count(*)::int FROM inbound_requests WHERE workflow_id = $1) AS requests,
                (SELECT count(*)::int FROM runs WHERE workflow_id = $1) AS runs,
                (SELECT count(*)::int FROM runs WHERE workflow_id = $1 AND status IN ('queued', 'running')) AS backlog`,
        [wf.id],
      );
      const acknowledged = warm['2xx'] + r.ok2xx;
      const lost = Math.max(0, acknowledged - rows.runs);
      const notes = [`${fmtInt(r.total)} requests`, `${fmtInt(rows.backlog)} runs still queued/running at the end`];
      if (lost > 0) notes.push(`**${lost} acknowledged requests have no run row**`);
      if (r.errors || r.timeouts) notes.push(`${r.errors} errors, ${r.timeouts} timeouts`);
      if (r.non2xx) notes.push(`status codes ${JSON.stringify(r.statusCodes)}`);
      return { ...r, cpu, lost, backlog: rows.backlog, notes };
    } finally {
      await Promise.all(sw.procs.map((p) => stopChild(p)));
      await pool.end().catch(() => undefined);
      await dropDatabase(db.name).catch((err) => log(`could not drop ${db.name}: ${err.message}`));
      if (mode === 'bullmq') await deleteQueueKeys(prefix).catch((err) => log(`could not delete ${prefix}:*: ${err.message}`));
    }
  }

  async function waitTerminal(pool, workflowId, expected, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await select(pool, `SELECT status, count(*)::int AS n FROM runs WHERE workflow_id = $1 GROUP BY status`, [workflowId]);
      const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      const total = rows.reduce((s, r) => s + r.n, 0);
      const pending = (byStatus.queued ?? 0) + (byStatus.running ?? 0);
      if (total >= expected && pending === 0) return { byStatus, total, complete: true };
      if (Date.now() > deadline) return { byStatus, total, complete: false };
      await sleep(100);
    }
  }

  /**
   * Samples, every 100 ms until stopped, the backends of a bench database waiting on a heavyweight
   * lock (pg_stat_activity wait_event_type 'Lock', i.e. a row or advisory lock another transaction
   * holds) or a lightweight one, and the ungranted entries of pg_locks.
   */
  function sampleLockWaits(pool, dbName) {
    const s = { samples: 0, withLockWait: 0, lockWaits: 0, maxLockWaits: 0, lwlockWaits: 0, ungranted: 0, events: new Map() };
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        const rows = await select(
          pool,
          `SELECT a.wait_event_type, a.wait_event,
                  (SELECT count(*)::int FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted) AS ungranted
             FROM pg_stat_activity a WHERE a.datname = $1 AND a.pid <> pg_backend_pid() AND a.state = 'active'`,
          [dbName],
        ).catch(() => []);
        s.samples++;
        const locks = rows.filter((r) => r.wait_event_type === 'Lock');
        if (locks.length > 0) s.withLockWait++;
        s.lockWaits += locks.length;
        s.maxLockWaits = Math.max(s.maxLockWaits, locks.length);
        s.lwlockWaits += rows.filter((r) => r.wait_event_type === 'LWLock').length;
        s.ungranted += rows.reduce((n, r) => n + r.ungranted, 0);
        for (const r of locks) s.events.set(r.wait_event, (s.events.get(r.wait_event) ?? 0) + 1);
        await sleep(100);
      }
    })();
    return async () => {
      stop = true;
      await loop;
      const events = [...s.events].map(([e, n]) => `${e} ${n}`).join(', ');
      return (
        `lock waits: ${s.withLockWait} of ${s.samples} samples (max ${s.maxLockWaits} backends${events ? `; ${events}` : ''}), ` +
        `${s.ungranted} ungranted pg_locks entries, ${s.lwlockWaits} LWLock waits`
      );
    };
  }

  /** Sends webhooks paced at `rate` per second (about 8 s worth, at most RUNS) and reads their run latency. */
  async function measureHalfLoad(port, pool, label, rate) {
    const paced = Math.max(1, Math.floor(rate));
    const amount = Math.max(50, Math.min(RUNS, paced * 8));
    const wf = await createWorkflow(port, `bench ${label} half load`, pipelineSteps(sink.port));
    sink.reset();
    const sent = summarize(
      await cannon({ url: `http://${LOOPBACK}:${port}${wf.path}`, connections: E2E_CONNECTIONS, amount, overallRate: paced }),
    );
    const done = await waitTerminal(pool, wf.id, sent.ok2xx, DRAIN_TIMEOUT_MS);
    if (!done.complete || sent.ok2xx !== amount || (done.byStatus.succeeded ?? 0) !== amount)
      return { problem: `**half load: ${sent.ok2xx} of ${amount} accepted, ${JSON.stringify(done.byStatus)}**` };
    if (sink.state.received !== amount || sink.state.orders.size !== amount)
      return { problem: `**half load: the sink got ${sink.state.received} (${sink.state.orders.size} distinct) of ${amount}**` };
    const [t] = await select(
      pool,
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at)) * 1000 AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at)) * 1000 AS p99
         FROM runs WHERE workflow_id = $1`,
      [wf.id],
    );
    return { rate: paced, runs: amount, p50: Number(t.p50), p99: Number(t.p99) };
  }

  async function measureEndToEnd(label, mode, workers) {
    const db = await createDatabase(label);
    const prefix = `bench-${RUN_ID}-${label}`;
    const pool = benchPool(db.url);
    const sw = await startSwitchyard(label, { mode, workers, databaseUrl: db.url, prefix });
    try {
      await seedHistory(sw.port, pool);
      // Warm-up on a twin workflow, so the measured one starts with warm JIT, caches and pools.
      const warmWf = await createWorkflow(sw.port, `bench ${label} warm-up`, pipelineSteps(sink.port));
      const warm = await cannon({
        url: `http://${LOOPBACK}:${sw.port}${warmWf.path}`,
        connections: E2E_CONNECTIONS,
        amount: E2E_WARMUP_RUNS,
      });
      const warmDone = await waitTerminal(pool, warmWf.id, warm['2xx'], 30_000);
      if (!warmDone.complete) throw new Error(`warm-up runs did not finish within 30 s: ${JSON.stringify(warmDone.byStatus)}`);

      const wf = await createWorkflow(sw.port, `bench ${label}`, pipelineSteps(sink.port));
      const url = `http://${LOOPBACK}:${sw.port}${wf.path}`;
      await cannon({ url, connections: 1, amount: 1 }).then(() => undefined); // primes the trigger cache
      const primed = await waitTerminal(pool, wf.id, 1, 10_000);
      if (!primed.complete) throw new Error('the priming run did not finish within 10 s');
      sink.reset();

      const commits = async () =>
        Number((await select(pool, `SELECT xact_commit FROM pg_stat_database WHERE datname = $1`, [db.name]))[0]?.xact_commit ?? NaN);
      const commitsBefore = await commits();
      const benchBefore = benchStatements;
      const before = await cpuSnapshot(sw.procs, db.name);
      const stopSampling = sampleLockWaits(pool, db.name);
      const t0 = Date.now();
      const sent = summarize(await cannon({ url, connections: E2E_CONNECTIONS, amount: RUNS }));
      const tSent = Date.now();
      const expected = 1 + sent.ok2xx;
      const done = await waitTerminal(pool, wf.id, expected, DRAIN_TIMEOUT_MS);
      const lockWaits = await stopSampling();
      const cpu = cpuPer(before, await cpuSnapshot(sw.procs, db.name), Math.max(1, done.total - 1));
      await sleep(11_000); // an idle backend publishes its counters within 10 s (PGSTAT_IDLE_INTERVAL)
      const commitsPerRun = (await commits()) - commitsBefore - (benchStatements - benchBefore);
      const [timing] = await select(
        pool,
        `SELECT extract(epoch FROM max(finished_at)) * 1000 AS last_finished,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at)) * 1000 AS p50,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at)) * 1000 AS p99,
                (SELECT count(*)::int FROM step_runs s JOIN runs r2 ON r2.id = s.run_id WHERE r2.workflow_id = $1) AS steps
           FROM runs WHERE workflow_id = $1 AND created_at >= to_timestamp($2 / 1000.0)`,
        [wf.id, t0],
      );
      const tEnd = done.complete ? Number(timing.last_finished) : Date.now();
      const measured = done.total - 1; // minus the priming run
      const succeeded = (done.byStatus.succeeded ?? 0) - 1;
      const failed = done.byStatus.failed ?? 0;
      const filtered = done.byStatus.filtered ?? 0;
      const pending = (done.byStatus.queued ?? 0) + (done.byStatus.running ?? 0);
      const received = sink.state.received;
      const distinct = sink.state.orders.size;
      const problems = [];
      if (sent.ok2xx !== RUNS) problems.push(`only ${sent.ok2xx} of ${RUNS} webhooks were accepted`);
      if (!done.complete) problems.push(`**${pending} runs not terminal after ${DRAIN_TIMEOUT_MS / 1000} s**`);
      if (measured < sent.ok2xx) problems.push(`**${sent.ok2xx - measured} accepted webhooks have no run**`);
      if (failed) problems.push(`**${failed} runs failed**`);
      if (filtered) problems.push(`**${filtered} runs filtered**`);
      if (received !== sent.ok2xx) problems.push(`**sink received ${received}, expected ${sent.ok2xx}**`);
      if (sink.state.orders.size !== received) problems.push(`**${received - sink.state.orders.size} duplicate deliveries**`);
      if (sink.state.badBodies) problems.push(`**${sink.state.badBodies} malformed sink bodies**`);
      // Half load: the same pipeline paced at half the rate just measured, on a workflow of its own,
      // for the run latency (received -> finished) when no backlog forms (issue 15: p99 < 100 ms).
      const half = done.complete ? await measureHalfLoad(sw.port, pool, label, measured / ((tEnd - t0) / 1000) / 2) : null;
      if (half?.problem) problems.push(half.problem);
      const notes = [
        ...(half && !half.problem
          ? [
              `**at half load** (${fmtInt(half.rate)} webhooks/s paced, ${fmtInt(half.runs)} runs): run latency p50 ${fmtMs(half.p50)} ms, p99 ${fmtMs(half.p99)} ms`,
            ]
          : []),
        `${fmtInt(sent.ok2xx)} webhooks sent in ${((tSent - t0) / 1000).toFixed(1)} s (${fmtInt(sent.ok2xx / ((tSent - t0) / 1000))}/s, ${E2E_CONNECTIONS} connections)`,
        `all runs terminal ${((tEnd - t0) / 1000).toFixed(1)} s after the first`,
        `sink got ${fmtInt(received)} (${fmtInt(distinct)} distinct)`,
        `${fmtInt(succeeded)} succeeded, ${failed} failed, ${filtered} filtered`,
        `${(commitsPerRun / Math.max(1, done.total - 1)).toFixed(2)} PostgreSQL commits per run (pg_stat_database, ingest included, the bench's own queries excluded)`,
        lockWaits,
        ...problems,
      ];
      return {
        rps: measured / ((tEnd - t0) / 1000),
        cpu,
        p50: Number(timing.p50),
        p99: Number(timing.p99),
        non2xx: sent.non2xx,
        errors: sent.errors,
        timeouts: sent.timeouts,
        problems,
        notes,
        half,
      };
    } finally {
      await Promise.all(sw.procs.map((p) => stopChild(p)));
      await pool.end().catch(() => undefined);
      await dropDatabase(db.name).catch((err) => log(`could not drop ${db.name}: ${err.message}`));
      if (mode === 'bullmq') await deleteQueueKeys(prefix).catch((err) => log(`could not delete ${prefix}:*: ${err.message}`));
    }
  }

  // ---- run ------------------------------------------------------------------------------------
  const started = Date.now();
  const results = {};
  let failedChecks = 0;
  let pgVersion = 'unknown';
  let redisVersion = 'unknown';
  try {
    try {
      await import('node:fs').then(({ accessSync }) => accessSync(MAIN_JS));
    } catch {
      throw new Error(`${path.relative(ROOT, MAIN_JS)} is missing: build first (npm run bench, or NX_DAEMON=false npx nx run api:build)`);
    }
    pgVersion = (await adminQuery('SHOW server_version')).rows[0].server_version;
    if (ONLY.some((p) => p.endsWith('bullmq'))) {
      const IORedis = apiRequire('ioredis');
      const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
      try {
        await redis.connect();
        const info = await redis.info('server');
        redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
        const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
        if (pid && (await procCpuMs(pid)) !== null) redisPid = pid; // only when Redis runs on this host
      } finally {
        redis.disconnect();
      }
    }
    if (ONLY.some((p) => p.startsWith('e2e'))) sink = await startSink();

    const phases = {
      'bare-http': () => measureBaseline('--bare-http-server'),
      baseline: () => measureBaseline(),
      'durable-floor': () => measureDurableFloor(),
      'ingest-embedded': () => measureIngest('ingest-embedded', 'embedded'),
      'ingest-bullmq': () => measureIngest('ingest-bullmq', 'bullmq'),
      'e2e-embedded': () => measureEndToEnd('e2e-embedded', 'embedded', 0),
      'e2e-bullmq': () => measureEndToEnd('e2e-bullmq', 'bullmq', E2E_WORKERS),
    };
    for (const name of ALL_PHASES) {
      if (!ONLY.includes(name)) continue;
      log(`${name}...`);
      const t = Date.now();
      try {
        results[name] = await phases[name]();
        log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s: ${fmtInt(results[name].rps)}/s`);
      } catch (err) {
        results[name] = { error: err instanceof Error ? err.message : String(err) };
        log(`${name} FAILED: ${results[name].error}`);
      }
    }
  } finally {
    await cleanup();
  }

  // ---- report ---------------------------------------------------------------------------------
  const base = results.baseline && !results.baseline.error ? results.baseline.rps : NaN;
  const bare = results['bare-http'] && !results['bare-http'].error ? results['bare-http'].rps : NaN;
  const rows = [
    ['bare-http', 'Bare `node:http`: JSON parsed, 202 `{}`', 'req/s'],
    ['baseline', 'Baseline: bare Fastify, 202 `{}`', 'req/s'],
    ['durable-floor', 'Durable floor: bare `node:http`, body committed to PostgreSQL (group commit), then 202', 'req/s'],
    ['ingest-embedded', 'Ingest, in-process dispatch (`--role=all`)', 'req/s'],
    ['ingest-bullmq', `Ingest, BullMQ (\`--role=api\` + ${INGEST_WORKERS} worker${INGEST_WORKERS === 1 ? '' : 's'})`, 'req/s'],
    ['e2e-embedded', 'End-to-end map→filter→http, in-process (`--role=all`)', 'runs/s'],
    ['e2e-bullmq', `End-to-end map→filter→http, BullMQ (api + ${E2E_WORKERS} worker${E2E_WORKERS === 1 ? '' : 's'})`, 'runs/s'],
  ];
  const lines = [];
  const cpus = os.cpus();
  lines.push(
    `Machine: ${cpus.length} CPUs (${cpus[0]?.model?.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}, Redis ${redisVersion}`,
  );
  let commit = 'unknown';
  try {
    const { execFileSync } = await import('node:child_process');
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    /* not a git checkout */
  }
  lines.push(
    `Code: ${process.env.SWITCHYARD_BENCH_SERVER ? `server ${MAIN_JS}` : `commit ${commit} (plus any uncommitted changes), apps/api/dist as built`}; ${new Date().toISOString()}`,
  );
  lines.push(
    `Settings: ${QUICK ? 'QUICK, ' : ''}ingest ${DURATION} s after ${WARMUP} s warm-up, ${CONNECTIONS} connections, ${Buffer.byteLength(PAYLOAD)}-byte JSON body; ` +
      `end-to-end ${RUNS} webhooks over ${E2E_CONNECTIONS} connections; SWITCHYARD_WORKER_CONCURRENCY=${WORKER_CONCURRENCY}; ` +
      `${HISTORY > 0 ? `${fmtInt(HISTORY)} earlier runs in each database (SWITCHYARD_BENCH_HISTORY)` : 'empty databases'}; all on ${LOOPBACK}`,
  );
  const foreign = Object.values(results)
    .map((r) => r.cpu?.other)
    .filter((b) => typeof b === 'number');
  if (foreign.length > 0 && Math.max(...foreign) > 10) {
    lines.push(
      `**Other processes used up to ${Math.max(...foreign).toFixed(0)}% of the CPUs during the measurements (column "Foreign CPU"): ` +
        'throughput and latency in those rows are depressed; the CPU-per-request figures are less affected. Re-run on an idle machine.**',
    );
  }
  lines.push('');
  lines.push(
    '| Measurement | Throughput | p50 ms | p99 ms | non-2xx | vs Fastify | vs node:http | CPU ms per req/run: node · pg · redis | Foreign CPU | Notes |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [key, title, unit] of rows) {
    if (!ONLY.includes(key)) continue;
    const r = results[key];
    if (!r || r.error) {
      failedChecks++;
      lines.push(`| ${title} | **error** | | | | | | | | ${errorSummary(r?.error ?? 'not run')} |`);
      continue;
    }
    const isIngest = key.startsWith('ingest');
    if (r.non2xx || r.errors || r.timeouts || r.lost || r.problems?.length) failedChecks++;
    const ratio = isIngest && Number.isFinite(base) ? `${((100 * r.rps) / base).toFixed(0)}%` : '';
    // Against bare node:http: ingest rows and end-to-end rows alike (runs/s ÷ req/s).
    const bareRatio = key !== 'bare-http' && Number.isFinite(bare) ? `${((100 * r.rps) / bare).toFixed(1)}%` : '';
    lines.push(
      `| ${title} | ${fmtInt(r.rps)} ${unit} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${r.non2xx}${r.errors || r.timeouts ? ` (+${r.errors} err, ${r.timeouts} t/o)` : ''} | ${ratio} | ${bareRatio} | ${fmtCpu(r.cpu)} | ${Number.isFinite(r.cpu?.other) ? `${r.cpu.other.toFixed(0)}%` : ''} | ${r.notes.join('; ')} |`,
    );
  }
  lines.push('');
  lines.push(
    'Ingest and baseline latencies are per HTTP request (autocannon). End-to-end p50/p99 are per run, from the webhook being received to the run being finished (PostgreSQL timestamps); ' +
      'runs/s = runs / (time from the first webhook sent to the last run finished). ' +
      'CPU ms per request (ingest, baseline) or per run (end-to-end): CPU time used during the measurement by the Node server processes (api + workers), ' +
      'the PostgreSQL backends of the bench database and redis-server, divided by the requests or runs; it depends much less than throughput on other load on the machine. ' +
      'In ingest rows, node includes the runs the workers executed meanwhile. ' +
      'Foreign CPU: share of all CPUs used during the measurement by processes other than the bench, its servers, their PostgreSQL backends and Redis.',
  );
  lines.push(`Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (failedChecks > 0) {
    log(`${failedChecks} measurement(s) failed or saw non-2xx answers, errors or lost runs`);
    process.exitCode = 1;
  }
}

/** CPU time (ms, all CPUs) the machine has spent busy since boot (Linux /proc/stat), or null elsewhere. */
async function machineBusyMs() {
  try {
    const { readFile } = await import('node:fs/promises');
    const v = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return ((v.reduce((a, b) => a + b, 0) - v[3] - (v[4] ?? 0)) * 1000) / 100;
  } catch {
    return null;
  }
}

/** One table-cell line for an error: its first line plus the first line that names the problem. */
function errorSummary(message) {
  const lines = String(message)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const cause = lines.slice(1).find((l) => /error|exception|invalid|can't|cannot|refused/i.test(l));
  return [lines[0], cause].filter(Boolean).join(' ').slice(0, 300).replace(/\|/g, '\\|');
}

function loopbackUrl(raw, name) {
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`${name} must point at loopback (127.0.0.1), not ${host}`);
  return raw.replace(/\/$/, '');
}
