import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSinks, startSmtpSink, type AppSinks } from '../support/app-sinks';
import { useSwitchyard } from '../support/use-switchyard';

const MASTER = randomBytes(32).toString('base64');
const BOT_TOKEN = '7001234567:AAE-telegramSecretToken_xyz';
const SIGNING_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const SMTP_USER = 'shop-mailer';
const SMTP_PASSWORD = 'smtp-password-value-7788';

// A user builds these workflows through the API and triggers them through /hooks; local stand-ins
// of Slack, Discord, Teams, Telegram, a webhook receiver and an SMTP server check what arrives.
describe('app actions against local sinks', () => {
  let sinks: AppSinks;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sinks = await startAppSinks({ telegramToken: BOT_TOKEN, telegramChats: ['4242', '-1001234'], signingSecret: SIGNING_SECRET });
    smtp = await startSmtpSink({ username: SMTP_USER, password: SMTP_PASSWORD });
  });

  afterAll(async () => {
    await sinks?.close();
    await smtp?.close();
  });

  const sy = useSwitchyard({ env: { SWITCHYARD_SECRET_KEY: MASTER } });

  const credential = async (name: string, type: string, data: Record<string, string>) => {
    const res = await sy.api.request('POST', '/api/credentials', { name, type, data });
    if (res.status !== 201) throw new Error(`create credential: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  /** Creates a one-step workflow, triggers it like a sender would and waits for the run. */
  const runWorkflow = async (name: string, steps: Array<Record<string, unknown>>, body: unknown = order) => {
    const created = await sy.api.createWorkflow({ name, trigger: { type: 'webhook' }, steps });
    const hook = await sy.api.hook(created.trigger.token, body);
    expect(hook.status).toBe(202);
    const run = await sy.api.waitForRun(hook.body.runId);
    const detail = await sy.api.request('GET', `/api/runs/${hook.body.runId}`);
    return { run, text: detail.text, runId: hook.body.runId as string };
  };
  const received = (service: string, from: number) => sinks.requests.slice(from).filter((r) => r.service === service);
  const order = { id: 'A-17', total: 42.5, customer: { name: 'Ann', email: 'ann@example.org' } };

  describe('slack', () => {
    it('posts text, blocks, username and icon_emoji that Slack accepts', async () => {
      const before = sinks.requests.length;
      const { run } = await runWorkflow('Slack by URL', [
        {
          id: 'notify',
          type: 'slack',
          url: `${sinks.url}/slack/services/T001/B001/abc`,
          text: 'New order *{{ trigger.body.id }}* from {{ trigger.body.customer.name }}',
          blocks: "[{ 'type': 'section', 'text': { 'type': 'mrkdwn', 'text': 'Total: *' & $string(trigger.body.total) & ' EUR*' } }]",
          username: 'Shop',
          iconEmoji: ':package:',
        },
      ]);
      expect(run.status).toBe('succeeded');
      const [post] = received('slack', before);
      expect(post.status).toBe(200);
      expect(post.problems).toEqual([]);
      expect(JSON.parse(post.body)).toEqual({
        text: 'New order *A-17* from Ann',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Total: *42.5 EUR*' } }],
        username: 'Shop',
        icon_emoji: ':package:',
      });
      expect(post.headers['idempotency-key']).toBe(`${run.id}:notify`);
      expect(run.steps[0]).toMatchObject({ status: 'succeeded', output: { status: 200, body: 'ok' } });
    });

    it('posts to a stored webhook URL, which the run history never shows', async () => {
      const secretPath = `slack/services/T002/B002/${randomBytes(12).toString('hex')}`;
      const id = await credential('Slack #orders', 'webhook-url', { url: `${sinks.url}/${secretPath}` });
      const before = sinks.requests.length;
      const { run, text } = await runWorkflow('Slack by credential', [
        { id: 'notify', type: 'slack', credentialId: id, text: 'Order {{ trigger.body.id }}' },
      ]);
      expect(run.status).toBe('succeeded');
      const [post] = received('slack', before);
      expect(post.url).toBe(`/${secretPath}`);
      expect(JSON.parse(post.body)).toEqual({ text: 'Order A-17' });
      expect(run.steps[0].input.url).toBe(`${sinks.url}/***`);
      expect(text).not.toContain(secretPath.split('/').pop());
    });

    it('retries a 503 from Slack and keeps the idempotency key', async () => {
      sinks.failSlack(1, 503);
      const before = sinks.requests.length;
      const { run } = await runWorkflow('Slack flaky', [
        {
          id: 'notify',
          type: 'slack',
          url: `${sinks.url}/slack/services/T003/B003/x`,
          text: 'hi',
          retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 200 },
        },
      ]);
      expect(run.status).toBe('succeeded');
      expect(run.steps[0].attempts).toBe(2);
      const posts = received('slack', before);
      expect(posts.map((p) => p.status)).toEqual([503, 200]);
      expect(new Set(posts.map((p) => p.headers['idempotency-key'])).size).toBe(1);
    });

    it('fails without retrying when Slack refuses the payload', async () => {
      const before = sinks.requests.length;
      const { run } = await runWorkflow('Slack bad emoji', [
        { id: 'notify', type: 'slack', url: `${sinks.url}/slack/services/T004/B004/x`, text: 'hi', iconEmoji: 'rocket' },
      ]);
      expect(run.status).toBe('failed');
      expect(received('slack', before).map((p) => [p.status, p.problems])).toEqual([[400, ['icon_emoji must be :name:']]]);
      expect(run.steps[0]).toMatchObject({
        attempts: 1,
        error: { code: 'HTTP_STATUS', retryable: false, details: { status: 400, bodyExcerpt: 'invalid_payload' } },
      });
    });
  });

  it('discord: posts content, username, avatar_url and embeds; Discord answers 204', async () => {
    const before = sinks.requests.length;
    const { run } = await runWorkflow('Discord', [
      {
        id: 'tell',
        type: 'discord',
        url: `${sinks.url}/discord/api/webhooks/1122/tok-abc`,
        content: 'Order **{{ trigger.body.id }}** paid',
        username: 'Shop',
        avatarUrl: 'https://example.com/shop.png',
        embeds: "[{ 'title': trigger.body.id, 'description': trigger.body.customer.name, 'color': 3066993 }]",
      },
    ]);
    expect(run.status).toBe('succeeded');
    const [post] = received('discord', before);
    expect([post.status, post.problems]).toEqual([204, []]);
    expect(JSON.parse(post.body)).toEqual({
      content: 'Order **A-17** paid',
      username: 'Shop',
      avatar_url: 'https://example.com/shop.png',
      embeds: [{ title: 'A-17', description: 'Ann', color: 3066993 }],
    });
    expect(run.steps[0].output).toMatchObject({ status: 204, body: '' });
  });

  it('teams: posts an Adaptive Card that the Workflows webhook accepts', async () => {
    const before = sinks.requests.length;
    const { run } = await runWorkflow('Teams', [
      {
        id: 'card',
        type: 'teams',
        url: `${sinks.url}/teams/workflows/w1/triggers/manual/paths/invoke?sig=s1`,
        title: 'Order {{ trigger.body.id }}',
        text: '{{ trigger.body.customer.name }} paid {{ trigger.body.total }} EUR',
      },
    ]);
    expect(run.status).toBe('succeeded');
    const [post] = received('teams', before);
    expect([post.status, post.problems]).toEqual([202, []]);
    const card = JSON.parse(post.body).attachments[0].content;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Order A-17', weight: 'Bolder', size: 'Large', wrap: true },
      { type: 'TextBlock', text: 'Ann paid 42.5 EUR', wrap: true },
    ]);
  });

  describe('telegram', () => {
    let bot: string;
    beforeAll(async () => {
      bot = await credential('Shop bot', 'telegram-bot', { token: BOT_TOKEN });
    });

    it('sends a message with the stored bot token and keeps the token out of the history', async () => {
      const before = sinks.requests.length;
      const { run, text } = await runWorkflow(
        'Telegram',
        [
          {
            id: 'tg',
            type: 'telegram',
            credentialId: bot,
            chatId: '{{ trigger.body.chat }}',
            text: '<b>{{ trigger.body.id }}</b> paid',
            parseMode: 'HTML',
            disableNotification: true,
            apiBaseUrl: `${sinks.url}/telegram`,
          },
        ],
        { ...order, chat: 4242 },
      );
      expect(run.status).toBe('succeeded');
      const [post] = received('telegram', before);
      expect([post.status, post.problems]).toEqual([200, []]);
      expect(JSON.parse(post.body)).toEqual({ chat_id: '4242', text: '<b>A-17</b> paid', parse_mode: 'HTML', disable_notification: true });
      expect(run.steps[0].output.body).toMatchObject({ ok: true, result: { chat: { id: 4242 }, text: '<b>A-17</b> paid' } });
      expect(run.steps[0].input.url).toBe(`${sinks.url}/telegram/bot***/sendMessage`);
      expect(text).not.toContain(BOT_TOKEN);
    });

    it("fails with Telegram's description when the chat does not exist", async () => {
      const { run, text } = await runWorkflow('Telegram unknown chat', [
        { id: 'tg', type: 'telegram', credentialId: bot, chatId: '999', text: 'hi', apiBaseUrl: `${sinks.url}/telegram` },
      ]);
      expect(run.status).toBe('failed');
      expect(run.steps[0]).toMatchObject({
        attempts: 1,
        error: { code: 'TELEGRAM_ERROR', message: 'Telegram: Bad Request: chat not found', retryable: false },
      });
      expect(text).not.toContain(BOT_TOKEN);
    });
  });

  describe('signed webhooks', () => {
    let signing: string;
    beforeAll(async () => {
      signing = await credential('Partner signing secret', 'webhook-signing-secret', { secret: SIGNING_SECRET });
    });

    it('sends a Standard Webhooks envelope the receiver verifies with the standardwebhooks library; a tampered copy is rejected', async () => {
      const before = sinks.requests.length;
      const { run, text, runId } = await runWorkflow('Signed webhook', [
        {
          id: 'push',
          type: 'webhook',
          url: `${sinks.url}/receiver/orders`,
          body: "{ 'id': trigger.body.id, 'total': trigger.body.total }",
          credentialId: signing,
          eventType: 'order.{{ "paid" }}',
        },
      ]);
      expect(run.status).toBe('succeeded');
      const [delivery] = received('receiver', before);
      expect([delivery.status, delivery.problems]).toEqual([204, []]);
      expect(delivery.headers['webhook-id']).toBe(`msg_${runId}_push`);
      const payload = JSON.parse(delivery.body);
      expect(payload).toEqual({
        type: 'order.paid',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: { id: 'A-17', total: 42.5 },
      });
      expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.parse(payload.timestamp) / 1000)).toBeLessThan(1);
      expect(run.steps[0].output.webhookId).toBe(`msg_${runId}_push`);
      expect(text).not.toContain(SIGNING_SECRET.slice(6));

      // An attacker who changes the body of a captured delivery is refused by the same receiver.
      const headers = {
        'content-type': 'application/json',
        'webhook-id': String(delivery.headers['webhook-id']),
        'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
        'webhook-signature': String(delivery.headers['webhook-signature']),
      };
      const tampered = await fetch(`${sinks.url}/receiver/orders`, {
        method: 'POST',
        headers,
        body: delivery.body.replace('42.5', '0.01'),
      });
      expect(tampered.status).toBe(401);
      const replayed = await fetch(`${sinks.url}/receiver/orders`, { method: 'POST', headers, body: delivery.body });
      expect(replayed.status).toBe(204);
    });

    it('fails the run when the receiver refuses a signature made with another secret', async () => {
      const other = await credential('Wrong secret', 'webhook-signing-secret', {});
      const before = sinks.requests.length;
      const { run } = await runWorkflow('Signed with the wrong secret', [
        { id: 'push', type: 'webhook', url: `${sinks.url}/receiver/orders`, body: '{ "n": 1 }', credentialId: other },
      ]);
      expect(run.status).toBe('failed');
      expect(received('receiver', before).map((r) => [r.status, r.problems[0]])).toEqual([[401, expect.stringMatching(/signature/i)]]);
      expect(run.steps[0]).toMatchObject({ error: { code: 'HTTP_STATUS', retryable: false, details: { status: 401 } } });
    });

    it('signs an http step with sign.credentialId', async () => {
      const before = sinks.requests.length;
      const { run } = await runWorkflow('Signed http', [
        { id: 'call', type: 'http', url: `${sinks.url}/receiver/raw`, body: 'trigger.body', sign: { credentialId: signing } },
      ]);
      expect(run.status).toBe('succeeded');
      const [delivery] = received('receiver', before);
      expect([delivery.status, delivery.problems]).toEqual([204, []]);
      expect(JSON.parse(delivery.body)).toEqual(order);
    });
  });

  describe('email', () => {
    it('sends through the SMTP server with the stored login; the server receives from, to, subject and body', async () => {
      const login = await credential('Shop SMTP', 'basic', { username: SMTP_USER, password: SMTP_PASSWORD });
      const before = smtp.mails.length;
      const { run, text, runId } = await runWorkflow('Order mail', [
        {
          id: 'mail',
          type: 'email',
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          credentialId: login,
          from: 'Shop <shop@example.com>',
          to: '{{ trigger.body.customer.email }}',
          cc: 'sales@example.com',
          subject: 'Your order {{ trigger.body.id }}',
          text: 'Thanks {{ trigger.body.customer.name }}, your total is {{ trigger.body.total }} EUR.',
        },
      ]);
      expect(run.status).toBe('succeeded');
      const mails = smtp.mails.slice(before);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.user).toBe(SMTP_USER);
      expect(mail.from).toBe('shop@example.com');
      expect(mail.to).toEqual(['ann@example.org', 'sales@example.com']);
      expect(mail.data).toMatch(/^From: Shop <shop@example\.com>$/m);
      expect(mail.data).toMatch(/^To: ann@example\.org$/m);
      expect(mail.data).toMatch(/^Subject: Your order A-17$/m);
      expect(mail.data).toMatch(new RegExp(`^Message-ID: <${runId}\\.mail@switchyard>$`, 'm'));
      expect(mail.data).toContain('Thanks Ann, your total is 42.5 EUR.');
      expect(run.steps[0].output).toMatchObject({
        messageId: `<${runId}.mail@switchyard>`,
        accepted: ['ann@example.org', 'sales@example.com'],
        rejected: [],
      });
      expect(run.steps[0].input.smtp).toEqual({ host: '127.0.0.1', port: smtp.port, security: 'none', username: SMTP_USER });
      expect(text).not.toContain(SMTP_PASSWORD);
    });

    it('fails without retrying when the SMTP server refuses the login', async () => {
      const wrong = await credential('Wrong SMTP', 'basic', { username: SMTP_USER, password: 'not-the-password' });
      const before = smtp.mails.length;
      const { run } = await runWorkflow('Mail wrong login', [
        {
          id: 'mail',
          type: 'email',
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          credentialId: wrong,
          from: 'shop@example.com',
          to: 'x@example.org',
          subject: 's',
          text: 't',
        },
      ]);
      expect(run.status).toBe('failed');
      expect(run.steps[0]).toMatchObject({ attempts: 1, error: { code: 'SMTP_AUTH', retryable: false } });
      expect(smtp.mails.length).toBe(before);
    });
  });

  it('"Test this step" in the builder sends for real with stored credentials: an e-mail and a Telegram message', async () => {
    const login = await credential('Builder SMTP', 'basic', { username: SMTP_USER, password: SMTP_PASSWORD });
    const bot = await credential('Builder bot', 'telegram-bot', { token: BOT_TOKEN });
    const mailsBefore = smtp.mails.length;
    const mailed = await sy.api.request('POST', '/api/test/step', {
      step: {
        id: 'mail',
        type: 'email',
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        credentialId: login,
        from: 'shop@example.com',
        to: '{{ trigger.body.to }}',
        subject: 'Test',
        text: 'Hello {{ trigger.body.to }}',
      },
      context: { trigger: { body: { to: 'qa@example.org' } } },
    });
    expect(mailed.status).toBe(200);
    expect(mailed.body).toMatchObject({ status: 'succeeded', output: { accepted: ['qa@example.org'], rejected: [] } });
    expect(smtp.mails.slice(mailsBefore).map((m) => [m.user, m.to])).toEqual([[SMTP_USER, ['qa@example.org']]]);
    expect(mailed.text).not.toContain(SMTP_PASSWORD);

    const before = sinks.requests.length;
    const sent = await sy.api.request('POST', '/api/test/step', {
      step: {
        id: 'tg',
        type: 'telegram',
        credentialId: bot,
        chatId: '-1001234',
        text: 'Test from the builder',
        apiBaseUrl: `${sinks.url}/telegram`,
      },
      context: { trigger: { body: {} } },
    });
    expect(sent.body).toMatchObject({ status: 'succeeded', output: { body: { ok: true } } });
    expect(received('telegram', before).map((r) => JSON.parse(r.body))).toEqual([{ chat_id: '-1001234', text: 'Test from the builder' }]);
    expect(sent.text).not.toContain(BOT_TOKEN);
  });

  it('rejects an app action with both url and credentialId, naming the field', async () => {
    const res = await sy.api.request('POST', '/api/workflows', {
      name: 'Bad',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'a', type: 'map', expression: '1' },
        { id: 'n', type: 'slack', url: `${sinks.url}/slack/services/x`, credentialId: 'c', text: 'hi' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({ path: 'steps[1].url', message: 'set either url or credentialId, not both' });
  });
});
