export function runPath(id: string): string {
  return `/runs/${encodeURIComponent(id)}`;
}

export const RUNS_PATH = '/runs';

/** The builder of a workflow with a recorded request as its sample data. */
export function builderWithSamplePath(params: { workflowId: string; requestId: string }): string {
  return `/workflows/${encodeURIComponent(params.workflowId)}/edit?sample=${encodeURIComponent(params.requestId)}`;
}
