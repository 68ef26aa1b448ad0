import type {
  DefinitionDiffAnswer,
  Draft,
  PublishRequest,
  Rehearsal,
  SaveDraftRequest,
  VersionDetail,
  VersionList,
  Workflow,
} from '@switchyard/contract';
import { apiRequest } from './http-client';

const base = (id: string) => `/api/workflows/${encodeURIComponent(id)}`;

/** The draft the builder edits; the live trigger runs the published version until Publish. */
export function getDraft(params: { workflowId: string; signal?: AbortSignal }): Promise<Draft> {
  return apiRequest(`${base(params.workflowId)}/draft`, { signal: params.signal });
}

/** Saves the draft; 409 when someone else saved it since `revision`. */
export function saveDraft(params: { workflowId: string; draft: SaveDraftRequest }): Promise<Draft> {
  return apiRequest(`${base(params.workflowId)}/draft`, { method: 'PUT', body: params.draft });
}

export function discardDraft(params: { workflowId: string }): Promise<Draft> {
  return apiRequest(`${base(params.workflowId)}/draft`, { method: 'DELETE' });
}

export function publishDraft(params: { workflowId: string; publish: PublishRequest }): Promise<Workflow> {
  return apiRequest(`${base(params.workflowId)}/publish`, { method: 'POST', body: params.publish });
}

export function listVersions(params: { workflowId: string; signal?: AbortSignal }): Promise<VersionList> {
  return apiRequest(`${base(params.workflowId)}/versions`, { signal: params.signal });
}

export function getVersion(params: { workflowId: string; versionId: string; signal?: AbortSignal }): Promise<VersionDetail> {
  return apiRequest(`${base(params.workflowId)}/versions/${encodeURIComponent(params.versionId)}`, { signal: params.signal });
}

export function restoreVersion(params: { workflowId: string; versionId: string }): Promise<Draft> {
  return apiRequest(`${base(params.workflowId)}/versions/${encodeURIComponent(params.versionId)}/restore`, { method: 'POST' });
}

/** `from`/`to`: a version id or `draft`. */
export function diffVersions(params: {
  workflowId: string;
  from: string;
  to: string;
  signal?: AbortSignal;
}): Promise<DefinitionDiffAnswer> {
  return apiRequest(`${base(params.workflowId)}/diff`, { query: { from: params.from, to: params.to }, signal: params.signal });
}

export function startRehearsal(params: { workflowId: string; count: number }): Promise<Rehearsal> {
  return apiRequest(`${base(params.workflowId)}/rehearsals`, { method: 'POST', body: { count: params.count } });
}

export function getRehearsal(params: { workflowId: string; rehearsalId: string; signal?: AbortSignal }): Promise<Rehearsal> {
  return apiRequest(`${base(params.workflowId)}/rehearsals/${encodeURIComponent(params.rehearsalId)}`, { signal: params.signal });
}
