import type { EmailStep } from './email.schema';
import type { MailMessage, MailReceipt } from '../../runner/ports';
import { StepError, toStepErrorInfo } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { renderStepField } from '../shared/app-request';
import { credentialField, excerpt, maskSecrets, resolveStepCredential } from '../shared/outbound-request';

/** The credential type of an SMTP login. */
export const SMTP_CREDENTIAL_TYPE = 'basic';
const RECORDED_BODY_CHARS = 64 * 1024;
const MAX_RECIPIENTS = 100;

/** Splits a comma-separated address list (a display name may be quoted and hold commas). */
export function splitAddresses(list: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of list) {
    if (c === '"') quoted = !quoted;
    if ((c === ',' || c === ';') && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((a) => a.trim()).filter((a) => a !== '');
}

// An address, bare or as `Name <address>`: enough to catch an empty or garbled template result.
const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>",]+@[^\s@<>",]+)$/;

/** The addresses of a rendered address field; an error names the field and the address that is not one. */
export function addresses(field: string, rendered: string): string[] {
  const list = splitAddresses(rendered);
  const bad = list.find((a) => !ADDRESS.test(a));
  if (bad !== undefined) {
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: `${field}: "${excerpt(bad, 200)}" is not an e-mail address`,
      kind: 'user',
      retryable: false,
      field,
    });
  }
  return list;
}

/** The Message-ID of a run's e-mail: stable per run and step, so a retried send has the same one. */
export function emailMessageId(runId: string, key: string): string {
  return `<${runId}.${key.replace(/[^A-Za-z0-9._-]/g, '-')}@switchyard>`;
}

/** `email`: sends a message through the host's mail port (SMTP). */
export const emailHandler: StepHandler<EmailStep> = async (params) => {
  const { step, ports, runId, key } = params;
  const render = (field: string, template: string | undefined) =>
    template === undefined ? Promise.resolve(undefined) : renderStepField(params, field, template);
  const from = addresses('from', (await render('from', step.from)) ?? '');
  if (from.length !== 1)
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: 'from: must be exactly one address',
      kind: 'user',
      retryable: false,
      field: 'from',
    });
  const to = addresses('to', (await render('to', step.to)) ?? '');
  if (to.length === 0)
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: 'to: no recipient once rendered',
      kind: 'user',
      retryable: false,
      field: 'to',
    });
  const cc = addresses('cc', (await render('cc', step.cc)) ?? '');
  const bcc = addresses('bcc', (await render('bcc', step.bcc)) ?? '');
  if (to.length + cc.length + bcc.length > MAX_RECIPIENTS) {
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: `to: at most ${MAX_RECIPIENTS} recipients in all`,
      kind: 'user',
      retryable: false,
      field: 'to',
    });
  }
  const replyTo = addresses('replyTo', (await render('replyTo', step.replyTo)) ?? '');
  const subject = (await render('subject', step.subject)) ?? '';
  const text = await render('text', step.text);
  const html = await render('html', step.html);

  const smtp: MailMessage['smtp'] = { host: step.host, port: step.port, security: step.security };
  const secrets: string[] = [];
  if (step.credentialId !== undefined) {
    const credential = await resolveStepCredential({ ports, credentialId: step.credentialId, expectedTypes: [SMTP_CREDENTIAL_TYPE] });
    smtp.username = credentialField(credential, 'username');
    smtp.password = credentialField(credential, 'password');
    secrets.push(smtp.password);
  }
  const message: MailMessage = { smtp, from: from[0], to, subject, timeoutMs: step.timeoutMs };
  if (cc.length > 0) message.cc = cc;
  if (bcc.length > 0) message.bcc = bcc;
  if (replyTo.length > 0) message.replyTo = replyTo.join(', ');
  if (text !== undefined) message.text = text;
  if (html !== undefined) message.html = html;
  if (runId !== undefined) message.messageId = emailMessageId(runId, key);

  const recorded = recordMessage(message, secrets);
  if (!ports.mail) {
    throw new StepError({
      code: 'MAIL_UNAVAILABLE',
      message: 'This host cannot send e-mail (it has no mail port)',
      kind: 'system',
      retryable: false,
      details: { request: recorded },
    });
  }
  let receipt: MailReceipt;
  try {
    receipt = await ports.mail.send(message);
  } catch (err) {
    const info = toStepErrorInfo(err);
    throw new StepError({ ...info, message: maskSecrets(info.message, secrets), details: { ...info.details, request: recorded } });
  }
  return {
    input: recorded,
    output: { messageId: receipt.messageId, accepted: receipt.accepted, rejected: receipt.rejected, response: receipt.response },
  };
};

/** The message as the journal records it: the SMTP login without its password, long bodies cut. */
export function recordMessage(message: MailMessage, secrets: string[]): Record<string, unknown> {
  const { password: _password, ...smtp } = message.smtp;
  const recorded: Record<string, unknown> = { ...message, smtp };
  delete recorded.timeoutMs;
  if (message.text !== undefined) recorded.text = maskSecrets(excerpt(message.text, RECORDED_BODY_CHARS), secrets);
  if (message.html !== undefined) recorded.html = maskSecrets(excerpt(message.html, RECORDED_BODY_CHARS), secrets);
  return recorded;
}
