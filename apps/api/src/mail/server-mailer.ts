import type { MailReceipt, MailSender } from '@switchyard/engine';
import { parseSmtpUrl, type SmtpSettings } from '../config/smtp-url';

const SEND_TIMEOUT_MS = 15_000;

/** A message the server sends on its own behalf (alerts, invites). */
export interface ServerMail {
  to: string[];
  subject: string;
  text: string;
  /** Stable per event, so that a retried send can be recognised. */
  messageId?: string;
}

/**
 * The server's own e-mail through SWITCHYARD_SMTP_URL, sent by the egress-guarded sender that
 * `email` steps use (so the SMTP host passes the same rules). `configured` is false without the
 * setting; `send` then refuses.
 */
export class ServerMailer {
  private readonly smtp: SmtpSettings | null;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly sender: MailSender,
  ) {
    this.smtp = smtpUrl ? parseSmtpUrl(smtpUrl) : null;
  }

  get configured(): boolean {
    return this.smtp !== null;
  }

  async send(mail: ServerMail): Promise<MailReceipt> {
    if (!this.smtp) throw new Error('No SMTP server is configured (SWITCHYARD_SMTP_URL)');
    return this.sender.send({
      smtp: this.smtp,
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      timeoutMs: SEND_TIMEOUT_MS,
      messageId: mail.messageId,
    });
  }
}
