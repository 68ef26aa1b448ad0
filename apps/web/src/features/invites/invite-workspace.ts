import type { InvitePreview, WorkspaceMembership } from '../../api';

function readId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.workspaceId === 'string') return record.workspaceId;
  const workspace = record.workspace;
  if (typeof workspace === 'object' && workspace !== null && typeof (workspace as Record<string, unknown>).id === 'string') {
    return (workspace as Record<string, string>).id;
  }
  return null;
}

/**
 * The workspace an accepted invite joined, to open the app in it: the id the accept answer or the
 * invite gave, else the one workspace with the invite's name (null when that is ambiguous).
 */
export function workspaceAfterAccept(params: {
  response: unknown;
  /** What the invite page showed (`workspaceId` when a server gives it). */
  preview: Pick<InvitePreview, 'workspaceName'> & { workspaceId?: string };
  workspaces: ReadonlyArray<Pick<WorkspaceMembership, 'id'> & { name: string | null }>;
}): string | null {
  const { response, preview, workspaces } = params;
  const id = readId(response) ?? preview.workspaceId ?? null;
  if (id && workspaces.some((workspace) => workspace.id === id)) return id;
  const named = workspaces.filter((workspace) => workspace.name === preview.workspaceName);
  return named.length === 1 ? named[0].id : null;
}
