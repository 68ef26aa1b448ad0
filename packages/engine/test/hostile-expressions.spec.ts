/**
 * Hostile expressions: user expressions are untrusted code. Each case must end in a clear, bounded
 * error (asserted by code and kind) while other work in the same process keeps going: a batch of
 * normal evaluations runs concurrently and must complete with correct results, and for the cases
 * that run long a timer must keep ticking during the hostile evaluation (the event loop is not
 * stalled). No assertion is about elapsed time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  configureExpressionRuntime,
  evaluateExpression,
  ExpressionError,
  runWorkflow,
  validateDefinition,
  type EnginePorts,
  type EvaluateOptions,
  type TriggerData,
  type WorkflowDefinition,
} from '../src';

const TEST_TIMEOUT_MS = 60_000;

beforeAll(() => {
  configureExpressionRuntime({ yieldToHost: () => new Promise((resolve) => setImmediate(resolve)) });
});

/** Normal evaluations with their expected results. */
const NORMAL = Array.from({ length: 40 }, (_, i) => ({
  expression: '{"id": id, "total": $sum(items.(qty * price)), "skus": $join(items.sku, ",")}',
  input: {
    id: `ord_${i}`,
    items: [
      { sku: 'A', qty: i, price: 2 },
      { sku: 'B', qty: 1, price: 0.5 },
    ],
  },
  expected: { id: `ord_${i}`, total: i * 2 + 0.5, skus: 'A,B' },
}));

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Alongside {
  hostile: Outcome;
  /** Timer ticks observed between the start and the end of the hostile evaluation. */
  ticksDuringHostile: number;
  /** How many of the normal evaluations finished before the hostile one did. */
  normalDoneBeforeHostile: number;
}

/**
 * Runs `hostile` while a batch of normal evaluations runs concurrently and a 1 ms interval timer
 * counts turns of the event loop. Asserts that every normal evaluation completes correctly.
 */
async function alongside(hostile: () => Promise<unknown>): Promise<Alongside> {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, 1);
  let hostileSettled = false;
  let ticksDuringHostile = -1;
  try {
    const hostileRun = hostile()
      .then(
        (value): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, error }),
      )
      .finally(() => {
        hostileSettled = true;
        ticksDuringHostile = ticks;
      });
    const normalRun = Promise.all(
      NORMAL.map(async (c) => {
        const value = await evaluateExpression(c.expression, c.input);
        return { value, expected: c.expected, beforeHostile: !hostileSettled };
      }),
    );
    const [outcome, normal] = await Promise.all([hostileRun, normalRun]);
    for (const n of normal) expect(n.value).toEqual(n.expected);
    return { hostile: outcome, ticksDuringHostile, normalDoneBeforeHostile: normal.filter((n) => n.beforeHostile).length };
  } finally {
    clearInterval(timer);
  }
}

function expectLimitError(outcome: Outcome, code: string): ExpressionError {
  if (outcome.ok) throw new Error(`expected ${code}, the evaluation returned ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  expect(outcome.error).toBeInstanceOf(ExpressionError);
  const error = outcome.error as ExpressionError;
  expect({ code: error.code, kind: error.kind }).toEqual({ code, kind: 'limit' });
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

const evaluate =
  (expression: string, input: unknown = {}, options?: EvaluateOptions) =>
  () =>
    evaluateExpression(expression, input, options);

function deepObject(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('hostile expressions end in a bounded error while other work goes on', () => {
  it(
    'infinite (tail) recursion stops at the time budget, and the event loop keeps turning meanwhile',
    async () => {
      const run = await alongside(evaluate('($f := function($x){$f($x)}; $f(1))'));
      expectLimitError(run.hostile, 'LIMIT_TIMEOUT');
      // The hostile loop ran for its whole budget; everything else went on during it.
      expect(run.normalDoneBeforeHostile).toBe(NORMAL.length);
      expect(run.ticksDuringHostile).toBeGreaterThanOrEqual(10);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'non-tail infinite recursion stops at the depth limit',
    async () => {
      const run = await alongside(evaluate('($f := function($x){1 + $f($x)}; $f(1))'));
      const error = expectLimitError(run.hostile, 'LIMIT_DEPTH');
      expect(error.message).toMatch(/recursive/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a 10,000 x 10,000 product stops at the allocation budget, yielding to the event loop on the way',
    async () => {
      const run = await alongside(evaluate('[1..10000].([1..10000])'));
      expectLimitError(run.hostile, 'LIMIT_ALLOCATION');
      expect(run.ticksDuringHostile).toBeGreaterThanOrEqual(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    '$pad to 400 million characters is refused before allocating',
    async () => {
      for (const expression of ['$pad("", 4e8)', '$pad("x", -4e8, "ab")']) {
        const run = await alongside(evaluate(expression));
        const error = expectLimitError(run.hostile, 'LIMIT_STRING');
        expect(error.message).toContain('$pad width');
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'string doubling with $reduce stops at the string limit',
    async () => {
      const run = await alongside(evaluate('$reduce([1..64], function($acc, $i){ $acc & $acc }, "0123456789")'));
      expectLimitError(run.hostile, 'LIMIT_STRING');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a catastrophic-backtracking regex on 30,001 characters returns (RE2, linear time)',
    async () => {
      const subject = `${'a'.repeat(30_000)}b`;
      const run = await alongside(evaluate('$match($s, /(a+)+$/)', {}, { bindings: { s: subject } }));
      expect(run.hostile).toEqual({ ok: true, value: undefined });
      const matched = await alongside(evaluate('$contains($s, /(a+)+b$/)', {}, { bindings: { s: subject } }));
      expect(matched.hostile).toEqual({ ok: true, value: true });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a look-ahead pattern is refused with a clear error instead of running a backtracking engine',
    async () => {
      const run = await alongside(evaluate('$match($s, /(?=(a+))+$/)', {}, { bindings: { s: 'a'.repeat(30_000) } }));
      if (run.hostile.ok) throw new Error('expected REGEX_UNSUPPORTED');
      expect(run.hostile.error).toBeInstanceOf(ExpressionError);
      expect((run.hostile.error as ExpressionError).code).toBe('REGEX_UNSUPPORTED');
    },
    TEST_TIMEOUT_MS,
  );

  describe('library functions on huge strings stay bounded', () => {
    it(
      '$slugify of 16 million characters ends at the time or string budget while the event loop turns',
      async () => {
        // Each U+FDFA decomposes into 18 characters: a slug of it would be 17 times the input.
        for (const filler of ['\ufdfa', 'ab ']) {
          const run = await alongside(evaluate(`$slugify($pad('', 16000000, '${filler}'))`));
          if (run.hostile.ok) throw new Error('expected a limit error');
          expect(run.hostile.error).toBeInstanceOf(ExpressionError);
          expect(['LIMIT_TIMEOUT', 'LIMIT_STRING']).toContain((run.hostile.error as ExpressionError).code);
          expect(run.ticksDuringHostile).toBeGreaterThanOrEqual(1);
        }
      },
      TEST_TIMEOUT_MS,
    );

    it(
      '$hash of 16 million characters hashes in chunks, giving the event loop turns',
      async () => {
        const run = await alongside(evaluate(`$hash($pad('', 16000000, 'x'), 'sha256', 'hex')`, {}, { limits: { timeoutMs: 30_000 } }));
        if (!run.hostile.ok) throw run.hostile.error;
        expect(run.hostile.value).toMatch(/^[0-9a-f]{64}$/);
        expect(run.ticksDuringHostile).toBeGreaterThanOrEqual(1);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      '$replaceAll growing a text past the string limit is refused as it grows',
      async () => {
        const run = await alongside(evaluate(`$replaceAll($pad('', 1000000, 'a'), 'a', $pad('', 100, 'b'))`));
        expectLimitError(run.hostile, 'LIMIT_STRING');
      },
      TEST_TIMEOUT_MS,
    );

    it(
      '$splitText into more parts than a sequence may hold stops at the sequence limit',
      async () => {
        const run = await alongside(evaluate(`$splitText($pad('', 4000000, 'a,'), ',')`));
        expectLimitError(run.hostile, 'LIMIT_SEQUENCE');
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('a 100k-deep payload', () => {
    const deep = deepObject(100_000);

    it(
      'returned as the result fails with LIMIT_DATA_DEPTH',
      async () => {
        expectLimitError((await alongside(evaluate('$', deep))).hostile, 'LIMIT_DATA_DEPTH');
        expectLimitError((await alongside(evaluate('{"wrapped": $}', deep))).hostile, 'LIMIT_DATA_DEPTH');
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'walked by a recursive builtin fails with LIMIT_DEPTH instead of crashing the process',
      async () => {
        expectLimitError((await alongside(evaluate('$string($)', deep))).hostile, 'LIMIT_DEPTH');
        expectLimitError((await alongside(evaluate('**.a', deep))).hostile, 'LIMIT_DEPTH');
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'as a trigger body fails the run with LIMIT_DATA_DEPTH before any step',
      async () => {
        const calls: string[] = [];
        const run = await alongside(() =>
          runWorkflow({ definition: WORKFLOW, trigger: triggerOf(deep), ports: portsRecording(calls), now: NOW }),
        );
        if (!run.hostile.ok) throw run.hostile.error;
        expect(run.hostile.value).toMatchObject({ status: 'failed', error: { code: 'LIMIT_DATA_DEPTH', retryable: false }, steps: [] });
        expect(calls).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  });
});

const NOW = Date.UTC(2024, 4, 1, 12);

function definitionOf(input: unknown): WorkflowDefinition {
  const result = validateDefinition(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

const WORKFLOW = definitionOf({
  trigger: { type: 'webhook' },
  steps: [
    { id: 'order', type: 'map', expression: '{"id": trigger.body.id, "total": $sum(trigger.body.items.(qty * price))}' },
    { id: 'send', type: 'http', url: 'https://api.example.com/orders/{{ steps.order.id }}', body: 'steps.order' },
  ],
});

function triggerOf(body: unknown): TriggerData {
  return { body, headers: {}, query: {}, method: 'POST', receivedAt: new Date(NOW).toISOString() };
}

function portsRecording(calls: string[]): EnginePorts {
  return {
    http: {
      send: async (request) => {
        calls.push(request.url);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
      },
    },
    clock: { now: () => NOW },
  };
}

describe('a hostile workflow does not hold up other runs', () => {
  it(
    'a normal run completes while a run with an infinite loop is still evaluating; the hostile run fails its step',
    async () => {
      const hostileDefinition = definitionOf({
        trigger: { type: 'webhook' },
        steps: [
          { id: 'spin', type: 'map', expression: '($f := function($x){$f($x)}; $f(1))' },
          { id: 'send', type: 'http', url: 'https://api.example.com/never' },
        ],
      });
      const hostileCalls: string[] = [];
      const normalCalls: string[] = [];
      let hostileSettled = false;
      const hostile = runWorkflow({
        definition: hostileDefinition,
        trigger: triggerOf({}),
        ports: portsRecording(hostileCalls),
        now: NOW,
      }).finally(() => {
        hostileSettled = true;
      });
      const normalRuns = Array.from({ length: 5 }, (_, i) =>
        runWorkflow({
          definition: WORKFLOW,
          trigger: triggerOf({ id: `ord_${i}`, items: [{ qty: 2, price: 10 }] }),
          ports: portsRecording(normalCalls),
          now: NOW,
        }).then((verdict) => ({ verdict, beforeHostile: !hostileSettled })),
      );
      const [hostileVerdict, ...normal] = await Promise.all([hostile, ...normalRuns]);

      for (const [i, n] of normal.entries()) {
        expect(n.beforeHostile).toBe(true);
        expect(n.verdict.status).toBe('succeeded');
        expect(n.verdict.steps[0].output).toEqual({ id: `ord_${i}`, total: 20 });
      }
      expect(normalCalls.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `https://api.example.com/orders/ord_${i}`));

      expect(hostileVerdict.status).toBe('failed');
      expect(hostileVerdict.error).toMatchObject({
        code: 'LIMIT_TIMEOUT',
        field: 'expression',
        stepId: 'spin',
        kind: 'user',
        retryable: false,
      });
      expect(hostileCalls).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
