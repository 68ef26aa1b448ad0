/**
 * Golden runs: every `fixtures/*.json` is a workflow run described as data (definition, trigger,
 * recorded `now`, scripted answers of the HTTP port, an optional journal of an earlier attempt) with
 * the expected verdict, step journal and HTTP requests. See fixtures/README.md for the format.
 */
// The engine source performs no IO; this test harness reads its fixtures from disk.
// eslint-disable-next-line no-restricted-imports
import * as fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  configureExpressionRuntime,
  runWorkflow,
  validateDefinition,
  type Clock,
  type CredentialResolver,
  type HttpInvoker,
  type MailMessage,
  type MailReceipt,
  type MailSender,
  type IdGenerator,
  type HttpRequest,
  type HttpResponse,
  type RunVerdict,
  type StepResult,
  type TriggerData,
  type WorkflowDefinition,
} from '../src';

const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** One scripted answer of the fake HTTP port: a response, or an error the port throws. */
type ScriptedError = { throw: { code: string; message: string; retryable?: boolean; kind?: string } };
type ScriptedAnswer = HttpResponse | ScriptedError;
/** One scripted answer of the fake mail port: a receipt, or an error the port throws. */
type ScriptedMailAnswer = MailReceipt | ScriptedError;
/** A stored credential with its type and fields (app actions read fields, not only headers). */
interface StoredCredential {
  type: string;
  fields: Record<string, string>;
  headers?: Record<string, string>;
}

interface Fixture {
  description: string;
  definition: unknown;
  trigger: TriggerData;
  /** The run's recorded instant (ISO): what `$now()` returns. */
  now: string;
  /** Where the fake clock port starts (ISO); defaults to `now`. It advances 10 ms per reading. */
  clockStart?: string;
  /** Answers of the fake HTTP port, in the order of the calls. */
  httpResponses: ScriptedAnswer[];
  /** Steps of an earlier attempt; timestamps in ms relative to `now`. */
  journal?: StepResult[];
  /** The run's id (idempotency keys); absent: the engine sends no Idempotency-Key header. */
  runId?: string;
  /** Headers of stored credentials by id, for a fake credentials port; absent: no such port. */
  credentials?: Record<string, Record<string, string>>;
  /** Credentials with type and fields by id (served by the same fake port; they may be combined with `credentials`). */
  storedCredentials?: Record<string, StoredCredential>;
  /** Answers of the fake mail port, in call order; absent: the host has no mail port. */
  mailAnswers?: ScriptedMailAnswer[];
  expected: {
    verdict: Omit<RunVerdict, 'steps'>;
    /** The verdict's steps; timestamps in ms relative to `now`. */
    steps: StepResult[];
    httpRequests: HttpRequest[];
    /** Step ids handed to `onStepFinished`, in order. */
    checkpointed: string[];
    /** Every message the fake mail port received (required with `mailAnswers`). */
    mailMessages?: MailMessage[];
  };
}

const CLOCK_TICK_MS = 10;

function fakeClock(startMs: number): Clock {
  let readings = 0;
  return { now: () => startMs + CLOCK_TICK_MS * readings++ };
}

/** A deterministic HTTP port: records every request and answers from the script, in order. */
function fakeHttp(script: ScriptedAnswer[]): HttpInvoker & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(structuredClone(request));
      const answer = script[requests.length - 1];
      if (answer === undefined) throw new Error(`unexpected HTTP call #${requests.length}: ${request.method} ${request.url}`);
      if ('throw' in answer) throw Object.assign(new Error(answer.throw.message), answer.throw);
      return structuredClone(answer);
    },
  };
}

/** `$uuid()` gives 00000000-0000-4000-8000-000000000001, ...0002, ... in the order of the calls. */
function fakeIds(): IdGenerator {
  let n = 0;
  return { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

function fakeCredentials(byHeaders: Record<string, Record<string, string>>, stored: Record<string, StoredCredential>): CredentialResolver {
  return {
    async resolve(id, expectedTypes) {
      const credential = stored[id] ?? (byHeaders[id] ? { type: 'bearer', fields: {}, headers: byHeaders[id] } : undefined);
      if (!credential)
        throw Object.assign(new Error(`credential ${id} does not exist`), { code: 'CREDENTIAL_NOT_FOUND', kind: 'user', retryable: false });
      if (expectedTypes && !expectedTypes.includes(credential.type)) {
        throw Object.assign(new Error(`credential ${id} is not a ${expectedTypes.join(' or ')} credential`), {
          code: 'CREDENTIAL_TYPE',
          kind: 'user',
          retryable: false,
        });
      }
      return { type: credential.type, headers: { ...credential.headers }, fields: { ...credential.fields } };
    },
  };
}

/** A deterministic mail port: records every message and answers from the script, in order. */
function fakeMail(script: ScriptedMailAnswer[]): MailSender & { messages: MailMessage[] } {
  const messages: MailMessage[] = [];
  return {
    messages,
    async send(message) {
      messages.push(structuredClone(message));
      const answer = script[messages.length - 1];
      if (answer === undefined) throw new Error(`unexpected mail #${messages.length} to ${message.to.join(', ')}`);
      if ('throw' in answer) throw Object.assign(new Error(answer.throw.message), answer.throw);
      return structuredClone(answer);
    },
  };
}

function shiftTimes(steps: ReadonlyArray<StepResult>, by: number): StepResult[] {
  return steps.map((step) => ({ ...step, startedAt: step.startedAt + by, finishedAt: step.finishedAt + by }));
}

/** A verdict's `resumeAt` relative to `now`, like the step timestamps. */
function shiftVerdict<V extends { resumeAt?: number }>(verdict: V, by: number): V {
  return verdict.resumeAt === undefined ? verdict : { ...verdict, resumeAt: verdict.resumeAt + by };
}

/** JSON round trip: the journal is persisted as JSON, so that is what must match. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function loadFixture(file: string): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')) as Fixture;
}

function validDefinition(input: unknown): WorkflowDefinition {
  const result = validateDefinition(input);
  if (!result.ok) throw new Error(`fixture definition is invalid: ${JSON.stringify(result.issues)}`);
  return result.definition;
}

async function runFixture(fixture: Fixture) {
  const now = Date.parse(fixture.now);
  const http = fakeHttp(fixture.httpResponses);
  const mail = fixture.mailAnswers ? fakeMail(fixture.mailAnswers) : undefined;
  const checkpointed: string[] = [];
  const verdict = await runWorkflow({
    definition: validDefinition(fixture.definition),
    trigger: structuredClone(fixture.trigger),
    journal: fixture.journal ? shiftTimes(fixture.journal, now) : undefined,
    ports: {
      http,
      clock: fakeClock(Date.parse(fixture.clockStart ?? fixture.now)),
      ids: fakeIds(),
      ...(fixture.credentials || fixture.storedCredentials
        ? { credentials: fakeCredentials(fixture.credentials ?? {}, fixture.storedCredentials ?? {}) }
        : {}),
      ...(mail ? { mail } : {}),
    },
    now,
    runId: fixture.runId,
    onStepFinished: async (result) => {
      checkpointed.push(result.stepId);
    },
  });
  const { steps, ...rest } = asJson(verdict);
  return {
    verdict: shiftVerdict(rest, -now),
    steps: shiftTimes(steps, -now),
    httpRequests: asJson(http.requests),
    checkpointed,
    mailMessages: mail ? asJson(mail.messages) : undefined,
  };
}

const files = fs
  .readdirSync(FIXTURES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('golden workflow runs', () => {
  beforeAll(() => {
    configureExpressionRuntime({ yieldToHost: () => new Promise((resolve) => setImmediate(resolve)) });
  });

  it('has fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(files)('%s', (file) => {
    const fixture = loadFixture(file);

    it('describes what it proves and declares its expectations', () => {
      expect(fixture.description.length).toBeGreaterThan(10);
      expect(fixture.expected).toBeDefined();
      expect(Array.isArray(fixture.expected.steps)).toBe(true);
      // Every scripted HTTP answer is meant to be used.
      expect(fixture.expected.httpRequests).toHaveLength(fixture.httpResponses.length);
      if (fixture.mailAnswers) expect(fixture.expected.mailMessages).toHaveLength(fixture.mailAnswers.length);
    });

    it('produces the expected verdict, steps and HTTP requests', async () => {
      const actual = await runFixture(fixture);
      expect(actual.httpRequests).toEqual(fixture.expected.httpRequests);
      expect(actual.steps).toEqual(fixture.expected.steps);
      expect(actual.verdict).toEqual(fixture.expected.verdict);
      expect(actual.checkpointed).toEqual(fixture.expected.checkpointed);
      expect(actual.mailMessages).toEqual(fixture.expected.mailMessages);
    });

    it('is deterministic: a second run gives the same result', async () => {
      expect(await runFixture(fixture)).toEqual(await runFixture(fixture));
    });

    if (fixture.journal) {
      it('does not execute journaled steps again and reuses them as they are', async () => {
        const actual = await runFixture(fixture);
        const done = fixture.journal!.filter((step) => step.status === 'succeeded').map((step) => step.stepId);
        expect(actual.checkpointed.filter((id) => done.includes(id))).toEqual([]);
        for (const step of fixture.journal!.filter((s) => s.status === 'succeeded')) {
          const reused = actual.steps.find((s) => s.stepId === step.stepId);
          if (reused) expect(reused).toEqual(step);
          // The HTTP port never saw a request of a completed http step.
          if (step.type === 'http') {
            expect(actual.httpRequests.map((r) => r.url)).not.toContain((step.input as HttpRequest).url);
          }
        }
      });
    }
  });
});

describe('runWorkflow, cases built in code', () => {
  const definition = validDefinition({
    trigger: { type: 'webhook' },
    steps: [
      { id: 'first', type: 'map', expression: 'trigger.body' },
      { id: 'send', type: 'http', url: 'https://api.example.com/x', body: 'steps.first' },
    ],
  });
  const trigger = (body: unknown): TriggerData => ({
    body,
    headers: {},
    query: {},
    method: 'POST',
    receivedAt: '2024-05-01T12:00:00.000Z',
  });

  it('fails a 100k-deep trigger body with LIMIT_DATA_DEPTH before any step runs', async () => {
    let body: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) body = { a: body };
    const http = fakeHttp([]);
    const checkpointed: string[] = [];
    const verdict = await runWorkflow({
      definition,
      trigger: trigger(body),
      ports: { http, clock: fakeClock(0) },
      now: 0,
      onStepFinished: async (r) => {
        checkpointed.push(r.stepId);
      },
    });
    expect(verdict.status).toBe('failed');
    expect(verdict.error).toMatchObject({ code: 'LIMIT_DATA_DEPTH', kind: 'user', retryable: false });
    expect(verdict.error?.message).toBe('The trigger request body is nested deeper than 256 levels');
    expect(verdict.steps).toEqual([]);
    expect(http.requests).toEqual([]);
    expect(checkpointed).toEqual([]);
  });

  it('fails the step when the response body is nested too deep, without breaking JSON serialization', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const http = fakeHttp([{ status: 200, headers: { 'content-type': 'application/json' }, body: deep }]);
    const verdict = await runWorkflow({ definition, trigger: trigger({ ok: 1 }), ports: { http, clock: fakeClock(0) }, now: 0 });
    expect(verdict.status).toBe('failed');
    expect(verdict.error).toMatchObject({ code: 'LIMIT_DATA_DEPTH', kind: 'user', retryable: false, field: 'response', stepId: 'send' });
    expect(verdict.error?.details).toMatchObject({ status: 200 });
    expect(() => JSON.stringify(verdict)).not.toThrow();
  });

  it('cuts the body excerpt of a failed call at 1,000 characters', async () => {
    const http = fakeHttp([{ status: 500, headers: { 'content-type': 'text/plain' }, body: 'e'.repeat(5000) }]);
    const verdict = await runWorkflow({ definition, trigger: trigger({ ok: 1 }), ports: { http, clock: fakeClock(0) }, now: 0 });
    expect(verdict.error?.details?.bodyExcerpt).toBe(`${'e'.repeat(1000)}…`);
  });

  it('passes the limits to every expression', async () => {
    const http = fakeHttp([]);
    const verdict = await runWorkflow({
      definition,
      trigger: trigger({ list: [1, 2, 3, 4] }),
      ports: { http, clock: fakeClock(0) },
      now: 0,
      limits: { maxOutputBytes: 10 },
    });
    expect(verdict.error).toMatchObject({ code: 'LIMIT_OUTPUT', field: 'expression', stepId: 'first' });
    expect(http.requests).toEqual([]);
  });

  it('records a port error without code as a retryable system error', async () => {
    const http: HttpInvoker = {
      send: async () => {
        throw new TypeError('fetch failed');
      },
    };
    const verdict = await runWorkflow({ definition, trigger: trigger({ a: 1 }), ports: { http, clock: fakeClock(0) }, now: 0 });
    expect(verdict.error).toMatchObject({
      code: 'INTERNAL_ERROR',
      message: 'fetch failed',
      kind: 'system',
      retryable: true,
      stepId: 'send',
    });
    expect(verdict.steps[1].input).toMatchObject({ method: 'POST', url: 'https://api.example.com/x' });
  });
});
