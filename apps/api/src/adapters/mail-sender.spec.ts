import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { MailMessage } from '@switchyard/engine';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressGuard } from './egress-guard';
import { classifySmtpError, GuardedMailSender } from './mail-sender';

const resolver = (table: Record<string, string[]>) => async (host: string) => {
  const addresses = table[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

// Decisions only: nothing in this block opens a connection.
describe('GuardedMailSender.checkHost', () => {
  const dns = resolver({
    'smtp.public.example': ['93.184.216.34'],
    'smtp.internal.example': ['10.0.0.25'],
    'mixed.example': ['93.184.216.34', '169.254.169.254'],
    'relay.corp.example': ['10.1.1.1'],
  });

  it('connects to the checked address of a public host', async () => {
    expect(await new GuardedMailSender(new EgressGuard([]), dns).checkHost('smtp.public.example')).toBe('93.184.216.34');
  });

  it.each([
    ['smtp.internal.example', /resolves to 10\.0\.0\.25 is a private address/],
    ['mixed.example', /169\.254\.169\.254 is a linkLocal address/],
    ['10.0.0.25', /10\.0\.0\.25 is a private address/],
    ['127.0.0.1', /loopback/],
    ['[::1]', /loopback/],
  ])('refuses %s', async (host, reason) => {
    await expect(new GuardedMailSender(new EgressGuard([]), dns).checkHost(host)).rejects.toMatchObject({
      code: 'EGRESS_BLOCKED',
      retryable: false,
      message: expect.stringMatching(reason),
    });
  });

  it('lets SWITCHYARD_EGRESS_ALLOW open a range or a host name', async () => {
    expect(await new GuardedMailSender(new EgressGuard(['10.0.0.0/24']), dns).checkHost('smtp.internal.example')).toBe('10.0.0.25');
    expect(await new GuardedMailSender(new EgressGuard(['*.corp.example']), dns).checkHost('relay.corp.example')).toBe('10.1.1.1');
  });

  it('fails permanently on a name that does not exist', async () => {
    await expect(new GuardedMailSender(new EgressGuard([]), dns).checkHost('nope.example')).rejects.toMatchObject({
      code: 'SMTP_DNS',
      retryable: false,
    });
  });
});

describe('classifySmtpError', () => {
  const message = { smtp: { host: 'smtp.example.com', port: 587, security: 'starttls' as const }, timeoutMs: 1000 };
  it.each([
    [{ code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 Greylisted' }, 'SMTP_TEMPORARY', true],
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' }, 'SMTP_REJECTED', false],
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed' }, 'SMTP_AUTH', false],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, 'SMTP_CONNECTION', true],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'SMTP_TIMEOUT', true],
    [{ code: 'ETLS', message: 'certificate has expired' }, 'SMTP_TLS', false],
  ])('%o is %s (retryable %s)', (err, code, retryable) => {
    expect(classifySmtpError(Object.assign(new Error(String((err as { message?: string }).message ?? 'x')), err), message)).toMatchObject({
      code,
      retryable,
    });
  });
});

// Real SMTP conversations, on loopback only.
describe('GuardedMailSender over SMTP (127.0.0.1)', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  let silent: Server;
  let silentPort: number;
  const silentSockets = new Set<Socket>();
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  const sender = new GuardedMailSender(new EgressGuard(['127.0.0.1/32']));
  const base = (port: number): MailMessage => ({
    smtp: { host: '127.0.0.1', port, security: 'none', username: 'mailer', password: 'pw-123' },
    from: 'Shop <shop@example.com>',
    to: ['ann@example.org'],
    subject: 'Hello',
    text: 'Body text',
    timeoutMs: 5000,
    messageId: '<run_1.mail@switchyard>',
  });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth: (auth, _session, callback) =>
        auth.username === 'mailer' && auth.password === 'pw-123'
          ? callback(null, { user: 'mailer' })
          : callback(new Error('Invalid username or password')),
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('busy@'))
          return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        if (address.address.startsWith('nobody@')) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
      logger: false,
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    // Accepts connections and never greets: a hung SMTP server.
    silent = createServer((socket) => {
      silentSockets.add(socket);
      socket.on('close', () => silentSockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    for (const socket of silentSockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('sends with the login and the given Message-ID and returns the receipt', async () => {
    const receipt = await sender.send(base(smtpPort));
    expect(receipt).toMatchObject({ messageId: '<run_1.mail@switchyard>', accepted: ['ann@example.org'], rejected: [] });
    expect(receipt.response).toMatch(/^250/);
    expect(received.at(-1)).toMatchObject({ from: 'shop@example.com', to: ['ann@example.org'] });
    expect(received.at(-1)?.data).toMatch(/^Message-ID: <run_1\.mail@switchyard>$/m);
  });

  it('refuses a wrong password permanently', async () => {
    const message = base(smtpPort);
    message.smtp.password = 'wrong';
    await expect(sender.send(message)).rejects.toMatchObject({ code: 'SMTP_AUTH', retryable: false });
  });

  it('retries a 4xx recipient refusal and not a 5xx one', async () => {
    await expect(sender.send({ ...base(smtpPort), to: ['busy@example.org'] })).rejects.toMatchObject({
      code: 'SMTP_TEMPORARY',
      retryable: true,
    });
    await expect(sender.send({ ...base(smtpPort), to: ['nobody@example.org'] })).rejects.toMatchObject({
      code: 'SMTP_REJECTED',
      retryable: false,
    });
  });

  it('times out on a server that never greets, retryably', async () => {
    const started = Date.now();
    await expect(sender.send({ ...base(silentPort), timeoutMs: 300 })).rejects.toMatchObject({ code: 'SMTP_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses loopback without the allow-list, before connecting', async () => {
    const before = received.length;
    await expect(new GuardedMailSender(new EgressGuard([])).send(base(smtpPort))).rejects.toMatchObject({
      code: 'EGRESS_BLOCKED',
      retryable: false,
    });
    expect(received.length).toBe(before);
  });
});
