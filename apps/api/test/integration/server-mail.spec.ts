import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, TEST_OWNER, waitFor } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { SessionClient } from '../support/session-client';
import { startSink, type Sink } from '../support/sink';
import { startTestSwitchyard } from '../support/switchyard';

const SMTP_USER = 'alerts@switchyard.test';
const SMTP_PASSWORD = 'smtp:pass@word-42';
const PUBLIC_URL = 'http://switchyard.test:8080';

interface Mail {
  user?: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** Headers and the decoded text body of a raw message (nodemailer sends quoted-printable when lines are long). */
function readMail(raw: string): Pick<Mail, 'subject' | 'text' | 'messageId'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  let body = raw.slice(split + 4);
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) {
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { subject: header('Subject'), text: body.replace(/\r\n/g, '\n'), messageId: header('Message-ID') };
}

/** An SMTP server on 127.0.0.1 that wants a login and refuses recipients at refused.test (550). */
async function startMailbox() {
  const mails: Mail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.test')) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          user: session.user as string | undefined,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...readMail(data),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('server e-mail: dead-letter alerts and invites', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let sink: Sink;
  const dbs: TestDatabase[] = [];
  const instances: Array<Awaited<ReturnType<typeof startTestSwitchyard>>> = [];
  let withSmtp: Awaited<ReturnType<typeof startTestSwitchyard>>;
  let api: ApiClient;
  let owner: SessionClient;

  const start = async (env: Record<string, string>) => {
    const db = await createTestDatabase();
    dbs.push(db);
    const started = await startTestSwitchyard({ databaseUrl: db.url, env: { SWITCHYARD_PUBLIC_URL: PUBLIC_URL, ...env } });
    instances.push(started);
    return { ...started, db };
  };
  const smtpUrl = () =>
    `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${mailbox.port}?security=none`;

  beforeAll(async () => {
    mailbox = await startMailbox();
    sink = await startSink();
    withSmtp = await start({ SWITCHYARD_SMTP_URL: smtpUrl(), SWITCHYARD_SMTP_FROM: 'Switchyard Alerts <alerts@switchyard.test>' });
    api = withSmtp.api as ApiClient;
    owner = new SessionClient(withSmtp.instance.url as string);
    await owner.login(TEST_OWNER.email, TEST_OWNER.password);
  });

  afterAll(async () => {
    for (const started of instances) await started.instance.close();
    for (const db of dbs) await db.drop();
    await mailbox?.close();
    await sink?.close();
  });

  const failing = (name: string, alerts: Record<string, unknown>) => ({
    name,
    trigger: { type: 'webhook' },
    steps: [{ id: 'send', type: 'http', method: 'POST', url: `${sink.url}/target`, body: 'trigger.body', retry: { maxAttempts: 1 } }],
    autoReplay: { enabled: true, schedule: ['1s'] },
    alerts,
  });

  const deadLetterAfter = async (workflowId: string, after: string) =>
    waitFor(
      'a dead letter with its alert recorded',
      async () => {
        const res = await api.request('GET', `/api/workflows/${workflowId}/runs?deadLetter=true`);
        const letter = (res.body.items as Array<{ id: string }>).find((r) => r.id > after);
        if (!letter) return undefined;
        const run = (await api.request('GET', `/api/runs/${letter.id}`)).body;
        return run.alert ? run : undefined;
      },
      20_000,
    );

  it('tells signed-in callers that the server sends e-mail', async () => {
    expect((await owner.request('GET', '/api/auth/state')).body.features).toEqual({ email: true });
    expect((await api.request('GET', '/api/auth/state')).body.features).toEqual({ email: true });
    expect((await new SessionClient(withSmtp.instance.url as string).request('GET', '/api/auth/state')).body.features).toBeUndefined();
  });

  it('e-mails a dead letter to the alert addresses beside the webhook, once per interval', async () => {
    sink.respondWith(500, { error: 'down' });
    const bad = await api.request('POST', '/api/workflows', failing('Bad address', { email: ['ops@example.com', 'not-an-address'] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'alerts.email[1]', message: 'must be an e-mail address' }]);

    const workflow = await api.createWorkflow(
      failing('Invoice sync', {
        webhookUrl: `${sink.url}/alerts`,
        email: ['ops@example.com', 'oncall@example.org'],
        minIntervalMinutes: 60,
      }),
    );
    expect(workflow.alerts).toEqual({
      webhookUrl: `${sink.url}/alerts`,
      email: ['ops@example.com', 'oncall@example.org'],
      minIntervalMinutes: 60,
    });
    const before = mailbox.mails.length;
    const first = (await api.hook(workflow.trigger.token, { n: 1 })).body.runId as string;
    const letter = await deadLetterAfter(workflow.id, first);
    expect(letter.deadLetter).toBe(true);
    expect(letter.alert).toMatchObject({
      url: `${sink.url}/alerts`,
      status: 500,
      email: { to: ['ops@example.com', 'oncall@example.org'], messageId: `<dead-letter.${letter.id}@switchyard>` },
    });

    const mails = mailbox.mails.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ user: SMTP_USER, from: 'alerts@switchyard.test', to: ['ops@example.com', 'oncall@example.org'] });
    expect(mails[0].subject).toBe('Switchyard: a run of Invoice sync was dead-lettered');
    expect(mails[0].text).toContain(`${PUBLIC_URL}/runs/${letter.id}`);
    expect(mails[0].text).toMatch(/failed 2 times/);
    expect(mails[0].text).toMatch(/Last error: .*500/);
    expect(sink.requests.filter((r) => r.url === '/alerts')).toHaveLength(1);

    // The next dead letter within the interval: neither the webhook nor the e-mail.
    const second = (await api.hook(workflow.trigger.token, { n: 2 })).body.runId as string;
    const skipped = await deadLetterAfter(workflow.id, second);
    expect(skipped.alert).toMatchObject({ skipped: expect.stringMatching(/rate-limited: at most one alert every 60 minutes/) });
    expect(skipped.alert.email).toBeUndefined();
    expect(mailbox.mails.length).toBe(before + 1);
    expect(sink.requests.filter((r) => r.url === '/alerts')).toHaveLength(1);
  }, 60_000);

  it('records on the run when the SMTP server refuses the alert', async () => {
    const workflow = await api.createWorkflow(failing('Refused alerts', { email: 'ops@refused.test', minIntervalMinutes: 0 }));
    expect(workflow.alerts?.email).toEqual(['ops@refused.test']);
    const before = mailbox.mails.length;
    const run = (await api.hook(workflow.trigger.token, { n: 3 })).body.runId as string;
    const letter = await deadLetterAfter(workflow.id, run);
    expect(letter.alert.url).toBeUndefined();
    expect(letter.alert.email).toEqual({ to: ['ops@refused.test'], error: expect.stringMatching(/refused the message: 550/) });
    expect(mailbox.mails.length).toBe(before);
  }, 60_000);

  it('e-mails the invite link, which then signs the new member in', async () => {
    const before = mailbox.mails.length;
    const invite = await owner.request('POST', '/api/workspaces/current/invites', { role: 'editor', email: 'Eddie@Example.com' });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: 'eddie@example.com', role: 'editor', emailed: true });
    expect(invite.body.emailError).toBeUndefined();

    const mails = mailbox.mails.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['eddie@example.com']);
    const workspace = (await owner.request('GET', '/api/auth/state')).body.workspaces[0].name as string;
    expect(mails[0].subject).toBe(`You're invited to ${workspace} on Switchyard`);
    expect(mails[0].text).toContain(' as editor.');
    expect(mails[0].text).toContain(`expires on ${new Date(invite.body.expiresAt).toUTCString()}`);
    const link = /Accept the invite: (\S+)/.exec(mails[0].text)?.[1] as string;
    expect(link).toBe(invite.body.url);
    expect(link.startsWith(`${PUBLIC_URL}/invite/`)).toBe(true);

    const token = link.split('/invite/')[1];
    const guest = new SessionClient(withSmtp.instance.url as string);
    const accepted = await guest.request('POST', `/api/invites/${token}/accept`, {
      email: 'eddie@example.com',
      password: 'a long password',
      name: 'Eddie',
    });
    expect(accepted.status).toBe(200);
    expect((await guest.request('GET', '/api/auth/state')).body.workspaces).toEqual([expect.objectContaining({ role: 'editor' })]);
  });

  it('still creates the invite when the SMTP server refuses it, and says why', async () => {
    const invite = await owner.request('POST', '/api/workspaces/current/invites', { role: 'viewer', email: 'vera@refused.test' });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ emailed: false, emailError: expect.stringMatching(/refused the message: 550/) });
    const token = (invite.body.url as string).split('/invite/')[1];
    expect((await new SessionClient(withSmtp.instance.url as string).request('GET', `/api/invites/${token}`)).body).toMatchObject({
      email: 'vera@refused.test',
      role: 'viewer',
    });
    // An invite without an address is never e-mailed.
    expect((await owner.request('POST', '/api/workspaces/current/invites', { role: 'viewer' })).body.emailed).toBe(false);
  });

  it('signs out every session of the user, this one included', async () => {
    const base = withSmtp.instance.url as string;
    const laptop = new SessionClient(base);
    const phone = new SessionClient(base);
    await laptop.login(TEST_OWNER.email, TEST_OWNER.password);
    await phone.login(TEST_OWNER.email, TEST_OWNER.password);
    const out = await laptop.request('POST', '/api/auth/logout-all');
    expect(out.status).toBe(204);
    expect(laptop.cookies.size).toBe(0);
    expect((await phone.request('GET', '/api/workflows')).status).toBe(401);
    expect((await owner.request('GET', '/api/workflows')).status).toBe(401);
    expect((await phone.request('GET', '/api/auth/state')).body.user).toBeNull();
    // API keys are not sessions: they keep working.
    expect((await api.request('GET', '/api/workflows')).status).toBe(200);
    expect((await api.request('POST', '/api/auth/logout-all')).status).toBe(403);
    await owner.login(TEST_OWNER.email, TEST_OWNER.password);
  });

  describe('without SWITCHYARD_SMTP_URL', () => {
    it('refuses alert e-mail saying SMTP is not configured, and invites give the link only', async () => {
      const plain = await start({});
      const client = plain.api as ApiClient;
      expect((await client.request('GET', '/api/auth/state')).body.features).toEqual({ email: false });
      const refused = await client.request('POST', '/api/workflows', failing('No mail', { email: 'ops@example.com' }));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/SMTP is not configured/);
      expect(refused.body.error.details).toEqual([
        { path: 'alerts.email', message: 'cannot be used: SMTP is not configured on this server (SWITCHYARD_SMTP_URL)' },
      ]);
      const workflow = await client.createWorkflow(failing('Webhook only', { webhookUrl: `${sink.url}/alerts` }));
      const patched = await client.request('PATCH', `/api/workflows/${workflow.id}`, {
        alerts: { webhookUrl: `${sink.url}/alerts`, email: ['ops@example.com'] },
      });
      expect(patched.status).toBe(400);
      expect(patched.body.error.details[0].path).toBe('alerts.email');

      const session = new SessionClient(plain.instance.url as string);
      await session.login(TEST_OWNER.email, TEST_OWNER.password);
      const before = mailbox.connections();
      const invite = await session.request('POST', '/api/workspaces/current/invites', { role: 'viewer', email: 'vic@example.com' });
      expect(invite.status).toBe(201);
      expect(invite.body.emailed).toBe(false);
      expect(invite.body.emailError).toBeUndefined();
      expect(mailbox.connections()).toBe(before);
    });

    it('sends nothing to an SMTP host the egress rules refuse', async () => {
      const guarded = await start({ SWITCHYARD_SMTP_URL: smtpUrl(), SWITCHYARD_EGRESS_ALLOW: '' });
      const session = new SessionClient(guarded.instance.url as string);
      await session.login(TEST_OWNER.email, TEST_OWNER.password);
      const before = mailbox.connections();
      const invite = await session.request('POST', '/api/workspaces/current/invites', { role: 'viewer', email: 'vic@example.com' });
      expect(invite.status).toBe(201);
      expect(invite.body).toMatchObject({ emailed: false, emailError: expect.stringMatching(/SMTP host .*loopback/) });
      expect(mailbox.connections()).toBe(before);
    });
  });
});
