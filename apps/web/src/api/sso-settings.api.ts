import type { SsoDiscoveryResult, SsoSettings, UpdateSsoSettingsRequest } from '@switchyard/contract';
import { apiRequest } from './http-client';

export type { SsoDiscoveryResult, SsoSettings, UpdateSsoSettingsRequest };

export function getSsoSettings(params: { signal?: AbortSignal } = {}): Promise<SsoSettings> {
  return apiRequest('/api/settings/sso', { signal: params.signal });
}

export function updateSsoSettings(params: UpdateSsoSettingsRequest): Promise<SsoSettings> {
  return apiRequest('/api/settings/sso', { method: 'PUT', body: params });
}

/** Removes the stored single sign-on: the environment's applies again, if any. */
export function removeSsoSettings(): Promise<SsoSettings> {
  return apiRequest('/api/settings/sso', { method: 'DELETE' });
}

/** Reads the issuer's discovery document (through the server's egress guard). */
export function testSsoDiscovery(params: { issuer: string }): Promise<SsoDiscoveryResult> {
  return apiRequest('/api/settings/sso/discovery', { method: 'POST', body: { issuer: params.issuer } });
}
