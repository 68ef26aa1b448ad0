import { apiRequest } from '../../api';

export type WorkspaceRole = 'viewer' | 'editor' | 'admin' | 'owner';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
}

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: WorkspaceRole;
}

/** `GET /api/auth/state` (docs/accounts.md). */
export interface AuthState {
  setupRequired: boolean;
  user: AuthUser | null;
  workspaces: WorkspaceMembership[];
  csrfToken?: string;
  /** What this server offers; `email`: it can send e-mail (SWITCHYARD_SMTP_URL is set). */
  features?: { email: boolean };
}

export interface SignedIn {
  user: AuthUser;
  workspaces: WorkspaceMembership[];
  csrfToken: string;
}

export const authStateKey = ['auth', 'state'] as const;

export function getAuthState(signal?: AbortSignal): Promise<AuthState> {
  return apiRequest('/api/auth/state', { signal });
}

export function setupOwner(body: { email: string; password: string; name?: string }): Promise<SignedIn> {
  return apiRequest('/api/auth/setup', { method: 'POST', body });
}

export function signIn(body: { email: string; password: string }): Promise<SignedIn> {
  return apiRequest('/api/auth/login', { method: 'POST', body });
}

export function signOut(): Promise<void> {
  return apiRequest('/api/auth/logout', { method: 'POST' });
}

/** Ends every session of the signed-in user, this one included. */
export function signOutEverywhere(): Promise<void> {
  return apiRequest('/api/auth/logout-all', { method: 'POST' });
}
