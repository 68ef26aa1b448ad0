import type { Bundle, ImportBundleRequest, ImportPlan, ImportResult } from '@switchyard/contract';
import { apiRequest } from '../../api';

/** The bundle of the workflows listed, or of the whole workspace. */
export function exportBundle(params: { workflowIds?: string[] } = {}): Promise<Bundle> {
  return apiRequest('/api/bundles/export', { query: { workflowIds: params.workflowIds?.join(',') } });
}

export function previewImport(params: { request: ImportBundleRequest }): Promise<ImportPlan> {
  return apiRequest('/api/bundles/preview', { method: 'POST', body: params.request });
}

export function importBundle(params: { request: ImportBundleRequest }): Promise<ImportResult> {
  return apiRequest('/api/bundles/import', { method: 'POST', body: params.request });
}
