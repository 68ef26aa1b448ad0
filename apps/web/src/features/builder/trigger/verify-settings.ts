/** The `verify` part of a trigger as the builder edits it (secrets are write-only). */
export interface VerifyDraft {
  scheme: string;
  secrets?: string[];
  /** Masked hints of the stored secrets, as the API returns them; ignored on input. */
  secretHints?: string[];
  [setting: string]: unknown;
}

export function readVerify(trigger: Record<string, unknown>): VerifyDraft | null {
  const verify = trigger.verify;
  if (!verify || typeof verify !== 'object' || typeof (verify as { scheme?: unknown }).scheme !== 'string') return null;
  return verify as VerifyDraft;
}

/**
 * The `verify` object after choosing a scheme: settings of the previous scheme are dropped, and the
 * secrets too (a secret belongs to one provider), so the stored ones are cleared with `[]` on save.
 */
export function verifyForScheme(params: { current: VerifyDraft | null; scheme: string }): VerifyDraft | undefined {
  const { current, scheme } = params;
  if (!scheme) return undefined;
  if (current?.scheme === scheme) return current;
  return current ? { scheme, secrets: [] } : { scheme };
}

/** Sets the secret typed by the user; an empty field keeps the stored secret (`secrets` omitted). */
export function withSecret(params: { verify: VerifyDraft; secret: string }): VerifyDraft {
  const { secrets: _secrets, ...rest } = params.verify;
  return params.secret ? { ...rest, secrets: [params.secret] } : rest;
}

/** Sets a scheme setting; blank removes it so the scheme's default applies. */
export function withSetting(params: { verify: VerifyDraft; key: string; value: string }): VerifyDraft {
  const next = { ...params.verify };
  if (params.value.trim() === '') delete next[params.key];
  else next[params.key] = params.value;
  return next;
}
