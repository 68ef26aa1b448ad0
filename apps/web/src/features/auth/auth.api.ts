import type { AuthState, LoginRequest, SetupRequest, SignedIn } from '@switchyard/contract';
import { apiRequest } from '../../api';

export type { AuthState, SignedIn };

export const authStateKey = ['auth', 'state'] as const;

export function getAuthState(signal?: AbortSignal): Promise<AuthState> {
  return apiRequest('/api/auth/state', { signal });
}

export function setupOwner(body: SetupRequest): Promise<SignedIn> {
  return apiRequest('/api/auth/setup', { method: 'POST', body });
}

export function signIn(body: LoginRequest): Promise<SignedIn> {
  return apiRequest('/api/auth/login', { method: 'POST', body });
}

export function signOut(): Promise<void> {
  return apiRequest('/api/auth/logout', { method: 'POST' });
}

/** Ends every session of the signed-in user, this one included. */
export function signOutEverywhere(): Promise<void> {
  return apiRequest('/api/auth/logout-all', { method: 'POST' });
}
