import type { Bundle } from '@switchyard/contract';

/** `switchyard-<what>-<date>.json`: a file name that sorts by date and says what it holds. */
export function bundleFileName(params: { bundle: Pick<Bundle, 'exportedAt' | 'workflows'>; workflowName?: string }): string {
  const { bundle, workflowName } = params;
  const what = workflowName
    ? workflowName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'workflow'
    : 'workspace';
  return `switchyard-${what}-${bundle.exportedAt.slice(0, 10)}.json`;
}

/** Reads a file the user picked as JSON; a clear message when it is not. */
export async function readBundleFile(file: Pick<File, 'text' | 'name'>): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${file.name} is not JSON: pick a file made by Export`);
  }
}
