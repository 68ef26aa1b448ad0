import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { MailMessage, MailReceipt, MailSender } from '@switchyard/engine';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EgressGuard } from './egress-guard';
import { OutboundError } from './http-invoker';

type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/** Name of this host in the SMTP greeting (EHLO). */
const EHLO_NAME = 'switchyard';

// nodemailer error codes of failures before the server answered: worth another try.
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * The engine's mail port: nodemailer over SMTP with the same egress rules as HTTP. The SMTP host is
 * resolved here and every address it has is checked (private, loopback and metadata addresses are
 * refused unless SWITCHYARD_EGRESS_ALLOW opens them); the connection then goes to the checked
 * address, with the host name kept for TLS certificate checks, so DNS cannot change the answer in
 * between. Errors carry `code`, `message` and `retryable`: connection failures, timeouts and 4xx
 * SMTP replies are retryable, 5xx replies (bad login, refused recipient) are not.
 */
export class GuardedMailSender implements MailSender {
  constructor(
    private readonly guard: EgressGuard,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  async send(message: MailMessage): Promise<MailReceipt> {
    const address = await this.checkHost(message.smtp.host);
    const { smtp } = message;
    const options: SMTPTransport.Options = {
      host: address,
      port: smtp.port,
      secure: smtp.security === 'tls',
      requireTLS: smtp.security === 'starttls',
      ignoreTLS: smtp.security === 'none',
      name: EHLO_NAME,
      connectionTimeout: message.timeoutMs,
      greetingTimeout: message.timeoutMs,
      socketTimeout: message.timeoutMs,
      tls: isIP(smtp.host) ? {} : { servername: smtp.host },
      auth: smtp.username !== undefined ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    const transport = createTransport(options);
    let timer: NodeJS.Timeout | undefined;
    try {
      const sent = transport.sendMail({
        from: message.from,
        to: message.to,
        cc: message.cc,
        bcc: message.bcc,
        replyTo: message.replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      });
      // nodemailer's timeouts are per phase; this bounds the whole send.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), message.timeoutMs);
      });
      const info = await Promise.race([sent, deadline]);
      return {
        messageId: info.messageId,
        accepted: info.accepted.map(addressText),
        rejected: info.rejected.map(addressText),
        response: info.response,
      };
    } catch (err) {
      throw classifySmtpError(err, message);
    } finally {
      clearTimeout(timer);
      transport.close();
    }
  }

  /**
   * The address to connect to for an SMTP host, after the egress decision; exposed for tests,
   * which check decisions on non-loopback addresses without connecting.
   */
  async checkHost(host: string): Promise<string> {
    const name = host.trim().replace(/^\[|\]$/g, '');
    if (isIP(name)) {
      if (!this.guard.isHostAllowed(name)) {
        const decision = this.guard.checkAddress(name);
        if (!decision.allowed) throw new OutboundError('EGRESS_BLOCKED', `SMTP host ${decision.reason}`, false);
      }
      return name;
    }
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(name);
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'UNKNOWN';
      // A name that does not exist will not exist on the next try either; a DNS timeout may pass.
      throw new OutboundError('SMTP_DNS', `SMTP host ${name} cannot be resolved: ${code}`, code !== 'ENOTFOUND');
    }
    if (addresses.length === 0) throw new OutboundError('SMTP_DNS', `SMTP host ${name} has no address`, false);
    if (!this.guard.isHostAllowed(name)) {
      for (const a of addresses) {
        const decision = this.guard.checkAddress(a.address);
        if (!decision.allowed) throw new OutboundError('EGRESS_BLOCKED', `SMTP host ${name} resolves to ${decision.reason}`, false);
      }
    }
    return addresses[0].address;
  }
}

function addressText(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}

/** Classifies a nodemailer failure into an error the engine records (code, message, retryable). */
export function classifySmtpError(err: unknown, message: Pick<MailMessage, 'smtp' | 'timeoutMs'>): Error {
  if (err instanceof OutboundError) return err;
  const e = (err ?? {}) as { code?: string; responseCode?: number; response?: string; message?: string; command?: string };
  const server = `${message.smtp.host}:${message.smtp.port}`;
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const reply = (e.response ?? e.message ?? '').slice(0, 500);
    if (e.responseCode < 500) return new OutboundError('SMTP_TEMPORARY', `SMTP server ${server} answered ${reply} (temporary)`, true);
    if (e.code === 'EAUTH') return new OutboundError('SMTP_AUTH', `SMTP server ${server} refused the login: ${reply}`, false);
    return new OutboundError('SMTP_REJECTED', `SMTP server ${server} refused the message: ${reply}`, false);
  }
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')) {
    return new OutboundError('SMTP_TIMEOUT', `SMTP server ${server} did not finish within ${message.timeoutMs} ms`, true);
  }
  if (e.code !== undefined && CONNECTION_CODES.has(e.code)) {
    return new OutboundError('SMTP_CONNECTION', `SMTP server ${server} cannot be reached: ${e.message ?? e.code}`, true);
  }
  if (e.code === 'ETLS') return new OutboundError('SMTP_TLS', `SMTP server ${server}: ${e.message ?? 'TLS failed'}`, false);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH')
    return new OutboundError('SMTP_AUTH', `SMTP server ${server}: ${e.message ?? 'login failed'}`, false);
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE')
    return new OutboundError('SMTP_REJECTED', `SMTP server ${server}: ${e.message ?? 'message refused'}`, false);
  return new OutboundError('SMTP_ERROR', `SMTP server ${server}: ${e.message ?? String(err)}`, true, 'system');
}
