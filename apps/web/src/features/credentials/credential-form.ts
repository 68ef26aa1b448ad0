import { ApiError, type Credential, type CredentialTypeDescriptor, type WorkflowRef } from '../../api';

export type CredentialFormMode = 'create' | 'update';

/** The fields an http step can authenticate with (they become request headers). */
export { HTTP_AUTH_CREDENTIAL_TYPES } from '@switchyard/engine';

/** The form's starting values: empty for a new credential, the public fields of an existing one (secrets stay empty). */
export function initialValues(descriptor: CredentialTypeDescriptor, credential?: Credential): Record<string, string> {
  return Object.fromEntries(descriptor.fields.map((f) => [f.name, f.secret ? '' : (credential?.public[f.name] ?? '')]));
}

/**
 * What to send as `data`: trimmed values. On update an empty secret field is left out, so the
 * stored secret is kept; an empty public field is sent empty, which clears an optional one.
 */
export function credentialData(params: {
  descriptor: CredentialTypeDescriptor;
  values: Record<string, string>;
  mode: CredentialFormMode;
}): Record<string, string> {
  const data: Record<string, string> = {};
  for (const field of params.descriptor.fields) {
    const value = (params.values[field.name] ?? '').trim();
    if (value === '' && (field.secret || params.mode === 'create')) continue;
    data[field.name] = value;
  }
  return data;
}

/** Required fields left empty (a stored secret counts as given on update); the signing secret may be generated. */
export function missingFields(params: {
  descriptor: CredentialTypeDescriptor;
  values: Record<string, string>;
  mode: CredentialFormMode;
}): string[] {
  return params.descriptor.fields
    .filter((f) => f.required && (params.values[f.name] ?? '').trim() === '' && !(f.secret && params.mode === 'update'))
    .map((f) => f.name);
}

/** Server messages per field (`data.token` -> `token`), to show under each input. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!(error instanceof ApiError)) return out;
  for (const detail of error.details) {
    const name = detail.path.startsWith('data.') ? detail.path.slice(5) : detail.path;
    (out[name] ??= []).push(detail.message);
  }
  return out;
}

/** The hints of a credential's secrets in one line, e.g. `Token ghp_…1234`. */
export function hintSummary(credential: Credential, descriptor: CredentialTypeDescriptor | undefined): string {
  const parts = Object.entries(credential.hints).map(([name, hint]) => {
    const label = descriptor?.fields.find((f) => f.name === name)?.label ?? name;
    return `${label} ${hint}`;
  });
  return parts.join(' · ');
}

/** The workflows a 409 `credential_in_use` refusal names. */
export function workflowsInUse(error: unknown): WorkflowRef[] | null {
  if (!(error instanceof ApiError) || error.code !== 'credential_in_use' || !Array.isArray(error.data.workflows)) return null;
  return error.data.workflows.filter(
    (w): w is WorkflowRef =>
      typeof w === 'object' && w !== null && typeof (w as WorkflowRef).id === 'string' && typeof (w as WorkflowRef).name === 'string',
  );
}
