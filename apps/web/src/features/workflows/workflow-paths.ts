export function workflowPath(id: string): string {
  return `/workflows/${encodeURIComponent(id)}`;
}
