import { apiRequest } from './http-client';

/** Resolves when the API and its dependencies are ready; rejects with an ApiError otherwise. */
export function getReadiness(params: { signal?: AbortSignal } = {}): Promise<unknown> {
  return apiRequest('/api/health/ready', { signal: params.signal });
}
