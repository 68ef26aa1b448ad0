#!/usr/bin/env node
// What each index of inbound_requests costs an ingest insert: PostgreSQL CPU per row for the same
// batched INSERT (50 rows of the bench's order webhook per statement, as group commit writes them)
// into a copy of the table with all its indexes, without the GIN payload index, and with the primary
// key alone. Loopback only; creates one database, bench_idx_<id>, and drops it at the end.
//   node scripts/bench-ingest-indexes.mjs            (SWITCHYARD_BENCH_RUNS=rows per variant, default 20000)

import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pg = createRequire(path.join(ROOT, 'package.json'))('pg');
const PG_URL = 'postgres://postgres@127.0.0.1:5432';
const ROWS = Number(process.env.SWITCHYARD_BENCH_RUNS || 20000);
const BATCH = 50;
const DB = `bench_idx_${randomBytes(4).toString('hex')}`;

const TABLE = `CREATE TABLE r (
  id uuid PRIMARY KEY, workspace_id uuid NOT NULL, workflow_id uuid NOT NULL, method text NOT NULL, query jsonb, headers jsonb,
  content_type text, body bytea, size int NOT NULL, received_at timestamptz NOT NULL, verdict text NOT NULL, reason text,
  status_code int NOT NULL, body_json jsonb)`;
const WORDS_INDEX = `CREATE INDEX ON r USING gin (jsonb_to_tsvector('simple'::regconfig, body_json, '["string", "numeric"]'::jsonb))`;
const VARIANTS = {
  'all indexes (as shipped)': [
    'CREATE INDEX ON r (workflow_id, id)',
    'CREATE INDEX ON r USING gin (body_json jsonb_path_ops)',
    WORDS_INDEX,
  ],
  'without the plain-value (words) index': [
    'CREATE INDEX ON r (workflow_id, id)',
    'CREATE INDEX ON r USING gin (body_json jsonb_path_ops)',
  ],
  'without either GIN payload index': ['CREATE INDEX ON r (workflow_id, id)'],
  'primary key only': [],
};
const INSERT = `INSERT INTO r (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, reason, status_code, body_json)
SELECT id, ws, wf, 'POST', '{}'::jsonb, h::jsonb, 'application/json', b, s, now(), 'accepted', NULL, 202, bj::jsonb
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bytea[], $6::int[], $7::text[]) AS t(id, ws, wf, h, b, s, bj)`;

async function backendCpuMs(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

const admin = new pg.Client({ connectionString: `${PG_URL}/test` });
await admin.connect();
await admin.query(`CREATE DATABASE "${DB}"`);
const results = [];
try {
  const client = new pg.Client({ connectionString: `${PG_URL}/${DB}` });
  client.on('error', () => undefined); // the database is dropped with FORCE at the end, also on an error
  await client.connect();
  const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const ws = randomUUID();
  const wf = randomUUID();
  const headers = JSON.stringify({ 'content-type': 'application/json', 'user-agent': 'switchyard-bench', host: '127.0.0.1' });
  for (const round of [1, 2]) {
    for (const [name, indexes] of Object.entries(VARIANTS)) {
      await client.query('DROP TABLE IF EXISTS r');
      await client.query(TABLE);
      for (const sql of indexes) await client.query(sql);
      const cpu0 = await backendCpuMs(pid);
      const t0 = process.hrtime.bigint();
      for (let done = 0; done < ROWS; done += BATCH) {
        const ids = Array.from({ length: BATCH }, () => randomUUID());
        const bodies = ids.map((id) =>
          JSON.stringify({
            id,
            type: 'order.created',
            amount: 42.5,
            currency: 'EUR',
            customer: { id: 'cus_8f3a2b1c', email: `${id.slice(0, 8)}@example.com`, name: 'Ada Lovelace' },
            items: [
              { sku: 'SKU-1001', qty: 2, price: 12.5 },
              { sku: 'SKU-2002', qty: 1, price: 17.5 },
            ],
            shipping: { method: 'standard', country: 'GB', postcode: 'SW1A 1AA' },
          }),
        );
        await client.query({
          name: 'ins',
          text: INSERT,
          values: [
            ids,
            ids.map(() => ws),
            ids.map(() => wf),
            ids.map(() => headers),
            bodies.map((b) => Buffer.from(b)),
            bodies.map((b) => b.length),
            bodies,
          ],
        });
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = (await backendCpuMs(pid)) - cpu0;
      results.push({ round, name, cpuPerRow: cpu / ROWS, msPerRow: ms / ROWS });
    }
  }
  await client.end();
} catch (err) {
  process.stderr.write(`bench-ingest-indexes failed: ${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.end();
}
const lines = [
  `${ROWS} rows per variant, ${BATCH} per statement, two rounds; PostgreSQL backend CPU and wall time per row.`,
  '',
  '| Indexes on the request table | round | PostgreSQL CPU µs per row | wall µs per row |',
  '|---|---:|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${r.round} | ${(r.cpuPerRow * 1000).toFixed(1)} | ${(r.msPerRow * 1000).toFixed(1)} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
