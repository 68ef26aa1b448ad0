import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { executeStep, findApp, validateDefinition, type HttpInvoker, type MailMessage, type MailReceipt } from '@switchyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressGuard } from '../../src/adapters/egress-guard';
import { GuardedHttpInvoker } from '../../src/adapters/http-invoker';

interface Exchange {
  /** `mail`: the e-mail handed to the mail port (a `transport: 'smtp'` call) instead of an HTTP request. */
  request: {
    method?: string;
    url?: string;
    body?: unknown;
    form?: string;
    text?: string;
    headers?: Record<string, string>;
    mail?: Record<string, unknown>;
  };
  response: { status: number; headers?: Record<string, string>; body: unknown };
}
interface AppFixture {
  action: string;
  connection: Record<string, string>;
  input: Record<string, string>;
  trigger?: unknown;
  exchanges: Exchange[];
  output?: unknown;
}

/** The instant the fixtures were written for (as the engine's fixture spec runs them). */
const FIXTURE_NOW = Date.UTC(2024, 4, 1, 12);

const APPS_DIR = join(__dirname, '../../../../packages/engine/src/apps');
const fixtures = readdirSync(APPS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    let files: string[] = [];
    try {
      files = readdirSync(join(APPS_DIR, d.name, 'fixtures'));
    } catch {
      return [];
    }
    return files.map((f) => ({
      app: d.name,
      name: f.replace('.json', ''),
      fixture: JSON.parse(readFileSync(join(APPS_DIR, d.name, 'fixtures', f), 'utf8')) as AppFixture,
    }));
  });

/**
 * Every app fixture again, through the real HTTP client (undici, the egress guard allowing only
 * loopback) to a local server that plays the provider: it checks each request against the
 * documented one and answers the documented answer. Provider hosts are mapped onto the server
 * (`https://slack.com/api/x` -> `http://127.0.0.1:<port>/slack.com/api/x`).
 */
describe('app fixtures replayed by a loopback server through the guarded HTTP client', () => {
  let server: Server;
  let base = '';
  let script: Exchange[] = [];
  let mailScript: Exchange[] = [];
  const mailed: MailMessage[] = [];
  const seen: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string }> = [];
  let problems: string[] = [];
  const invoker = new GuardedHttpInvoker(new EgressGuard(['127.0.0.1/32']));
  const http: HttpInvoker = {
    send: (request) => {
      const url = new URL(request.url);
      return invoker.send({ ...request, url: `${base}/${url.host}${url.pathname}${url.search}` });
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        const exchange = script.shift();
        if (!exchange) {
          problems.push(`unexpected ${req.method} ${req.url}`);
          res.writeHead(500).end();
          return;
        }
        const expected = new URL(exchange.request.url!);
        const got = new URL(req.url ?? '/', 'http://x');
        const sameQuery = [...expected.searchParams].sort().join('&') === [...got.searchParams].sort().join('&');
        if (req.method !== exchange.request.method || got.pathname !== `/${expected.host}${expected.pathname}` || !sameQuery)
          problems.push(`expected ${exchange.request.method} ${exchange.request.url}, got ${req.method} ${req.url}`);
        if (exchange.request.form !== undefined && body !== exchange.request.form) problems.push(`form ${body}`);
        if (exchange.request.text !== undefined && body !== exchange.request.text) problems.push(`text ${body}`);
        for (const [name, value] of Object.entries(exchange.request.headers ?? {}))
          if (req.headers[name] !== value) problems.push(`header ${name}: ${String(req.headers[name])} is not ${value}`);
        if (exchange.request.body !== undefined && JSON.stringify(JSON.parse(body)) !== JSON.stringify(exchange.request.body))
          problems.push(`body ${body} is not ${JSON.stringify(exchange.request.body)}`);
        const answer = exchange.response.body;
        const headers = { 'content-type': 'application/json', ...exchange.response.headers };
        // A string answer with a non-JSON type (Slack's `ok`, S3's XML) is sent as it is.
        const raw = typeof answer === 'string' && !headers['content-type'].includes('json');
        const text = exchange.response.status === 204 || answer === '' ? '' : raw ? (answer as string) : JSON.stringify(answer);
        res.writeHead(exchange.response.status, headers);
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await invoker.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const run = async (app: string, fixture: AppFixture) => {
    const validation = validateDefinition({
      trigger: { type: 'webhook' },
      steps: [{ id: 'a', type: 'app', app, action: fixture.action, connectionId: 'c', input: fixture.input }],
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    return executeStep({
      // The step as validated (one engine, seen through two type paths by this project's compiler).
      step: validation.definition.steps[0] as unknown as Parameters<typeof executeStep>[0]['step'],
      context: {
        trigger: { body: fixture.trigger ?? {}, headers: {}, query: {}, method: 'POST', receivedAt: new Date(FIXTURE_NOW).toISOString() },
        steps: {},
      },
      ports: {
        http,
        // The fixtures' instant (the engine's fixture spec runs at it too): signatures and $now() in bodies match.
        clock: { now: () => FIXTURE_NOW },
        mail: {
          send: async (message: MailMessage): Promise<MailReceipt> => {
            mailed.push(message);
            const exchange = mailScript.shift();
            if (!exchange) throw new Error('unexpected e-mail');
            return exchange.response.body as MailReceipt;
          },
        },
        connections: {
          resolve: async () => ({ app, values: fixture.connection, secrets: Object.values(fixture.connection) }),
          reportUnauthorized: async () => undefined,
        },
      },
      now: FIXTURE_NOW,
      runId: 'run_1',
    });
  };

  it('has fixtures of every app', () => {
    expect(new Set(fixtures.map((f) => f.app)).size).toBeGreaterThanOrEqual(13);
  });

  it.each(fixtures.map((f) => [`${f.app}/${f.name}`, f] as const))('%s', async (_name, { app, fixture }) => {
    script = fixture.exchanges.filter((e) => e.request.mail === undefined);
    mailScript = fixture.exchanges.filter((e) => e.request.mail !== undefined);
    const expectedMail = mailScript.map((e) => e.request.mail);
    problems = [];
    const from = seen.length;
    const mailedFrom = mailed.length;
    const executed = await run(app, fixture);
    expect(problems).toEqual([]);
    expect(executed.result.error).toBeUndefined();
    expect(script).toEqual([]);
    expect(mailScript).toEqual([]);
    expect(mailed.slice(mailedFrom)).toMatchObject(expectedMail);
    if (fixture.output !== undefined) expect(executed.result.output).toMatchObject(fixture.output as object);
    // The credentials travel where the app's auth says: its own headers (Authorization, xc-token,
    // X-Shopify-Access-Token...), a signature, or the URL itself (a webhook URL, Telegram's bot token).
    const auth = findApp(app)!.auth;
    for (const request of seen.slice(from)) {
      for (const name of Object.keys(auth.headers)) expect(request.headers[name.toLowerCase()], name).toBeTruthy();
      if (auth.kind === 'aws-sigv4') expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
      if (auth.kind === 'standard-webhooks') expect(request.headers['webhook-signature']).toMatch(/^v1,/);
    }
    const secret = Object.values(fixture.connection)[0];
    expect(JSON.stringify(executed.result)).not.toContain(secret);
  });

  it('a 429 with Retry-After through the real client is retryable after the time asked for', async () => {
    const fixture = fixtures.find((f) => f.app === 'google-sheets' && f.name === 'add-row')!.fixture;
    script = [
      {
        ...fixture.exchanges[0],
        response: {
          status: 429,
          headers: { 'retry-after': '7' },
          body: { error: { code: 429, message: 'Quota exceeded for quota metric' } },
        },
      },
    ];
    problems = [];
    const executed = await run('google-sheets', fixture);
    expect(problems).toEqual([]);
    expect(executed.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 7000 } });
    expect(executed.result.error?.message).toContain('Quota exceeded for quota metric');
  });
});
