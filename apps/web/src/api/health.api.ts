import type { Readiness } from '@switchyard/contract';
import { apiRequest } from './http-client';

/** Resolves when the API and its dependencies are ready; rejects with an ApiError otherwise. */
export function getReadiness(params: { signal?: AbortSignal } = {}): Promise<Readiness> {
  return apiRequest('/api/health/ready', { signal: params.signal });
}
