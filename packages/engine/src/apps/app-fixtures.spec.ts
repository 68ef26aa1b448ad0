import { describe, expect, it } from 'vitest';
import { json, recordingHttp, recordingMail } from '../../test/support/fake-ports';
import { runStep } from '../../test/support/run-step';
import type { HttpRequest, HttpResponse, MailReceipt } from '../runner/ports';
import { APPS, findApp, findAppAction, findAppField } from './app-catalogue';
import { CUSTOM_API_CALL } from './custom-api-call';
import { loadDynamicFields, loadFieldOptions } from './load-field-options';
import notionTyped from './notion/fixtures/create-database-item-typed.json';

/** A fixture of one action: what the provider documents it receives and answers (see `source`). */
interface AppFixture {
  action: string;
  source: string;
  connection: Record<string, string>;
  input: Record<string, string>;
  trigger?: unknown;
  exchanges: Array<{
    /**
     * `body`: the JSON sent; `form`: the form-encoded text sent; `text`: the raw text sent; `headers`:
     * headers that must be sent with these values (names lower-case). `mail`: instead of an HTTP
     * request, the e-mail handed to the mail port (`transport: 'smtp'`), `response.body` its receipt.
     */
    request: {
      method?: string;
      url?: string;
      body?: unknown;
      form?: string;
      text?: string;
      headers?: Record<string, string>;
      mail?: Record<string, unknown>;
    };
    /** A string `body` with a non-JSON content type is sent as it is (Slack's `ok`, S3's XML). */
    response: { status: number; headers?: Record<string, string>; body: unknown };
  }>;
  output?: unknown;
}

// @ts-expect-error -- import.meta.glob comes from Vite (vitest); the package itself compiles to CommonJS.
const files = (import.meta as unknown as { glob: (p: string, o: { eager: true; import: 'default' }) => Record<string, AppFixture> }).glob(
  './*/fixtures/*.json',
  { eager: true, import: 'default' },
);
const fixtures = Object.entries(files).map(([path, fixture]) => ({
  app: path.split('/')[1],
  name: path.split('/').pop()!.replace('.json', ''),
  fixture,
}));

function sortedUrl(raw: string): string {
  const url = new URL(raw);
  url.searchParams.sort();
  return url.toString();
}

describe('app fixtures (documented request and response shapes)', () => {
  it('every action of every app has at least one fixture (the generic custom API call: one for all)', () => {
    const missing = APPS.flatMap((app) =>
      app.actions
        .filter((a) => a.key !== CUSTOM_API_CALL)
        .filter((a) => !fixtures.some((f) => f.app === app.key && f.fixture.action === a.key))
        .map((a) => `${app.key}/${a.key}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(fixtures.map((f) => [`${f.app}/${f.name}`, f] as const))('%s', async (_name, { app, fixture }) => {
    const secret = Object.values(fixture.connection)[0];
    const definition = findApp(app)!;
    const httpExchanges = fixture.exchanges.filter((e) => e.request.mail === undefined);
    const mailExchanges = fixture.exchanges.filter((e) => e.request.mail !== undefined);
    const http = recordingHttp((_request: HttpRequest, i: number) => {
      const exchange = httpExchanges[i];
      const headers = { 'content-type': 'application/json', ...exchange.response.headers };
      const raw = typeof exchange.response.body === 'string' && !headers['content-type'].includes('json');
      return {
        status: exchange.response.status,
        headers,
        body: raw ? (exchange.response.body as string) : JSON.stringify(exchange.response.body),
      };
    });
    // The mail port records the message before it answers: the answer of the n-th message is the n-th mail exchange's.
    const mail = recordingMail(() => mailExchanges[mail.messages.length - 1].response.body as MailReceipt);
    const connections = {
      resolve: async () => ({ app, values: fixture.connection, secrets: Object.values(fixture.connection) }),
      reportUnauthorized: async () => undefined,
    };
    const executed = await runStep(
      { id: 'a', type: 'app', app, action: fixture.action, connectionId: 'conn_1', input: fixture.input },
      { body: fixture.trigger ?? {}, ports: { http, mail, connections }, runId: 'run_1' },
    );
    expect(executed.result.error).toBeUndefined();
    expect(http.requests).toHaveLength(httpExchanges.length);
    expect(mail.messages).toHaveLength(mailExchanges.length);
    mailExchanges.forEach((exchange, i) => expect(mail.messages[i]).toMatchObject(exchange.request.mail!));
    httpExchanges.forEach((exchange, i) => {
      const sent = http.requests[i];
      expect(sent.method).toBe(exchange.request.method);
      expect(sortedUrl(sent.url)).toBe(sortedUrl(exchange.request.url!));
      if (exchange.request.form !== undefined) expect(sent.body).toBe(exchange.request.form);
      else if (exchange.request.text !== undefined) expect(sent.body).toBe(exchange.request.text);
      else if (exchange.request.body === undefined) expect(sent.body).toBeUndefined();
      else expect(JSON.parse(sent.body!)).toEqual(exchange.request.body);
      // The connection's credentials travel where the app's auth says: its headers (Authorization,
      // xc-token, X-Shopify-Access-Token...), a signature, or the URL itself (a webhook URL, Telegram's bot token).
      for (const name of Object.keys(definition.auth.headers)) expect(sent.headers[name.toLowerCase()], name).toBeTruthy();
      if (definition.auth.kind === 'aws-sigv4') expect(sent.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=/);
      if (definition.auth.kind === 'standard-webhooks' && sent.body !== undefined)
        expect(sent.headers['webhook-signature']).toMatch(/^v1,/);
      if (exchange.request.headers) expect(sent.headers).toMatchObject(exchange.request.headers);
      const idempotency = definition.idempotencyHeader?.toLowerCase();
      if (idempotency && sent.method !== 'GET') expect(sent.headers[idempotency]).toMatch(/^run_1:a/);
    });
    if (fixture.output !== undefined) expect(executed.result.output).toMatchObject(fixture.output as object);
    expect(JSON.stringify(executed.result.input)).not.toContain(secret);
  });
});

describe('app step failures', () => {
  const connections = () => {
    const reported: string[] = [];
    return {
      reported,
      resolve: async (_id: string, app: string) => ({ app, values: { access_token: 'tok-secret-123' }, secrets: ['tok-secret-123'] }),
      reportUnauthorized: async (id: string) => {
        reported.push(id);
      },
    };
  };
  const sheetsRow = {
    id: 'row',
    type: 'app',
    app: 'google-sheets',
    action: 'add-row',
    connectionId: 'c1',
    input: { spreadsheetId: 's', sheet: 'Sheet1', values: '[1]' },
  };

  it('a 401 marks the connection as needing reconnecting and fails the step on connectionId, not retried', async () => {
    const ports = connections();
    const http = recordingHttp(() =>
      json(401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } }),
    );
    const executed = await runStep(sheetsRow, { ports: { http, connections: ports } });
    expect(executed.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING', field: 'connectionId', retryable: false });
    expect(executed.result.error?.message).toContain('Request had invalid authentication credentials.');
    expect(ports.reported).toEqual(['c1']);
  });

  it("Slack's 200 { ok: false, error: 'token_revoked' } also needs reconnecting; another error is APP_ERROR", async () => {
    const step = { id: 's', type: 'app', app: 'slack', action: 'send-message', connectionId: 'c1', input: { channel: 'C1', text: 'hi' } };
    const revoked = await runStep(step, {
      ports: { http: recordingHttp(() => json(200, { ok: false, error: 'token_revoked' })), connections: connections() },
    });
    expect(revoked.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
    const other = await runStep(step, {
      ports: { http: recordingHttp(() => json(200, { ok: false, error: 'channel_not_found' })), connections: connections() },
    });
    expect(other.result.error).toMatchObject({
      code: 'APP_ERROR',
      retryable: false,
      message: 'Slack refused the request: channel_not_found',
    });
  });

  it('a 429 is retryable with the Retry-After asked for', async () => {
    const http = recordingHttp(() => ({
      status: 429,
      headers: { 'retry-after': '17', 'content-type': 'application/json' },
      body: '{"error":{"message":"Quota exceeded"}}',
    }));
    const executed = await runStep(sheetsRow, { ports: { http, connections: connections() } });
    expect(executed.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 17_000 } });
    expect(executed.result.error?.message).toContain('Quota exceeded');
  });

  it('a provider validation error carries its message; our own validation names the field', async () => {
    const http = recordingHttp(() =>
      json(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] }),
    );
    const gh = await runStep(
      {
        id: 'g',
        type: 'app',
        app: 'github',
        action: 'create-issue',
        connectionId: 'c1',
        input: { repository: 'o/r', title: '{{ trigger.body.nothing }}x' },
      },
      { ports: { http, connections: connections() } },
    );
    expect(gh.result.error?.message).toContain('Validation Failed (title missing_field)');
    const empty = await runStep(
      {
        id: 'g',
        type: 'app',
        app: 'github',
        action: 'create-issue',
        connectionId: 'c1',
        input: { repository: 'o/r', title: '{{ trigger.body.nothing }}' },
      },
      { ports: { http, connections: connections() } },
    );
    expect(empty.result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'input.title', message: 'input.title: is required (Title)' });
    const nan = await runStep(
      {
        id: 'g',
        type: 'app',
        app: 'github',
        action: 'add-comment',
        connectionId: 'c1',
        input: { repository: 'o/r', number: 'abc', body: 'x' },
      },
      { ports: { http, connections: connections() } },
    );
    expect(nan.result.error).toMatchObject({ field: 'input.number', message: 'input.number: must be a number, got "abc"' });
  });

  it('a custom API call cannot move the connection to another host', async () => {
    const http = recordingHttp();
    const executed = await runStep(
      {
        id: 'c',
        type: 'app',
        app: 'github',
        action: 'custom-api-call',
        connectionId: 'c1',
        input: { method: 'GET', path: '@evil.example/x' },
      },
      { ports: { http, connections: connections() } },
    );
    expect(http.requests[0]?.url).toBe('https://api.github.com/@evil.example/x');
    expect(executed.result.error).toBeUndefined();
  });

  it('validation names unknown apps, actions, missing connections and required fields', async () => {
    const { validateDefinition } = await import('../validation/validate-definition');
    const issues = (step: Record<string, unknown>) => {
      const result = validateDefinition({ trigger: { type: 'webhook' }, steps: [step] });
      return result.ok ? [] : result.issues;
    };
    expect(issues({ id: 'a', type: 'app', app: 'nope', action: 'x' })).toEqual([{ path: 'steps[0].app', message: 'there is no app nope' }]);
    expect(issues({ id: 'a', type: 'app', app: 'slack', action: 'x', connectionId: 'c' })).toEqual([
      { path: 'steps[0].action', message: 'Slack has no action x' },
    ]);
    expect(issues({ id: 'a', type: 'app', app: 'slack', action: 'send-message', input: { text: '{{ ', extra: 'x' } })).toEqual([
      { path: 'steps[0].connectionId', message: 'is required: connect a Slack account' },
      { path: 'steps[0].input.extra', message: 'is not a field of Slack: Send a message' },
      { path: 'steps[0].input.channel', message: 'is required (Channel)' },
      expect.objectContaining({ path: 'steps[0].input.text' }),
    ]);
  });
});

describe('live lists', () => {
  const connection = { app: 'x', values: { access_token: 'tok-secret-123' }, secrets: ['tok-secret-123'] };
  const fieldOf = (appKey: string, actionKey: string, name: string) => {
    const app = findApp(appKey)!;
    return { app, field: findAppField(findAppAction(app, actionKey)!, name)! };
  };

  it('Slack channels: follows next_cursor through the pages and searches', async () => {
    const pages = [
      {
        ok: true,
        channels: [
          { id: 'C1', name: 'general' },
          { id: 'C2', name: 'random' },
        ],
        response_metadata: { next_cursor: 'dGVhbTpDMDYxRkE1UEI=' },
      },
      { ok: true, channels: [{ id: 'C3', name: 'orders' }], response_metadata: { next_cursor: '' } },
    ];
    const http = recordingHttp((_r, i) => json(200, pages[i]));
    const result = await loadFieldOptions({
      ...fieldOf('slack', 'send-message', 'channel'),
      input: {},
      connection,
      ports: { http },
      evaluate: {},
    });
    expect(result.items).toEqual([
      { label: '#general', value: 'C1' },
      { label: '#random', value: 'C2' },
      { label: '#orders', value: 'C3' },
    ]);
    expect(new URL(http.requests[0].url).searchParams.has('cursor')).toBe(false);
    expect(new URL(http.requests[1].url).searchParams.get('cursor')).toBe('dGVhbTpDMDYxRkE1UEI=');
    expect(http.requests[0].headers.authorization).toBe('Bearer tok-secret-123');
    const searched = await loadFieldOptions({
      ...fieldOf('slack', 'send-message', 'channel'),
      input: {},
      connection,
      ports: { http: recordingHttp(() => json(200, pages[1])) },
      evaluate: {},
      search: 'ORD',
    });
    expect(searched.items).toEqual([{ label: '#orders', value: 'C3' }]);
  });

  it('GitHub repositories: pages with the Link header', async () => {
    const answers: HttpResponse[] = [
      {
        status: 200,
        headers: {
          'content-type': 'application/json',
          link: '<https://api.github.com/user/repos?per_page=100&page=2>; rel="next", <https://api.github.com/user/repos?per_page=100&page=2>; rel="last"',
        },
        body: JSON.stringify([{ full_name: 'o/a' }]),
      },
      { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ full_name: 'o/b' }]) },
    ];
    const http = recordingHttp((_r, i) => answers[i]);
    const result = await loadFieldOptions({
      ...fieldOf('github', 'create-issue', 'repository'),
      input: {},
      connection,
      ports: { http },
      evaluate: {},
    });
    expect(result.items.map((i) => i.value)).toEqual(['o/a', 'o/b']);
    expect(new URL(http.requests[1].url).searchParams.get('page')).toBe('2');
  });

  it('Google Sheets sheets depend on the spreadsheet: refused without it, read from it', async () => {
    const { app, field } = fieldOf('google-sheets', 'add-row', 'sheet');
    await expect(
      loadFieldOptions({ app, field, input: {}, connection, ports: { http: recordingHttp() }, evaluate: {} }),
    ).rejects.toMatchObject({
      info: { field: 'input.spreadsheetId' },
    });
    const http = recordingHttp(() =>
      json(200, { sheets: [{ properties: { sheetId: 0, title: 'Sheet1' } }, { properties: { sheetId: 1, title: 'Orders' } }] }),
    );
    const result = await loadFieldOptions({ app, field, input: { spreadsheetId: 'abc' }, connection, ports: { http }, evaluate: {} });
    expect(result.items).toEqual([
      { label: 'Sheet1', value: 'Sheet1' },
      { label: 'Orders', value: 'Orders' },
    ]);
    expect(http.requests[0].url).toBe('https://sheets.googleapis.com/v4/spreadsheets/abc?fields=sheets.properties');
  });

  it("Notion database properties: typed fields from the database's schema (GET /v1/databases/{id})", async () => {
    const { app, field } = fieldOf('notion', 'create-database-item', 'properties');
    await expect(
      loadDynamicFields({ app, field, input: {}, connection, ports: { http: recordingHttp() }, evaluate: {} }),
    ).rejects.toMatchObject({
      info: { field: 'input.databaseId' },
    });
    const schema = notionTyped.exchanges[0].response.body;
    const http = recordingHttp(() => json(200, schema));
    const result = await loadDynamicFields({ app, field, input: { databaseId: schema.id }, connection, ports: { http }, evaluate: {} });
    expect(http.requests[0].method).toBe('GET');
    expect(http.requests[0].url).toBe(`https://api.notion.com/v1/databases/${schema.id}`);
    expect(http.requests[0].headers['notion-version']).toBe('2022-06-28');
    // The title first (required); people and other kinds without a form field are left out.
    expect(result.fields).toEqual([
      { key: 'Name', label: 'Name', type: 'text', required: true },
      { key: 'In stock', label: 'In stock', type: 'boolean', required: false },
      { key: 'Price', label: 'Price', type: 'number', required: false },
      { key: 'Description', label: 'Description', type: 'long-text', required: false },
      { key: 'Last ordered', label: 'Last ordered', type: 'date', required: false },
      {
        key: 'Store availability',
        label: 'Store availability',
        type: 'multi-choice',
        options: [
          { label: "Gus's Community Market", value: "Gus's Community Market" },
          { label: 'Rainbow Grocery', value: 'Rainbow Grocery' },
        ],
        required: false,
      },
      {
        key: 'Food group',
        label: 'Food group',
        type: 'choice',
        options: [
          { label: '🥬 Vegetable', value: '🥬 Vegetable' },
          { label: '🍎 Fruit', value: '🍎 Fruit' },
        ],
        required: false,
      },
      {
        key: 'Stage',
        label: 'Stage',
        type: 'choice',
        options: [
          { label: 'Not started', value: 'Not started' },
          { label: 'Done', value: 'Done' },
        ],
        required: false,
      },
      { key: 'Photo', label: 'Photo', type: 'url', required: false },
      { key: 'Supplier e-mail', label: 'Supplier e-mail', type: 'email', required: false },
      { key: 'Supplier phone', label: 'Supplier phone', type: 'phone', required: false },
    ]);
  });

  it('a 401 while loading a list is the needs-reconnecting error', async () => {
    const http = recordingHttp(() => json(401, { message: 'Bad credentials' }));
    await expect(
      loadFieldOptions({ ...fieldOf('github', 'create-issue', 'repository'), input: {}, connection, ports: { http }, evaluate: {} }),
    ).rejects.toMatchObject({
      info: { code: 'CONNECTION_NEEDS_RECONNECTING' },
    });
  });
});
