export function runPath(id: string): string {
  return `/runs/${encodeURIComponent(id)}`;
}

export const RUNS_PATH = '/runs';

/** The builder of a workflow with a recorded request as its sample data, and the step (a failed run's) opened. */
export function builderWithSamplePath(params: { workflowId: string; requestId: string; stepId?: string | null }): string {
  const step = params.stepId ? `&step=${encodeURIComponent(params.stepId)}` : '';
  return `/workflows/${encodeURIComponent(params.workflowId)}/edit?sample=${encodeURIComponent(params.requestId)}${step}`;
}
