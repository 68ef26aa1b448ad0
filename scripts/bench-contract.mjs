// The cost of parsing api answers with the shared contract (SWITCHYARD_CONTRACT_CHECK), per answer,
// next to what JSON.stringify of the same answer costs (paid anyway). Pure CPU, no server.
// Usage: `node scripts/bench-contract.mjs` after `npm run build` (reads packages/contract/dist).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ROUTES } = require('../packages/contract/dist/index.js');

const AT = '2026-11-23T10:00:00.000Z';
const id = (n) => `01960000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function workflow(n, steps) {
  return {
    id: id(n),
    name: `Workflow ${n}`,
    active: true,
    retentionDays: 30,
    concurrency: null,
    autoReplay: { enabled: true, schedule: ['1m', '10m', '1h'] },
    alerts: null,
    version: 3,
    versionId: id(n + 1),
    schemaVersion: 1,
    trigger: {
      type: 'webhook',
      verify: { scheme: 'github', secretHints: ['…9z9z'] },
      dedupe: { windowSeconds: 86400 },
      url: 'http://h/hooks/t',
      token: 't',
    },
    steps: Array.from({ length: steps }, (_, i) =>
      i % 3 === 0
        ? { id: `m${i}`, type: 'map', expression: '{ "order": trigger.body.id, "total": trigger.body.amount * 2 }' }
        : i % 3 === 1
          ? { id: `f${i}`, type: 'filter', condition: `steps.m${i - 1}.total > 10` }
          : {
              id: `h${i}`,
              type: 'http',
              method: 'POST',
              url: 'https://example.com/orders/{{ steps.m0.order }}',
              headers: { 'x-a': '1' },
              body: 'steps.m0',
            },
    ),
    createdAt: AT,
    updatedAt: AT,
    lastRun: { id: id(9), status: 'succeeded', createdAt: AT },
    runs24h: 12,
  };
}

const summary = (n) => ({
  id: id(n),
  workflowId: id(1),
  status: 'succeeded',
  replayOf: null,
  createdAt: AT,
  startedAt: AT,
  finishedAt: AT,
  durationMs: 12,
  resumeAt: null,
  error: null,
  deadLetter: false,
  deadLetteredAt: null,
  autoReplayAt: null,
  autoReplayAttempt: 0,
});

const payload = { order: { id: 42, lines: Array.from({ length: 10 }, (_, i) => ({ sku: `SKU-${i}`, qty: i, price: 9.99 })) } };
const step = (key, type = 'map') => ({
  id: key.replace(/^.*[.]/, ''),
  key,
  type,
  status: 'succeeded',
  input: payload,
  output: payload,
  error: null,
  attempts: 1,
  startedAt: AT,
  finishedAt: AT,
  durationMs: 2,
});

const cases = [
  ['POST /api/runs/:id/replay (small)', 'POST /api/runs/:id/replay', { runId: id(1) }],
  ['GET /api/workflows/:id (10 steps)', 'GET /api/workflows/:id', (({ lastRun, runs24h, ...w }) => w)(workflow(1, 10))],
  ['GET /api/workflows (50 workflows x 10 steps)', 'GET /api/workflows', { items: Array.from({ length: 50 }, (_, i) => workflow(i, 10)) }],
  [
    'GET /api/runs (page of 20)',
    'GET /api/runs',
    {
      items: Array.from({ length: 20 }, (_, i) => ({
        ...summary(i),
        triggerSummary: { method: 'POST', contentType: 'application/json', size: 120, preview: '{"id":1}' },
      })),
      nextCursor: id(20),
    },
  ],
  [
    'GET /api/runs/:id (10 steps + a loop of 100 items x 2 steps, ~1 kB payloads)',
    'GET /api/runs/:id',
    {
      ...summary(1),
      versionId: id(2),
      version: 1,
      alert: null,
      trigger: {
        requestId: id(3),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        query: {},
        contentType: 'application/json',
        body: payload,
        bodyUrl: '/x',
        receivedAt: AT,
        size: 800,
      },
      steps: [
        ...Array.from({ length: 10 }, (_, i) => step(`s${i}`)),
        {
          ...step('each', 'loop'),
          items: Array.from({ length: 100 }, (_, i) => ({
            index: i,
            status: 'succeeded',
            steps: [step(`each[${i}].a`), step(`each[${i}].b`, 'http')],
          })),
          itemCount: 100,
        },
      ],
    },
  ],
];

/** Microseconds per call: warmed up until V8 has optimised zod's parsers, then the median of 5 timed rounds. */
function time(fn) {
  const round = (ms) => {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < ms * 1e6) {
      for (let i = 0; i < 10; i++) fn();
      n += 10;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    return elapsed / n / 1000;
  };
  round(500);
  const rounds = Array.from({ length: 5 }, () => round(200)).sort((x, y) => x - y);
  return rounds[2];
}

console.log('answer | bytes | JSON.stringify µs | contract parse µs | parse / stringify');
for (const [label, route, body] of cases) {
  const schema = ROUTES[route].response;
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(`${label}: ${result.error.message}`);
  const bytes = JSON.stringify(body).length;
  const stringify = time(() => JSON.stringify(body));
  const parse = time(() => schema.safeParse(body));
  console.log(`${label} | ${bytes} | ${stringify.toFixed(1)} | ${parse.toFixed(1)} | ${(parse / stringify).toFixed(1)}x`);
}
