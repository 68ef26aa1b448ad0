import { randomBytes } from 'node:crypto';
import { CREDENTIAL_TYPES, credentialTypeDescriptor, type CredentialTypeDescriptor } from '@switchyard/contract';
import type { ErrorDetail } from '../common/api-error';
import { maskSecret } from '../secrets/mask-secret';

/** Longest value a credential field may hold (a JWT or a PEM-less key fits easily). */
export const MAX_CREDENTIAL_FIELD_CHARS = 16_384;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export interface CredentialFields {
  public: Record<string, string>;
  secret: Record<string, string>;
}

/** Scheme words people paste with a value that Switchyard sends after the scheme itself. */
const PASTED_SCHEMES: Record<string, { fields: string[]; scheme: RegExp; word: string; sent: string }> = {
  bearer: { fields: ['token'], scheme: /^bearer\s+/i, word: 'Bearer', sent: 'Authorization: Bearer <token>' },
  basic: {
    fields: ['username', 'password'],
    scheme: /^basic\s+/i,
    word: 'Basic',
    sent: 'Authorization: Basic <base64 of username:password>',
  },
};

/**
 * A value pasted with its scheme word (`Bearer xyz` in a bearer token) would be sent as `Bearer
 * Bearer xyz`: the word is removed, and a notice says so.
 */
export function stripPastedScheme(type: string, field: string, value: string): { value: string; notice?: ErrorDetail } {
  const rule = PASTED_SCHEMES[type];
  const match = rule?.fields.includes(field) ? rule.scheme.exec(value) : null;
  if (!rule || !match || match[0].length === value.length) return { value };
  return {
    value: value.slice(match[0].length),
    notice: {
      path: `data.${field}`,
      message: `started with "${match[0].trim()}": it was removed, since Switchyard adds "${rule.word}" itself (${rule.sent})`,
    },
  };
}

/** A Standard Webhooks signing secret: `whsec_` and the base64 of 24 random bytes. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The masked hint of every secret field. */
export function credentialHints(secret: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(secret).map(([name, value]) => [name, maskSecret(value)]));
}

/**
 * Checks `data` against the credential type's fields and splits it into public and secret fields.
 * With `existing` (an update), omitted fields keep their stored value and an empty optional field
 * is cleared. Values are trimmed: pasted tokens often carry a trailing newline.
 */
export function parseCredentialData(options: {
  type: string;
  data: unknown;
  existing?: CredentialFields;
}): { ok: true; fields: CredentialFields; notices: ErrorDetail[] } | { ok: false; details: ErrorDetail[] } {
  const descriptor = credentialTypeDescriptor(options.type);
  if (!descriptor) return { ok: false, details: [{ path: 'type', message: `is not a credential type (expected one of ${knownTypes()})` }] };
  const data = options.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    return { ok: false, details: [{ path: 'data', message: 'must be an object of fields' }] };
  const details: ErrorDetail[] = [];
  const given = data as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!descriptor.fields.some((f) => f.name === name))
      details.push({ path: `data.${name}`, message: `is not a field of ${descriptor.type} credentials` });
  }
  const fields: CredentialFields = { public: {}, secret: {} };
  const notices: ErrorDetail[] = [];
  for (const field of descriptor.fields) {
    const raw = given[field.name];
    const target = field.secret ? fields.secret : fields.public;
    const path = `data.${field.name}`;
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      details.push({ path, message: 'must be text' });
      continue;
    }
    let value = typeof raw === 'string' ? raw.trim() : undefined;
    if (value) {
      const stripped = stripPastedScheme(descriptor.type, field.name, value);
      value = stripped.value;
      if (stripped.notice) notices.push(stripped.notice);
    }
    if (value === undefined) value = (field.secret ? options.existing?.secret : options.existing?.public)?.[field.name];
    if (value === undefined || value === '') {
      if (descriptor.type === 'webhook-signing-secret' && field.name === 'secret') target[field.name] = generateSigningSecret();
      else if (field.required) details.push({ path, message: `is required (${field.label})` });
      continue;
    }
    if (value.length > MAX_CREDENTIAL_FIELD_CHARS) {
      details.push({ path, message: `must be at most ${MAX_CREDENTIAL_FIELD_CHARS} characters` });
      continue;
    }
    const problem = checkField(descriptor, field.name, value);
    if (problem) details.push({ path, message: problem });
    else target[field.name] = value;
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, fields, notices };
}

function checkField(descriptor: CredentialTypeDescriptor, name: string, value: string): string | null {
  if (descriptor.type === 'api-key' && name === 'header') {
    if (!HEADER_NAME.test(value)) return 'must be a header name (letters, digits and - _ . only)';
    if (/^(host|content-length|content-type|transfer-encoding|connection)$/i.test(value)) return `cannot be ${value}`;
  }
  if (descriptor.type === 'basic' && name === 'username' && value.includes(':'))
    return 'must not contain ":" (HTTP Basic authentication separates it from the password with one)';
  if ((descriptor.type === 'oauth2-client-credentials' && name === 'tokenUrl') || (descriptor.type === 'webhook-url' && name === 'url')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'must be a URL (https://...)';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  }
  return null;
}

function knownTypes(): string {
  return CREDENTIAL_TYPES.map((t) => t.type).join(', ');
}
