#!/usr/bin/env node
// Switchyard soak test: `npm run soak` on a built tree (`npm run build` first).
//
// On loopback only, against the local PostgreSQL and Redis: starts the built api and one worker
// process (BullMQ mode) on a fresh database, measures end-to-end capacity (runs/s of a map -> http
// workflow against a local sink: 15 s at full speed, counted until the backlog has drained), then holds half that rate for SOAK_MINUTES
// and prints throughput, errors, latency and the RSS of each server process at the start and end of
// the steady phase. Everything it made (processes, database, Redis keys) is removed at the end.
//
// Environment (all optional):
//   SOAK_MINUTES=3                                   length of the steady phase
//   SOAK_PG_URL=postgres://postgres@127.0.0.1:5432   server to create the database on (loopback)
//   SOAK_REDIS_URL=redis://127.0.0.1:6379            Redis (loopback)

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BENCH_AUTH_HEADERS, BENCH_OWNER_ENV } from './bench-auth.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiRequire = createRequire(path.join(ROOT, 'apps/api/package.json'));
const pg = apiRequire('pg');
const IORedis = apiRequire('ioredis');
const MAIN_JS = path.join(ROOT, 'apps/api/dist/main.js');

const minutes = Number(process.env.SOAK_MINUTES ?? 3);
if (!(minutes > 0 && minutes <= 120)) throw new Error('SOAK_MINUTES must be a number of minutes between 0 and 120');
const PG_URL = loopback(process.env.SOAK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432', 'SOAK_PG_URL');
const REDIS_URL = loopback(process.env.SOAK_REDIS_URL ?? 'redis://127.0.0.1:6379', 'SOAK_REDIS_URL');

function loopback(raw, name) {
  const host = new URL(raw).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`${name} must point at loopback, not ${host}`);
  return raw;
}

const children = [];
const cleanups = [];
let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function start(role, env) {
  const child = spawn(process.execPath, [MAIN_JS, `--role=${role}`], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  children.push(child);
  return { child, role, output: () => out };
}

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
};

function post(port, token, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: `/hooks/${token}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

async function main() {
  if (!(await import('node:fs')).existsSync(MAIN_JS)) throw new Error('apps/api/dist/main.js is missing: run `npm run build` first');
  const id = randomBytes(4).toString('hex');
  const dbName = `sy_soak_${id}`;
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await a.end();
  });
  const prefix = `sy-soak-${id}`;
  cleanups.push(async () => {
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  let delivered = 0;
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise((r) => sink.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => sink.close(r)));
  const sinkUrl = `http://127.0.0.1:${sink.address().port}`;

  const port = await freePort();
  const env = {
    DATABASE_URL: `${PG_URL}/${dbName}`,
    REDIS_URL,
    SWITCHYARD_QUEUE_PREFIX: prefix,
    SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
    SWITCHYARD_WORKER_CONCURRENCY: '20',
    ...BENCH_OWNER_ENV,
  };
  const api = start('api', { ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.child.exitCode !== null) throw new Error(`the api exited:\n${api.output()}`);
    if (
      await fetch(`${base}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error('the api did not become ready');
    await sleep(100);
  }
  const worker = start('worker', env);
  const res = await fetch(`${base}/api/workflows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...BENCH_AUTH_HEADERS },
    body: JSON.stringify({
      name: 'Soak',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id, "total": trigger.body.amount * 1.2 }' },
        { id: 'send', type: 'http', method: 'POST', url: `${sinkUrl}/orders`, body: 'steps.shape' },
      ],
    }),
  });
  const { trigger } = await res.json();
  await sleep(2000);

  let seq = 0;
  const body = () =>
    JSON.stringify({ id: `O-${seq++}`, amount: 42.5, customer: { email: 'ada@example.com' }, items: [{ sku: 'SKU-1', qty: 2 }] });

  // Capacity: 20 senders at full speed for 15 s; runs/s completed at the sink.
  const capStart = Date.now();
  const capDelivered = delivered;
  let capOpen = true;
  const senders = Array.from({ length: 20 }, async () => {
    while (capOpen) await post(port, trigger.token, body());
  });
  await sleep(15_000);
  capOpen = false;
  await Promise.all(senders);
  // Capacity counts until the backlog has drained: what the pair sustains end to end, not what ingest takes in.
  for (let i = 0; i < 1200 && delivered < seq; i++) await sleep(100);
  const capacity = ((delivered - capDelivered) / (Date.now() - capStart)) * 1000;
  const rate = Math.max(1, Math.floor(capacity / 2));
  console.log(`capacity: ${capacity.toFixed(0)} runs/s end to end; steady load at ${rate} webhooks/s for ${minutes} min`);

  const processes = [api, worker];
  const rssStart = processes.map((p) => rssMb(p.child.pid));
  const samples = [];
  const steadyStart = Date.now();
  const steadyDelivered = delivered;
  const steadySeq = seq;
  const latencies = [];
  let errors = 0;
  let sent = 0;
  const inFlight = new Set();
  const durationMs = minutes * 60_000;
  const sampler = setInterval(() => samples.push(processes.map((p) => rssMb(p.child.pid))), 10_000);
  while (Date.now() - steadyStart < durationMs) {
    const due = Math.floor(((Date.now() - steadyStart) / 1000) * rate);
    while (sent < due) {
      sent++;
      const p = post(port, trigger.token, body()).then((r) => {
        if (r.status !== 202) errors++;
        latencies.push(r.ms);
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
    await sleep(2);
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  for (let i = 0; i < 600 && delivered - steadyDelivered < seq - steadySeq - errors; i++) await sleep(100);
  const elapsed = (Date.now() - steadyStart) / 1000;
  const rssEnd = processes.map((p) => rssMb(p.child.pid));
  latencies.sort((a, b) => a - b);
  const pct = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  const peak = processes.map((_, i) => Math.max(rssStart[i], ...samples.map((s) => s[i])));
  console.log(
    `steady: sent ${sent}, errors ${errors}, completed ${delivered - steadyDelivered} (${((delivered - steadyDelivered) / elapsed).toFixed(1)} runs/s), ingest latency p50 ${pct(0.5)} ms p99 ${pct(0.99)} ms`,
  );
  processes.forEach((p, i) => console.log(`rss ${p.role}: start ${rssStart[i]} MB, end ${rssEnd[i]} MB, peak ${peak[i]} MB`));
  for (const p of processes) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => new Promise((r) => (p.child.exitCode !== null ? r() : p.child.once('exit', r)))));
}

main()
  .catch((err) => {
    process.stderr.write(`soak failed: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
