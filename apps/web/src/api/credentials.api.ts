import type { CreateCredentialRequest, Credential, ResponseOf, UpdateCredentialRequest } from '@switchyard/contract';
import { apiRequest } from './http-client';

export function listCredentialTypes(params: { signal?: AbortSignal } = {}): Promise<ResponseOf<'GET /api/credential-types'>> {
  return apiRequest('/api/credential-types', { signal: params.signal });
}

export function listCredentials(params: { signal?: AbortSignal } = {}): Promise<ResponseOf<'GET /api/credentials'>> {
  return apiRequest('/api/credentials', { signal: params.signal });
}

export function createCredential(params: { credential: CreateCredentialRequest }): Promise<Credential> {
  return apiRequest('/api/credentials', { method: 'POST', body: params.credential });
}

export function updateCredential(params: { id: string; change: UpdateCredentialRequest }): Promise<Credential> {
  return apiRequest(`/api/credentials/${encodeURIComponent(params.id)}`, { method: 'PUT', body: params.change });
}

/** Rejects with a 409 `credential_in_use` ApiError (its `data.workflows` lists them) while workflows use it. */
export function deleteCredential(params: { id: string }): Promise<void> {
  return apiRequest(`/api/credentials/${encodeURIComponent(params.id)}`, { method: 'DELETE' });
}
