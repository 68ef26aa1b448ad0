import { parseApiError, toApiError } from './api-error';
import { notifyUnauthorized, sessionHeaders } from './session';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/** Appends the defined query values to a path; empty strings and nullish values are left out. */
export function buildPath(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Calls the same-origin API and resolves with the parsed JSON, or rejects with an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  let response: Response;
  try {
    response = await fetch(buildPath(path, query), {
      method,
      signal,
      headers: {
        accept: 'application/json',
        ...sessionHeaders(method),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw toApiError(error);
  }
  const parsed = await readBody(response);
  if (!response.ok) {
    // The session ended (expired, signed out elsewhere, password changed): the auth gate asks to sign in.
    if (response.status === 401 && !path.startsWith('/api/auth/')) notifyUnauthorized();
    throw parseApiError({ status: response.status, statusText: response.statusText, body: parsed });
  }
  return parsed as T;
}
