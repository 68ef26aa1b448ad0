import { describe, expect, it } from 'vitest';
import { createBuilderStore } from './builder-store';
import { isDirty } from './builder-reducer';
import { readOnlyStore } from './read-only-store';
import type { WorkflowDraft } from './workflow-draft';

const draft: WorkflowDraft = { name: 'Orders', trigger: { type: 'webhook' }, steps: [] };

describe('readOnlyStore', () => {
  it('drops edits, so the draft stays as loaded', () => {
    const store = readOnlyStore(createBuilderStore({ draft }));
    const before = store.getState();
    store.dispatch({ type: 'edit', operation: { type: 'setName', name: 'Changed' } });
    expect(store.getState()).toBe(before);
    expect(isDirty(store.getState())).toBe(false);
  });

  it('passes everything else through, e.g. selecting a step', () => {
    const inner = createBuilderStore({ draft });
    const store = readOnlyStore(inner);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.dispatch({ type: 'select', key: 'step-1' });
    expect(inner.getState().selectedKey).toBe('step-1');
    expect(notified).toBe(1);
  });
});
