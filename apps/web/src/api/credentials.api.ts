import type {
  CreateCredentialRequest,
  Credential,
  CredentialTypeDescriptor,
  ListResponse,
  UpdateCredentialRequest,
} from './contract.types';
import { apiRequest } from './http-client';

export function listCredentialTypes(params: { signal?: AbortSignal } = {}): Promise<ListResponse<CredentialTypeDescriptor>> {
  return apiRequest('/api/credential-types', { signal: params.signal });
}

export function listCredentials(params: { signal?: AbortSignal } = {}): Promise<ListResponse<Credential>> {
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
