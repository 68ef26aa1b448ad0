import type {
  EgressCheckResult,
  InstanceSettings,
  UpdateInstanceSettingsRequest,
  UpdateWorkspaceSettingsRequest,
  WorkspaceSettings,
} from '@switchyard/contract';
import { apiRequest } from './http-client';

export type { EgressCheckResult, InstanceSettings, WorkspaceSettings };

export function getInstanceSettings(params: { signal?: AbortSignal } = {}): Promise<InstanceSettings> {
  return apiRequest('/api/settings/instance', { signal: params.signal });
}

export function updateInstanceSettings(params: UpdateInstanceSettingsRequest): Promise<InstanceSettings> {
  return apiRequest('/api/settings/instance', { method: 'PUT', body: { publicUrl: params.publicUrl } });
}

export function getWorkspaceSettings(params: { signal?: AbortSignal } = {}): Promise<WorkspaceSettings> {
  return apiRequest('/api/settings/workspace', { signal: params.signal });
}

export function updateWorkspaceSettings(params: UpdateWorkspaceSettingsRequest): Promise<WorkspaceSettings> {
  return apiRequest('/api/settings/workspace', { method: 'PUT', body: { egressAllow: params.egressAllow } });
}

/** Would an HTTP step of this workspace be allowed to call `url`? Decided by the server without connecting. */
export function checkEgress(params: { url: string; signal?: AbortSignal }): Promise<EgressCheckResult> {
  return apiRequest('/api/settings/egress/check', { method: 'POST', body: { url: params.url }, signal: params.signal });
}
