// History at scale: seeds 100,000 runs (and their requests) into a fresh database, then measures the
// run list, filters, time range and payload search through the HTTP API of the built server.
// Loopback only, bounded in count and time. Usage: `node scripts/bench-history.mjs` after a build.
// SWITCHYARD_BENCH_RUNS=N changes the number of seeded runs (default 100000).
// SWITCHYARD_BENCH_KEEP_DB=1 keeps the seeded database afterwards (and prints its name) for EXPLAIN;
// SWITCHYARD_BENCH_VERBOSE=1 prints every sample of every row.
// Last, it measures retention: the product's own RetentionPruner deletes the oldest day of runs while a
// paced stream of webhooks arrives, and the ingest latency during the deletion is compared with before.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BENCH_AUTH_HEADERS, BENCH_OWNER_ENV } from './bench-auth.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const ADMIN_URL = process.env.SWITCHYARD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.SWITCHYARD_BENCH_RUNS ?? 100_000);
const SAMPLES = 40;
const KEEP_DB = process.env.SWITCHYARD_BENCH_KEEP_DB === '1';
const VERBOSE = process.env.SWITCHYARD_BENCH_VERBOSE === '1';
/** The bound this script checks: every query's p99 through the HTTP API. */
const BOUND_P99_MS = 250;
/** The targets of the performance issue at 1,000,000 runs: p50 < 20 ms and p99 < 100 ms. */
const TARGET_P50_MS = 20;
const TARGET_P99_MS = 100;
/** Webhooks per second sent during the retention measurement, and how long the baseline lasts. */
const INGEST_RATE = Number(process.env.SWITCHYARD_BENCH_INGEST_RATE ?? 100);
const BASELINE_MS = 8000;
const require = createRequire(import.meta.url);

const dbName = `sy_bench_history_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function time(url) {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { headers: BENCH_AUTH_HEADERS });
  const body = await res.json();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

/** Sends webhooks at a steady rate until `until()` is true (and at least `minMs`), timing each answer. */
async function pacedIngest(url, minMs, until = () => true) {
  const times = [];
  let failed = 0;
  const inflight = new Set();
  const started = Date.now();
  for (let i = 0; Date.now() - started < minMs || !until(); i++) {
    const due = started + (i * 1000) / INGEST_RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = process.hrtime.bigint();
    const p = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { email: `ingest${i}@example.com` }, amount: i }),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.status < 200 || res.status > 299) failed++;
      })
      .catch(() => failed++)
      .finally(() => inflight.delete(p));
    inflight.add(p);
    if (i > INGEST_RATE * 600) throw new Error('retention measurement did not end within 10 minutes');
  }
  await Promise.all(inflight);
  return {
    count: times.length + failed,
    failed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
  };
}

/**
 * The product's own RetentionPruner (from the build) deletes the oldest of the 30 seeded days of the
 * history workflow while an active workflow receives a paced stream of webhooks.
 */
async function measureRetention(base, url, historyWorkflowId) {
  const { RetentionPruner } = require(path.join(ROOT, 'apps/api/dist/runtime/retention-pruner.js'));
  const live = await fetch(`${base}/api/workflows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...BENCH_AUTH_HEADERS },
    body: JSON.stringify({
      name: 'Ingest during retention',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '1' }],
    }),
  }).then((r) => r.json());
  const hook = `${base}/hooks/${live.trigger.token}`;
  const days = 29;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    // Only the history workflow keeps 29 days; the live one keeps the default (30), so nothing it receives is pruned.
    await pool.query('UPDATE workflows SET retention_days = $2 WHERE id = $1', [historyWorkflowId, days]);
    const before = await pacedIngest(hook, BASELINE_MS);
    const silent = { info() {}, warn() {}, error() {}, debug() {} };
    const pruner = new RetentionPruner(pool, 30, silent);
    let done = false;
    let deleted = 0;
    const pruneStarted = Date.now();
    let pruneMs = 0;
    const pruning = pruner
      .prune()
      .then((n) => {
        deleted = n ?? 0;
      })
      .finally(() => {
        pruneMs = Date.now() - pruneStarted;
        done = true;
      });
    const during = await pacedIngest(hook, 1000, () => done);
    await pruning;
    return { days, deleted, pruneMs, before, during };
  } finally {
    await pool.end();
  }
}

async function main() {
  await admin(`CREATE DATABASE ${dbName}`);
  const port = await freePort();
  const server = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: dbUrl,
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      SWITCHYARD_WORKER_CONCURRENCY: '1',
      ...BENCH_OWNER_ENV,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health/ready`)).status === 200) break;
      } catch {
        // not up yet
      }
      if (i > 300) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const created = await fetch(`${base}/api/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...BENCH_AUTH_HEADERS },
      body: JSON.stringify({
        name: 'History bench',
        trigger: { type: 'webhook' },
        steps: [{ id: 'm', type: 'map', expression: '1' }],
        active: false,
      }),
    }).then((r) => r.json());
    await client.connect();

    const seedStarted = Date.now();
    // Time-ordered UUIDv7 ids spread over the last 30 days; 5,000 distinct customers; mixed statuses.
    await client.query(
      `WITH src AS (
         SELECT g,
                (extract(epoch FROM now()) * 1000)::bigint - ((g::bigint * 2592000000) / $2) AS ms,
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
                convert_to(json_build_object('customer', json_build_object('email', 'user' || (g % 5000) || '@example.com'), 'amount', g % 997)::text, 'UTF8'),
                60, to_timestamp(ms / 1000.0), 'accepted', 202,
                jsonb_build_object('customer', jsonb_build_object('email', 'user' || (g % 5000) || '@example.com'), 'amount', g % 997)
           FROM ids, workflows w WHERE w.id = $1
       )
       INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at, started_at, finished_at, claims)
       SELECT run_id, w.workspace_id, w.id, w.current_version_id, request_id,
              CASE WHEN g % 20 = 0 THEN 'filtered' WHEN g % 7 = 0 THEN 'failed' ELSE 'succeeded' END,
              to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0 + 0.05), 1
         FROM ids, workflows w WHERE w.id = $1`,
      [created.id, RUNS],
    );
    // Steady state: autovacuum would have merged the GIN pending list and gathered statistics by now.
    await client.query('VACUUM ANALYZE inbound_requests');
    await client.query('VACUUM ANALYZE runs');
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const wf = created.id;
    const since = encodeURIComponent(new Date(Date.now() - 24 * 3600 * 1000).toISOString());
    const email = (i) => encodeURIComponent(`body.customer.email = "user${(i * 37) % 5000}@example.com"`);
    const plain = (i) => encodeURIComponent(`user${(i * 53) % 5000}@example.com`);
    // PostgreSQL estimates a containment from the ~100 bodies sampled into body_json's histogram; a
    // value that is one of them was estimated at 1% of all requests (see docs/search.md). The e-mails of
    // those bodies get a row of their own, so that case is measured every time, not only by chance.
    const histogram = await client.query(
      `SELECT DISTINCT h->'customer'->>'email' AS email FROM pg_stats s, unnest(s.histogram_bounds::text::jsonb[]) AS h
        WHERE s.tablename = 'inbound_requests' AND s.attname = 'body_json' AND h->'customer'->>'email' IS NOT NULL ORDER BY 1`,
    );
    const sampledEmails = histogram.rows.map((r) => r.email);
    const inStats = (i) => encodeURIComponent(`body.customer.email = "${sampledEmails[(i * 7) % sampledEmails.length]}"`);
    const cases = [
      ['Newest 50 runs of a workflow', () => `${base}/api/workflows/${wf}/runs?limit=50`],
      ['Filter: failed runs', () => `${base}/api/workflows/${wf}/runs?status=failed&limit=50`],
      ['Time range: last 24 h', () => `${base}/api/workflows/${wf}/runs?since=${since}&limit=50`],
      ['Search: body.customer.email = "…"', (i) => `${base}/api/workflows/${wf}/runs?q=${email(i)}&limit=50`],
      ...(sampledEmails.length > 0
        ? [
            [
              'Search: body.customer.email = "…", a value in the statistics',
              (i) => `${base}/api/workflows/${wf}/runs?q=${inStats(i)}&limit=50`,
            ],
          ]
        : []),
      ['Search: a plain value (an e-mail)', (i) => `${base}/api/workflows/${wf}/runs?q=${plain(i)}&limit=50`],
      ['All workflows: a plain value', (i) => `${base}/api/runs?q=${plain(i + 1)}&limit=50`],
      ['All workflows: failed runs', () => `${base}/api/runs?status=failed&limit=50`],
    ];
    const rows = [];
    for (const [name, url] of cases) {
      const times = [];
      let items = 0;
      await time(url(SAMPLES)); // warm-up, not counted
      for (let i = 0; i < SAMPLES; i++) {
        const { ms, body } = await time(url(i));
        times.push(ms);
        items = body.items.length;
      }
      if (VERBOSE) console.log(`${name}: ${times.map((t) => t.toFixed(1)).join(' ')}`);
      rows.push({ name, p50: percentile(times, 50), p99: percentile(times, 99), items });
    }
    // Deep paging: walk 40 pages of 50 with the cursor (2,000 runs back).
    const pageTimes = [];
    let cursor = null;
    for (let i = 0; i < 40; i++) {
      const { ms, body } = await time(`${base}/api/workflows/${wf}/runs?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      pageTimes.push(ms);
      cursor = body.nextCursor;
    }
    rows.push({ name: 'Cursor paging, 40 pages deep', p50: percentile(pageTimes, 50), p99: percentile(pageTimes, 99), items: 50 });

    // The path search's first statement (RunsService.fieldSearchRequestIds): the matching requests.
    const plan = await client.query(
      `EXPLAIN SELECT id FROM inbound_requests WHERE workspace_id = (SELECT workspace_id FROM workflows WHERE id = $1) AND body_json @> '{"customer":{"email":"user42@example.com"}}'::jsonb LIMIT 1001`,
      [wf],
    );
    // PostgreSQL estimates a containment from the ~100 bodies of body_json's histogram: the e-mails
    // sampled here that are among them were the ones a joined query answered by walking every run.
    const sampled = [...Array(SAMPLES + 1).keys()].map((i) => `user${(i * 37) % 5000}@example.com`);
    const inHistogram = await client.query(
      `SELECT count(DISTINCT e) AS n FROM pg_stats s, unnest(s.histogram_bounds::text::jsonb[]) AS h, unnest($1::text[]) AS e
        WHERE s.tablename = 'inbound_requests' AND s.attname = 'body_json' AND h @> jsonb_build_object('customer', jsonb_build_object('email', e))`,
      [sampled],
    );
    const planText = plan.rows.map((r) => r['QUERY PLAN']).join(' ');
    const wordsPlan = await client.query(
      `EXPLAIN SELECT r.id FROM runs r JOIN inbound_requests req ON req.id = r.request_id
        WHERE jsonb_to_tsvector('simple'::regconfig, req.body_json, '["string", "numeric"]'::jsonb) @@ phraseto_tsquery('simple'::regconfig, 'user42@example.com')
        ORDER BY r.id DESC LIMIT 51`,
    );
    const wordsPlanText = wordsPlan.rows.map((r) => r['QUERY PLAN']).join(' ');

    const retention = await measureRetention(base, dbUrl, wf);

    console.log(`\n## Run history at ${RUNS.toLocaleString('en-US')} runs\n`);
    console.log(
      `Seeded ${RUNS.toLocaleString('en-US')} requests and runs in ${seedSeconds.toFixed(1)} s; ${SAMPLES} requests per row (after one warm-up) through the HTTP API; bound: p99 < ${BOUND_P99_MS} ms.\n`,
    );
    console.log(`| Query | p50 ms | p99 ms | items | within bound | target (p50 < ${TARGET_P50_MS}, p99 < ${TARGET_P99_MS}) |`);
    console.log('|---|---:|---:|---:|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.items} | ${r.p99 < BOUND_P99_MS ? 'yes' : 'NO'} | ${r.p50 < TARGET_P50_MS && r.p99 < TARGET_P99_MS ? 'met' : 'not met'} |`,
      );
    console.log(`\n### Retention while webhooks arrive (${INGEST_RATE} webhooks/s, paced)\n`);
    console.log(
      `RetentionPruner deleted ${retention.deleted.toLocaleString('en-US')} requests (and their runs) older than ${retention.days} days in ${(retention.pruneMs / 1000).toFixed(1)} s.\n`,
    );
    console.log('| Phase | webhooks | p50 ms | p99 ms | max ms | non-2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of [
      ['Before (no deletion)', retention.before],
      ['While the oldest day is deleted', retention.during],
    ])
      console.log(`| ${name} | ${r.count} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.failed} |`);
    console.log(
      `\nSearch plan uses the GIN index: ${/idx_inbound_requests_body_json/.test(planText) ? 'yes' : 'no'} (${planText.slice(0, 160)}…)`,
    );
    console.log(`Path-search e-mails (of ${sampled.length}) that are in body_json's histogram: ${inHistogram.rows[0].n}`);
    console.log(
      `Plain-value search plan uses the words index: ${/idx_inbound_requests_body_words/.test(wordsPlanText) ? 'yes' : 'no'} (${wordsPlanText.slice(0, 160)}…)`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await client.end().catch(() => undefined);
    if (KEEP_DB) console.log(`Kept the database ${dbName} (${dbUrl}); drop it with DROP DATABASE ${dbName} WITH (FORCE)`);
    else await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
