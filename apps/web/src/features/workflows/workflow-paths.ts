export function workflowPath(id: string): string {
  return `/workflows/${encodeURIComponent(id)}`;
}

export function workflowEditorPath(id: string): string {
  return `/workflows/${encodeURIComponent(id)}/edit`;
}

export const NEW_WORKFLOW_PATH = '/workflows/new';

export function workflowHealthPath(id: string): string {
  return `/workflows/${encodeURIComponent(id)}/health`;
}

export function workflowRequestsPath(id: string): string {
  return `/workflows/${encodeURIComponent(id)}/requests`;
}
