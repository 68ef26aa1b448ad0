import { describe, expect, it } from 'vitest';
import { fakeCredentials, recordingMail } from '../../../test/support/fake-ports';
import { runStep } from '../../../test/support/run-step';
import { validateDefinition } from '../../validation/validate-definition';
import { splitAddresses } from './email.handler';

const credentials = fakeCredentials({
  cred_smtp: { type: 'basic', fields: { username: 'mailer@example.com', password: 'hunter2-smtp' }, headers: { authorization: 'Basic x' } },
  cred_bot: { type: 'telegram-bot', fields: { token: 't' } },
});
const base = {
  id: 'mail',
  type: 'email',
  host: 'smtp.example.com',
  from: 'Shop <shop@example.com>',
  to: '{{ trigger.body.email }}',
  subject: 'Order {{ trigger.body.id }}',
  text: 'Thanks, {{ trigger.body.name }}!',
};

describe('emailHandler', () => {
  it('renders the message and hands it to the mail port with the SMTP login and a stable Message-ID', async () => {
    const mail = recordingMail();
    const executed = await runStep(
      {
        ...base,
        port: 465,
        security: 'tls',
        credentialId: 'cred_smtp',
        cc: 'a@example.com, "Doe, Jane" <jane@example.com>',
        bcc: 'audit@example.com',
        replyTo: 'help@example.com',
        html: '<p>{{ trigger.body.name }}</p>',
      },
      { body: { email: 'ann@example.org', id: 'A1', name: 'Ann' }, ports: { mail, credentials }, runId: 'run_5' },
    );
    expect(executed.result.status).toBe('succeeded');
    expect(mail.messages).toEqual([
      {
        smtp: { host: 'smtp.example.com', port: 465, security: 'tls', username: 'mailer@example.com', password: 'hunter2-smtp' },
        from: 'Shop <shop@example.com>',
        to: ['ann@example.org'],
        cc: ['a@example.com', '"Doe, Jane" <jane@example.com>'],
        bcc: ['audit@example.com'],
        replyTo: 'help@example.com',
        subject: 'Order A1',
        text: 'Thanks, Ann!',
        html: '<p>Ann</p>',
        timeoutMs: 30_000,
        messageId: '<run_5.mail@switchyard>',
      },
    ]);
    expect(credentials.calls.at(-1)).toEqual({ id: 'cred_smtp', expectedTypes: ['basic'] });
    expect(executed.result.output).toEqual({
      messageId: '<run_5.mail@switchyard>',
      accepted: ['ann@example.org', 'a@example.com', '"Doe, Jane" <jane@example.com>', 'audit@example.com'],
      rejected: [],
      response: '250 2.0.0 OK queued',
    });
    expect(executed.result.input).toMatchObject({
      smtp: { host: 'smtp.example.com', port: 465, security: 'tls', username: 'mailer@example.com' },
      to: ['ann@example.org'],
    });
    expect(JSON.stringify(executed.result)).not.toContain('hunter2-smtp');
  });

  it('defaults to port 587 with STARTTLS and no login', async () => {
    const mail = recordingMail();
    await runStep(base, { body: { email: 'x@example.org' }, ports: { mail } });
    expect(mail.messages[0].smtp).toEqual({ host: 'smtp.example.com', port: 587, security: 'starttls' });
    expect(mail.messages[0].messageId).toBeUndefined();
  });

  it('fails with MAIL_UNAVAILABLE without a mail port', async () => {
    const executed = await runStep(base, { body: { email: 'x@example.org' } });
    expect(executed.result.error).toMatchObject({ code: 'MAIL_UNAVAILABLE', kind: 'system', retryable: false });
  });

  it('fails on an empty or garbled recipient, naming the field', async () => {
    const mail = recordingMail();
    const empty = await runStep(base, { body: {}, ports: { mail } });
    expect(empty.result.error).toMatchObject({ code: 'INVALID_ADDRESS', field: 'to', message: 'to: no recipient once rendered' });
    const garbled = await runStep({ ...base, cc: 'not an address' }, { body: { email: 'x@example.org' }, ports: { mail } });
    expect(garbled.result.error).toMatchObject({ code: 'INVALID_ADDRESS', field: 'cc' });
    expect(mail.messages).toEqual([]);
  });

  it('keeps the retryability the mail port gives and masks the password in its message', async () => {
    const failing = (code: string, retryable: boolean) => ({
      send: async () => {
        throw Object.assign(new Error(`login mailer@example.com/hunter2-smtp refused`), { code, retryable, kind: 'user' });
      },
    });
    const temporary = await runStep(
      { ...base, credentialId: 'cred_smtp' },
      { body: { email: 'x@example.org' }, ports: { mail: failing('SMTP_TEMPORARY', true), credentials } },
    );
    expect(temporary.result.error).toMatchObject({
      code: 'SMTP_TEMPORARY',
      retryable: true,
      message: 'login mailer@example.com/*** refused',
    });
    const permanent = await runStep(
      { ...base, credentialId: 'cred_smtp' },
      { body: { email: 'x@example.org' }, ports: { mail: failing('SMTP_REJECTED', false), credentials } },
    );
    expect(permanent.result.error).toMatchObject({ code: 'SMTP_REJECTED', retryable: false });
    expect(JSON.stringify([temporary.result, permanent.result])).not.toContain('hunter2-smtp');
  });

  it('fails on a credential of another type', async () => {
    const executed = await runStep(
      { ...base, credentialId: 'cred_bot' },
      { body: { email: 'x@example.org' }, ports: { mail: recordingMail(), credentials } },
    );
    expect(executed.result.error).toMatchObject({ code: 'CREDENTIAL_TYPE', field: 'credentialId' });
  });

  it('is validated with field paths', () => {
    const issues = (step: Record<string, unknown>) => {
      const result = validateDefinition({ trigger: { type: 'webhook' }, steps: [step] });
      return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues({ type: 'email', host: 'h', from: 'a@b.c', to: 'x@y.z', subject: 's' })).toEqual([
      'steps[0].text: set text or html (or both)',
    ]);
    expect(issues({ type: 'email', host: 'h', from: 'a@b.c', to: '', subject: 's', text: 't', port: 0 })).toEqual([
      'steps[0].port: must be at least 1',
      'steps[0].to: must not be empty',
    ]);
    expect(issues({ type: 'email', host: 'h', from: 'a@b.c', to: 'x@y.z', subject: 's', text: 't', security: 'ssl' })[0]).toMatch(
      /^steps\[0\]\.security/,
    );
    expect(issues({ type: 'email', host: 'h', from: 'a@b.c', to: 'x@y.z', subject: '{{ ', text: 't' })[0]).toMatch(/^steps\[0\]\.subject/);
  });
});

describe('splitAddresses', () => {
  it('splits on commas and semicolons outside quotes and drops empty entries', () => {
    expect(splitAddresses(' a@x.io, "Doe, J" <j@x.io>;; b@x.io ,')).toEqual(['a@x.io', '"Doe, J" <j@x.io>', 'b@x.io']);
  });
});
