import type { SampleSelection } from '../state/builder-reducer';

const PREFIX = 'switchyard.builder.sample.';

/** The sample chosen for a workflow, remembered in this browser across visits: the fallback when no sample is pinned with the workflow. */
export function readPersistedSample(workflowId: string): SampleSelection | null {
  try {
    const text = window.localStorage.getItem(PREFIX + workflowId);
    return text ? (JSON.parse(text) as SampleSelection) : null;
  } catch {
    return null;
  }
}

export function writePersistedSample(workflowId: string, sample: SampleSelection | null): void {
  try {
    if (sample) window.localStorage.setItem(PREFIX + workflowId, JSON.stringify(sample));
    else window.localStorage.removeItem(PREFIX + workflowId);
  } catch {
    // Storage full or disabled: the sample simply is not remembered.
  }
}
