import type { EvaluateOptions } from '../expressions/evaluate-expression';
import { ExpressionError } from '../expressions/expression-error';
import { renderTemplate } from '../expressions/template';
import type { MailMessage, MailReceipt } from '../runner/ports';
import { StepError, toStepErrorInfo } from '../runner/step-error';
import { addresses, emailMessageId, recordMessage } from '../steps/email/email.handler';
import { SMTP_SECURITY_MODES, type SmtpSecurity } from '../steps/email/email.schema';
import { maskSecrets } from '../steps/shared/outbound-request';
import type { AppCallAnswer, AppPorts } from './app-call';
import type { AppDefinition, AppMailCall, AppRequestContext } from './app-definition.schema';

const MAX_RECIPIENTS = 100;

/** The step field a message template names: `input.to` for `{{ input.to }}`, else the definition's own key. */
function fieldOf(key: string, template: string): string {
  const match = /^\s*\{\{\s*input\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(template);
  return match ? `input.${match[1]}` : key;
}

/**
 * Sends the e-mail of an action's `transport: 'smtp'` call through the host's mail port (the same
 * port, egress rules and Message-ID as the `email` step). The answer is `{ status: 250, headers: {},
 * body: receipt }`; what is journaled is the message without the SMTP password.
 */
export async function sendAppMail(params: {
  app: AppDefinition;
  call: AppMailCall;
  context: AppRequestContext;
  ports: AppPorts;
  evaluate: EvaluateOptions;
  secrets: ReadonlyArray<string>;
  timeoutMs: number;
  idempotencyKey?: string;
}): Promise<{ recorded: Record<string, unknown>; answer: AppCallAnswer }> {
  const { app, call, context, evaluate } = params;
  const render = async (where: string, text: string | undefined): Promise<string | undefined> => {
    if (text === undefined) return undefined;
    try {
      return await renderTemplate(text, context, evaluate);
    } catch (err) {
      if (err instanceof ExpressionError)
        throw new StepError({
          code: 'APP_DEFINITION',
          message: `app ${app.key}, ${where}: ${err.message}`,
          kind: 'system',
          retryable: false,
        });
      throw err;
    }
  };
  const server = call.server;
  const host = ((await render('server.host', server.host)) ?? '').trim();
  const portText = ((await render('server.port', server.port)) ?? '').trim();
  const port = Number(portText);
  const security = ((await render('server.security', server.security)) ?? '').trim() as SmtpSecurity;
  const invalid = (message: string) =>
    new StepError({
      code: 'CONNECTION_INVALID',
      message: `connectionId: ${message}`,
      kind: 'user',
      retryable: false,
      field: 'connectionId',
    });
  if (host === '' || host.length > 253) throw invalid('the SMTP server host name is missing or too long');
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw invalid(`the SMTP port must be a number from 1 to 65535, got "${portText}"`);
  if (!SMTP_SECURITY_MODES.includes(security)) throw invalid(`the SMTP security must be starttls, tls or none, got "${security}"`);
  const username = (await render('server.username', server.username))?.trim();
  const password = await render('server.password', server.password);

  const m = call.message;
  const list = async (key: keyof AppMailCall['message']) => {
    const template = m[key];
    return template === undefined ? [] : addresses(fieldOf(`message.${key}`, template), (await render(`message.${key}`, template)) ?? '');
  };
  const from = await list('from');
  if (from.length !== 1)
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: `${fieldOf('message.from', m.from)}: must be exactly one address`,
      kind: 'user',
      retryable: false,
      field: fieldOf('message.from', m.from),
    });
  const to = await list('to');
  if (to.length === 0)
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: `${fieldOf('message.to', m.to)}: no recipient once rendered`,
      kind: 'user',
      retryable: false,
      field: fieldOf('message.to', m.to),
    });
  const cc = await list('cc');
  const bcc = await list('bcc');
  if (to.length + cc.length + bcc.length > MAX_RECIPIENTS)
    throw new StepError({
      code: 'INVALID_ADDRESS',
      message: `${fieldOf('message.to', m.to)}: at most ${MAX_RECIPIENTS} recipients in all`,
      kind: 'user',
      retryable: false,
      field: fieldOf('message.to', m.to),
    });
  const replyTo = await list('replyTo');
  const text = await render('message.text', m.text);
  const html = await render('message.html', m.html);
  if (!text && !html)
    throw new StepError({
      code: 'INVALID_INPUT',
      message: `${fieldOf('message.text', m.text ?? '')}: the message needs a text or an HTML body`,
      kind: 'user',
      retryable: false,
      field: fieldOf('message.text', m.text ?? ''),
    });

  const smtp: MailMessage['smtp'] = { host, port, security };
  if (username) smtp.username = username;
  if (password) smtp.password = password;
  const message: MailMessage = {
    smtp,
    from: from[0],
    to,
    subject: (await render('message.subject', m.subject)) ?? '',
    timeoutMs: params.timeoutMs,
  };
  if (cc.length > 0) message.cc = cc;
  if (bcc.length > 0) message.bcc = bcc;
  if (replyTo.length > 0) message.replyTo = replyTo.join(', ');
  if (text) message.text = text;
  if (html) message.html = html;
  const key = params.idempotencyKey;
  const split = key?.indexOf(':') ?? -1;
  if (key !== undefined && split > 0) message.messageId = emailMessageId(key.slice(0, split), key.slice(split + 1));

  const secrets = [...params.secrets, ...(password ? [password] : [])];
  const recorded = recordMessage(message, secrets);
  if (!params.ports.mail)
    throw new StepError({
      code: 'MAIL_UNAVAILABLE',
      message: 'This host cannot send e-mail (it has no mail port)',
      kind: 'system',
      retryable: false,
      details: { request: recorded },
    });
  let receipt: MailReceipt;
  try {
    receipt = await params.ports.mail.send(message);
  } catch (err) {
    const info = toStepErrorInfo(err);
    throw new StepError({ ...info, message: maskSecrets(info.message, secrets), details: { ...info.details, request: recorded } });
  }
  return {
    recorded,
    answer: {
      status: 250,
      headers: {},
      body: { messageId: receipt.messageId, accepted: receipt.accepted, rejected: receipt.rejected, response: receipt.response },
    },
  };
}
