import { describe, expect, it } from 'vitest';
import { bundleFileName, readBundleFile } from './bundle-file';

describe('bundle files', () => {
  it('names the file after the workflow or the workspace, and the day', () => {
    const bundle = { exportedAt: '2026-12-03T14:00:00.000Z', workflows: [] };
    expect(bundleFileName({ bundle })).toBe('switchyard-workspace-2026-12-03.json');
    expect(bundleFileName({ bundle, workflowName: 'Orders → CRM (v2)' })).toBe('switchyard-orders-crm-v2-2026-12-03.json');
    expect(bundleFileName({ bundle, workflowName: '***' })).toBe('switchyard-workflow-2026-12-03.json');
  });

  it('reads JSON, and says which file is not', async () => {
    await expect(readBundleFile({ name: 'a.json', text: async () => '{"kind":"switchyard.bundle"}' })).resolves.toEqual({
      kind: 'switchyard.bundle',
    });
    await expect(readBundleFile({ name: 'notes.txt', text: async () => 'hello' })).rejects.toThrow('notes.txt is not JSON');
  });
});
