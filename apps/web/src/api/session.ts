/**
 * What the http client adds to every call for accounts (issue 8): the CSRF token (from the
 * `sy_csrf` cookie) on changes, and the chosen workspace. A 401 tells the auth gate to sign in again.
 */
const WORKSPACE_STORAGE_KEY = 'switchyard.workspace';
export const CSRF_COOKIE = 'sy_csrf';

let currentWorkspaceId: string | null = readStoredWorkspace();
const unauthorizedListeners = new Set<() => void>();

function readStoredWorkspace(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(WORKSPACE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The workspace sent as `x-switchyard-workspace` (null = the server picks the user's first). */
export function getCurrentWorkspaceId(): string | null {
  return currentWorkspaceId;
}

export function setCurrentWorkspaceId(id: string | null): void {
  currentWorkspaceId = id;
  try {
    if (id) localStorage.setItem(WORKSPACE_STORAGE_KEY, id);
    else localStorage.removeItem(WORKSPACE_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode): the choice then lasts for this page only.
  }
}

/** Reads a cookie by name from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function csrfToken(): string | null {
  return typeof document === 'undefined' ? null : readCookie(document.cookie, CSRF_COOKIE);
}

/** Headers for one request: the workspace always, the CSRF token on anything but GET. */
export function sessionHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (currentWorkspaceId) headers['x-switchyard-workspace'] = currentWorkspaceId;
  const token = method === 'GET' ? null : csrfToken();
  if (token) headers['x-csrf-token'] = token;
  return headers;
}

/** For URLs the browser fetches by itself (EventSource, downloads), which cannot carry headers. */
export function withWorkspaceQuery(path: string): string {
  if (!currentWorkspaceId) return path;
  return `${path}${path.includes('?') ? '&' : '?'}workspace=${encodeURIComponent(currentWorkspaceId)}`;
}

export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of unauthorizedListeners) listener();
}
