import type {
  AcceptedInvite,
  AcceptInviteRequest,
  ApiKey,
  AuditPage,
  ChangePasswordRequest,
  CreateApiKeyRequest,
  CreatedApiKey,
  CreatedInvite,
  CreateInviteRequest,
  CreateWorkspaceRequest,
  Invite,
  InvitePreview,
  Member,
  Role,
  WorkspaceMembership,
} from '@switchyard/contract';
import { apiRequest } from './http-client';

const enc = encodeURIComponent;

export function changePassword(params: ChangePasswordRequest): Promise<void> {
  return apiRequest('/api/auth/password', { method: 'POST', body: params });
}

export function listMyWorkspaces(params: { signal?: AbortSignal } = {}): Promise<WorkspaceMembership[]> {
  return apiRequest('/api/workspaces', { signal: params.signal });
}

export function createWorkspace(params: CreateWorkspaceRequest): Promise<WorkspaceMembership> {
  return apiRequest('/api/workspaces', { method: 'POST', body: { name: params.name } });
}

export function listMembers(params: { signal?: AbortSignal } = {}): Promise<Member[]> {
  return apiRequest('/api/workspaces/current/members', { signal: params.signal });
}

export function changeMemberRole(params: { userId: string; role: Role }): Promise<Member> {
  return apiRequest(`/api/workspaces/current/members/${enc(params.userId)}`, { method: 'PATCH', body: { role: params.role } });
}

export function removeMember(params: { userId: string }): Promise<void> {
  return apiRequest(`/api/workspaces/current/members/${enc(params.userId)}`, { method: 'DELETE' });
}

export function listInvites(params: { signal?: AbortSignal } = {}): Promise<Invite[]> {
  return apiRequest('/api/workspaces/current/invites', { signal: params.signal });
}

export function createInvite(params: CreateInviteRequest): Promise<CreatedInvite> {
  return apiRequest('/api/workspaces/current/invites', { method: 'POST', body: params.email ? params : { role: params.role } });
}

export function revokeInvite(params: { id: string }): Promise<void> {
  return apiRequest(`/api/workspaces/current/invites/${enc(params.id)}`, { method: 'DELETE' });
}

export function getInvite(params: { token: string; signal?: AbortSignal }): Promise<InvitePreview> {
  return apiRequest(`/api/invites/${enc(params.token)}`, { signal: params.signal });
}

/** Creates the account and signs it in; with a session already open, joins the workspace with it. */
export function acceptInvite(params: AcceptInviteRequest & { token: string }): Promise<AcceptedInvite> {
  const { token, ...body } = params;
  return apiRequest(`/api/invites/${enc(token)}/accept`, { method: 'POST', body });
}

export function listApiKeys(params: { signal?: AbortSignal } = {}): Promise<ApiKey[]> {
  return apiRequest('/api/api-keys', { signal: params.signal });
}

export function createApiKey(params: CreateApiKeyRequest): Promise<CreatedApiKey> {
  return apiRequest('/api/api-keys', { method: 'POST', body: params });
}

export function revokeApiKey(params: { id: string }): Promise<void> {
  return apiRequest(`/api/api-keys/${enc(params.id)}`, { method: 'DELETE' });
}

export function listAudit(params: { limit?: number; cursor?: string | null; signal?: AbortSignal } = {}): Promise<AuditPage> {
  const { limit, cursor, signal } = params;
  return apiRequest('/api/audit', { query: { limit, cursor }, signal });
}
