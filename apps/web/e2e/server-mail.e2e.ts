// Browser test of the server's own e-mail (SWITCHYARD_SMTP_URL): the owner sets a dead-letter alert
// address on the workflow page, the dead letter's e-mail arrives with a link that opens the run, and
// invites say whether their link was e-mailed or why not. The SMTP server is a local smtp-server on
// 127.0.0.1 that refuses recipients at refused.test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, failureShots, sleep, startEnvironment } from './support/environment.ts';

/** A message the local SMTP server accepted. */
interface Mail {
  to: string[];
  subject: string;
  text: string;
}

let env: Environment;
let smtp: SMTPServer | undefined;
const mails: Mail[] = [];
/** Filled by the first test, read by the later ones. */
const state = {} as { workflow: Workflow };

const withFailureShot = failureShots(() => env, 'server-mail-');

/** The decoded text of a raw message (quoted-printable when lines are long). */
function bodyOf(raw: string): Omit<Mail, 'to'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  let body = raw.slice(split + 4);
  if (/quoted-printable/i.test(head))
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return { subject: /^Subject: (.*)$/im.exec(head)?.[1] ?? '', text: body };
}

async function waitForMail(to: string, timeoutMs = 30_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mails.find((m) => m.to.includes(to));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms (got: ${mails.map((m) => m.to).join('; ')})`);
    await sleep(200);
  }
}

describe('server e-mail in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@refused.test')) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...bodyOf(data) });
          callback();
        });
      },
    });
    const server = smtp;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    env = await startEnvironment({
      name: 'server_mail_e2e',
      extraEnv: { SWITCHYARD_SMTP_URL: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?security=none` },
    });
  });

  after(async () => {
    await env?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  test(
    'the owner sets alert addresses on the workflow page; a bad one is refused at the field',
    withFailureShot('settings', async () => {
      const { status, body } = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Partner feed',
        trigger: { type: 'webhook' },
        steps: [
          {
            id: 'notify',
            type: 'http',
            method: 'POST',
            url: `${env.sinkBase}/fail/partner`,
            body: 'trigger.body',
            retry: { maxAttempts: 1 },
          },
        ],
      });
      assert.equal(status, 201);
      state.workflow = body;
      const page = env.page;
      await page.goto(`${env.base}/workflows/${body.id}`);
      const card = page.locator('#workflow-reliability');
      const email = card.getByLabel('Dead-letter alert e-mail');
      await email.waitFor();
      assert.ok(await email.isEnabled(), 'the e-mail field is on when the server has SMTP');

      await card.getByLabel('Replay failed runs automatically').check();
      await card.getByLabel('Replay schedule').fill('1s');
      await email.fill('ops@example.com, not-an-address');
      await card.getByRole('button', { name: 'Save reliability settings' }).click();
      await card.getByText('must be an e-mail address').waitFor();

      await email.fill('ops@example.com, oncall@example.org');
      await card.getByRole('button', { name: 'Save reliability settings' }).click();
      await card.getByText('Saved.').waitFor();
      const saved = await env.request<Workflow>('GET', `/api/workflows/${body.id}`);
      assert.deepEqual(saved.body.alerts, { email: ['ops@example.com', 'oncall@example.org'], minIntervalMinutes: 60 });
    }),
  );

  test(
    'the dead letter is e-mailed, and its link opens the run',
    withFailureShot('dead-letter', async () => {
      const response = await fetch(`${env.base}/hooks/${state.workflow.trigger.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"order":7}',
      });
      assert.equal(response.status, 202);
      const mail = await waitForMail('ops@example.com');
      assert.deepEqual(mail.to, ['ops@example.com', 'oncall@example.org']);
      assert.equal(mail.subject, 'Switchyard: a run of Partner feed was dead-lettered');
      const link = new RegExp(`Run: (${env.base}/runs/\\S+)`).exec(mail.text)?.[1];
      assert.ok(link, `the mail links to the run:\n${mail.text}`);
      const page = env.page;
      await page.goto(link);
      await page.locator('#run-summary').getByText('Dead letter', { exact: true }).waitFor();
    }),
  );

  test(
    'an invite is e-mailed ("Sent to"), and a refused address is shown with the link still to copy',
    withFailureShot('invites', async () => {
      const page = env.page;
      await page.goto(`${env.base}/settings/invites`);
      await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
      await page.getByRole('combobox', { name: 'Role' }).selectOption('editor');
      await page.getByRole('textbox', { name: /^Email/ }).fill('eddie@example.com');
      await page.getByRole('button', { name: 'Create invite link' }).click();
      await page.getByText('Sent to eddie@example.com.').waitFor();
      const url = (await page.getByLabel('Invite link', { exact: true }).innerText()).trim();
      const mail = await waitForMail('eddie@example.com');
      assert.match(mail.subject, /^You're invited to .+ on Switchyard$/);
      assert.ok(mail.text.includes(url), `the mail has the link ${url}:\n${mail.text}`);

      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('textbox', { name: /^Email/ }).fill('vera@refused.test');
      await page.getByRole('button', { name: 'Create invite link' }).click();
      const failure = page.getByRole('alert').filter({ hasText: 'Could not e-mail it to vera@refused.test' });
      await failure.waitFor();
      assert.match(await failure.innerText(), /550/);
      await page.getByLabel('Invite link', { exact: true }).waitFor();
      await page.getByRole('row', { name: /vera@refused\.test/ }).waitFor();
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
