import type {
  Connection,
  CreateConnectionRequest,
  DynamicFieldsRequest,
  FieldOptionsRequest,
  ResponseOf,
  StartOAuthRequest,
  UpdateConnectionRequest,
} from '@switchyard/contract';
import { apiRequest } from './http-client';

export function listConnections(params: { signal?: AbortSignal } = {}): Promise<ResponseOf<'GET /api/connections'>> {
  return apiRequest('/api/connections', { signal: params.signal });
}

export function createConnection(params: { connection: CreateConnectionRequest }): Promise<Connection> {
  return apiRequest('/api/connections', { method: 'POST', body: params.connection });
}

export function startOAuth(params: { start: StartOAuthRequest }): Promise<ResponseOf<'POST /api/connections/oauth/start'>> {
  return apiRequest('/api/connections/oauth/start', { method: 'POST', body: params.start });
}

export function getRedirectUrl(params: { signal?: AbortSignal } = {}): Promise<ResponseOf<'GET /api/connections/oauth/redirect-url'>> {
  return apiRequest('/api/connections/oauth/redirect-url', { signal: params.signal });
}

export function testConnection(params: { id: string }): Promise<ResponseOf<'POST /api/connections/:id/test'>> {
  return apiRequest(`/api/connections/${encodeURIComponent(params.id)}/test`, { method: 'POST' });
}

export function renameConnection(params: { id: string; change: UpdateConnectionRequest }): Promise<Connection> {
  return apiRequest(`/api/connections/${encodeURIComponent(params.id)}`, { method: 'PATCH', body: params.change });
}

export function deleteConnection(params: { id: string }): Promise<void> {
  return apiRequest(`/api/connections/${encodeURIComponent(params.id)}`, { method: 'DELETE' });
}

export function loadFieldOptions(params: {
  request: FieldOptionsRequest;
  signal?: AbortSignal;
}): Promise<ResponseOf<'POST /api/apps/options'>> {
  return apiRequest('/api/apps/options', { method: 'POST', body: params.request, signal: params.signal });
}

export function loadDynamicFields(params: {
  request: DynamicFieldsRequest;
  signal?: AbortSignal;
}): Promise<ResponseOf<'POST /api/apps/fields'>> {
  return apiRequest('/api/apps/fields', { method: 'POST', body: params.request, signal: params.signal });
}
