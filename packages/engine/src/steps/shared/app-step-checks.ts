import type { FieldChecks } from '../../validation/field-checks';

/** Chat app actions post to a URL that is either typed in or a stored credential, never both. */
export function checkIncomingWebhookTarget(target: { url?: string; credentialId?: string }, fields: FieldChecks): void {
  if (target.url !== undefined && target.credentialId !== undefined) {
    fields.issue('url', 'set either url or credentialId, not both');
  } else if (target.url === undefined && target.credentialId === undefined) {
    fields.issue('url', 'is required unless credentialId names a stored webhook URL');
  }
  fields.template('url', target.url);
  fields.httpUrl('url', target.url);
}
