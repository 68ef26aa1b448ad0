import { Webhook as StandardWebhook } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import { json, recordingHttp, recordingMail } from '../../test/support/fake-ports';
import { runStep, TEST_NOW } from '../../test/support/run-step';
import { findApp, findAppAction, findAppField } from './app-catalogue';
import { loadFieldOptions } from './load-field-options';

// The six original actions as apps (Slack/Discord/Teams webhooks, Telegram, SMTP, signed webhook):
// their failure answers, the signature a receiver verifies, the SMTP checks that name the field.

function connections(values: Record<string, string>, secrets: string[] = Object.values(values)) {
  const reported: string[] = [];
  return {
    reported,
    resolve: async (_id: string, app: string) => ({ app, values, secrets }),
    reportUnauthorized: async (id: string) => {
      reported.push(id);
    },
  };
}

const SLACK_URL = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
const TOKEN = '123456789:AAFixtureTokenFixtureTokenFixture00';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('webhook apps', () => {
  const slack = { id: 's', type: 'app', app: 'slack-webhook', action: 'send-message', connectionId: 'c1', input: { text: 'hi' } };

  it("Slack: a removed webhook (404 no_service) needs reconnecting; invalid_payload is Slack's word, not retried; the URL never reaches the record", async () => {
    const ports = connections({ webhookUrl: SLACK_URL });
    const removed = await runStep(slack, {
      ports: {
        http: recordingHttp(() => ({ status: 404, headers: { 'content-type': 'text/html' }, body: 'no_service' })),
        connections: ports,
      },
    });
    expect(removed.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING', field: 'connectionId', retryable: false });
    expect(removed.result.error?.message).toContain('no_service');
    expect(ports.reported).toEqual(['c1']);
    const invalid = await runStep(slack, {
      ports: {
        http: recordingHttp(() => ({ status: 400, headers: { 'content-type': 'text/html' }, body: 'invalid_payload' })),
        connections: connections({ webhookUrl: SLACK_URL }),
      },
    });
    expect(invalid.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: false });
    expect(invalid.result.error?.message).toContain('invalid_payload');
    expect(JSON.stringify(invalid.result.error)).not.toContain('XXXXXXXXXXXXXXXXXXXXXXXX');
  });

  it('Slack: a 429 is retryable with the Retry-After asked for', async () => {
    const executed = await runStep(slack, {
      ports: {
        http: recordingHttp(() => ({ status: 429, headers: { 'content-type': 'text/html', 'retry-after': '30' }, body: 'rate_limited' })),
        connections: connections({ webhookUrl: SLACK_URL }),
      },
    });
    expect(executed.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 30_000 } });
  });

  it('Discord: Unknown Webhook needs reconnecting', async () => {
    const ports = connections({ webhookUrl: 'https://discord.com/api/webhooks/1/tok-secret' });
    const executed = await runStep(
      { id: 'd', type: 'app', app: 'discord-webhook', action: 'send-message', connectionId: 'c1', input: { content: 'x' } },
      { ports: { http: recordingHttp(() => json(404, { message: 'Unknown Webhook', code: 10015 })), connections: ports } },
    );
    expect(executed.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
    expect(executed.result.error?.message).toContain('Unknown Webhook (10015)');
  });

  it('a webhook URL that is not http(s) is refused on connectionId', async () => {
    const executed = await runStep(slack, {
      ports: { http: recordingHttp(), connections: connections({ webhookUrl: 'file:///etc/passwd' }) },
    });
    expect(executed.result.error).toMatchObject({ code: 'INVALID_URL', field: 'connectionId' });
  });

  it('signed webhook: the official standardwebhooks library verifies the signature; a retry sends the same webhook-id', async () => {
    const step = {
      id: 'w',
      type: 'app',
      app: 'signed-webhook',
      action: 'send',
      connectionId: 'c1',
      input: { payload: "{ 'orderId': 'A-17' }" },
    };
    const http = recordingHttp(() => ({ status: 200, headers: {}, body: '' }));
    const ports = connections({ secret: SECRET, url: 'https://receiver.example.com/hook' }, [SECRET]);
    const first = await runStep(step, { ports: { http, connections: ports }, runId: 'run_9' });
    const again = await runStep(step, { ports: { http, connections: ports }, runId: 'run_9' });
    expect(first.result.error).toBeUndefined();
    expect(again.result.error).toBeUndefined();
    const [sent, retried] = http.requests;
    expect(sent.headers['webhook-id']).toBe('msg_run_9_w');
    expect(retried.headers['webhook-id']).toBe('msg_run_9_w');
    expect(JSON.parse(sent.body!)).toEqual({ orderId: 'A-17' });
    // The library checks the timestamp against its clock: put it at the run's clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TEST_NOW);
    let verified: unknown;
    try {
      verified = new StandardWebhook(SECRET).verify(sent.body!, {
        'webhook-id': sent.headers['webhook-id'],
        'webhook-timestamp': sent.headers['webhook-timestamp'],
        'webhook-signature': sent.headers['webhook-signature'],
      });
    } finally {
      vi.useRealTimers();
    }
    expect(verified).toEqual({ orderId: 'A-17' });
    expect(Number(sent.headers['webhook-timestamp'])).toBe(Math.floor(TEST_NOW / 1000));
    expect(JSON.stringify(first.result.input)).not.toContain(SECRET);
  });

  it('signed webhook: a secret that is not whsec_ base64 names the connection', async () => {
    const executed = await runStep(
      { id: 'w', type: 'app', app: 'signed-webhook', action: 'send', connectionId: 'c1', input: { payload: '1' } },
      { ports: { http: recordingHttp(), connections: connections({ secret: 'not base64!', url: 'https://r.example.com' }) } },
    );
    expect(executed.result.error).toMatchObject({ code: 'CREDENTIAL_INVALID', field: 'connectionId' });
  });
});

describe('Telegram', () => {
  const step = { id: 't', type: 'app', app: 'telegram', action: 'send-message', connectionId: 'c1', input: { chatId: '1', text: 'hi' } };

  it('a 401 Unauthorized needs reconnecting and the token is masked', async () => {
    const ports = connections({ botToken: TOKEN });
    const executed = await runStep(step, {
      ports: { http: recordingHttp(() => json(401, { ok: false, error_code: 401, description: 'Unauthorized' })), connections: ports },
    });
    expect(executed.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING', field: 'connectionId' });
    expect(ports.reported).toEqual(['c1']);
    expect(JSON.stringify(executed.result)).not.toContain(TOKEN);
  });

  it("a 429 waits the parameters.retry_after of Telegram's answer; a 400 carries Telegram's description", async () => {
    const limited = await runStep(step, {
      ports: {
        http: recordingHttp(() =>
          json(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 35', parameters: { retry_after: 35 } }),
        ),
        connections: connections({ botToken: TOKEN }),
      },
    });
    expect(limited.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 35_000 } });
    const notFound = await runStep(step, {
      ports: {
        http: recordingHttp(() => json(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })),
        connections: connections({ botToken: TOKEN }),
      },
    });
    expect(notFound.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: false });
    expect(notFound.result.error?.message).toContain('Bad Request: chat not found');
  });

  it('validation names the field: an empty text, a non-boolean', async () => {
    const empty = await runStep(
      { ...step, input: { chatId: '1', text: '{{ trigger.body.nothing }}' } },
      { ports: { http: recordingHttp(), connections: connections({ botToken: TOKEN }) } },
    );
    expect(empty.result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'input.text' });
    const silent = await runStep(
      { ...step, input: { chatId: '1', text: 'x', disableNotification: 'maybe' } },
      { ports: { http: recordingHttp(), connections: connections({ botToken: TOKEN }) } },
    );
    expect(silent.result.error).toMatchObject({ field: 'input.disableNotification' });
  });

  it('the chat list: each chat the bot saw once, from getUpdates, through a self-hosted Bot API server', async () => {
    const app = findApp('telegram')!;
    const field = findAppField(findAppAction(app, 'send-message')!, 'chatId')!;
    const http = recordingHttp(() =>
      json(200, {
        ok: true,
        result: [
          {
            update_id: 1,
            message: {
              message_id: 1,
              date: 1,
              chat: { id: 42, type: 'private', first_name: 'Ada', last_name: 'L', username: 'ada' },
              text: '/start',
            },
          },
          {
            update_id: 2,
            message: {
              message_id: 2,
              date: 2,
              chat: { id: 42, type: 'private', first_name: 'Ada', last_name: 'L', username: 'ada' },
              text: 'hi',
            },
          },
          { update_id: 3, channel_post: { message_id: 3, date: 3, chat: { id: -100777, type: 'channel', title: 'Orders' }, text: 'x' } },
          { update_id: 4, my_chat_member: { chat: { id: -555, type: 'group', title: 'Ops' }, date: 4 } },
        ],
      }),
    );
    const result = await loadFieldOptions({
      app,
      field,
      input: {},
      connection: { app: 'telegram', values: { botToken: TOKEN, apiBaseUrl: 'http://127.0.0.1:8081' }, secrets: [TOKEN] },
      ports: { http },
      evaluate: {},
    });
    expect(result.items).toEqual([
      { label: 'Ada L (@ada)', value: '42' },
      { label: 'Orders', value: '-100777' },
      { label: 'Ops', value: '-555' },
    ]);
    expect(new URL(http.requests[0].url).pathname).toBe(`/bot${TOKEN}/getUpdates`);
    expect(new URL(http.requests[0].url).host).toBe('127.0.0.1:8081');
  });
});

describe('E-mail (SMTP)', () => {
  const server = { password: 'smtp-pass-secret', host: 'smtp.example.com', port: '587', security: 'starttls', username: 'u' };
  const step = (input: Record<string, string>) => ({
    id: 'e',
    type: 'app',
    app: 'smtp',
    action: 'send-email',
    connectionId: 'c1',
    input: { from: 'shop@example.com', to: 'a@example.com', subject: 's', text: 't', ...input },
  });

  it('addresses are checked and the error names the field', async () => {
    const mail = recordingMail();
    const executed = await runStep(step({ to: 'a@example.com, not an address' }), { ports: { mail, connections: connections(server) } });
    expect(executed.result.error).toMatchObject({ code: 'INVALID_ADDRESS', field: 'input.to' });
    expect(executed.result.error?.message).toContain('"not an address" is not an e-mail address');
    expect(mail.messages).toEqual([]);
  });

  it('a message without a body, or a connection with a bad port, is refused before sending', async () => {
    const mail = recordingMail();
    const noBody = await runStep(step({ text: '{{ trigger.body.nothing }}' }), { ports: { mail, connections: connections(server) } });
    expect(noBody.result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'input.text' });
    const badPort = await runStep(step({}), { ports: { mail, connections: connections({ ...server, port: 'smtp' }) } });
    expect(badPort.result.error).toMatchObject({ code: 'CONNECTION_INVALID', field: 'connectionId' });
    expect(mail.messages).toEqual([]);
  });

  it("the mail port's failure keeps its retryability and never shows the password", async () => {
    const mail = recordingMail(() => {
      throw Object.assign(new Error('535 5.7.8 authentication failed for u / smtp-pass-secret'), { code: 'SMTP_AUTH', retryable: false });
    });
    const executed = await runStep(step({}), { ports: { mail, connections: connections(server) } });
    expect(executed.result.error).toMatchObject({ retryable: false });
    expect(JSON.stringify(executed.result)).not.toContain('smtp-pass-secret');
  });
});
