import { describe, expect, it } from 'vitest';
import { issuesFromDetails } from './builder-issues';
import { builderReducer, initialBuilderState, isDirty } from './builder-reducer';
import { createBuilderStore } from './builder-store';
import { draftToRequest, draftFromWorkflow, type WorkflowDraft } from './workflow-draft';

const draft: WorkflowDraft = {
  name: 'Orders',
  trigger: { type: 'webhook' },
  steps: [
    { key: 'a', step: { id: 'order', type: 'map', expression: 'trigger.body' } },
    { key: 'b', step: { id: 'big', type: 'filter', condition: 'amount > ]' } },
  ],
};

describe('builderReducer', () => {
  it('tracks unsaved changes against the last save', () => {
    let state = initialBuilderState(draft);
    expect(isDirty(state)).toBe(false);
    state = builderReducer(state, { type: 'edit', operation: { type: 'setName', name: 'Sales' } });
    expect(isDirty(state)).toBe(true);
    state = builderReducer(state, { type: 'edit', operation: { type: 'setName', name: 'Orders' } });
    expect(isDirty(state)).toBe(false);
    state = builderReducer(state, { type: 'edit', operation: { type: 'setName', name: 'Sales' } });
    state = builderReducer(state, { type: 'saved' });
    expect(isDirty(state)).toBe(false);
  });

  it('selects a new or duplicated step, and a neighbour of a deleted one', () => {
    let state = initialBuilderState(draft);
    expect(state.selectedKey).toBe('a');
    state = builderReducer(state, { type: 'edit', operation: { type: 'addStep', stepType: 'http', key: 'c' } });
    expect(state.selectedKey).toBe('c');
    state = builderReducer(state, { type: 'edit', operation: { type: 'deleteStep', key: 'c' } });
    expect(state.selectedKey).toBe('b');
  });

  it('attaches API errors to fields and clears one when its field changes', () => {
    let state = initialBuilderState(draft);
    const issues = issuesFromDetails({
      draft,
      details: [
        { path: 'steps[1].condition', message: 'Expected an expression', position: 10, token: ']' },
        { path: 'name', message: 'must not be empty' },
        { path: 'steps[7].url', message: 'stale' },
      ],
    });
    expect(issues.map((issue) => issue.target)).toEqual(['step:b:condition', 'name', 'workflow']);
    state = builderReducer(state, { type: 'setIssues', issues });
    state = builderReducer(state, { type: 'edit', operation: { type: 'setStepField', key: 'b', field: 'condition', value: 'amount > 1' } });
    expect(state.issues.map((issue) => issue.target)).toEqual(['name', 'workflow']);
  });
});

describe('workflow draft', () => {
  it('leaves the server-only trigger fields out and omits blank optional fields when saving', () => {
    const loaded = draftFromWorkflow({
      workflow: {
        name: 'x',
        trigger: {
          type: 'webhook',
          url: 'http://h/hooks/t',
          token: 't',
          methods: ['POST'],
          verify: { scheme: 'github', secretHints: ['ab…cd'] },
        },
        steps: [{ id: 'send', type: 'http', method: 'POST', url: 'https://x', headers: { '': 'v', A: '1' }, body: ' ', name: '' }],
      },
      makeKey: () => 'k',
    });
    expect(draftToRequest(loaded)).toEqual({
      name: 'x',
      trigger: { type: 'webhook', methods: ['POST'], verify: { scheme: 'github' } },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: 'https://x', headers: { A: '1' } }],
    });
  });
});

describe('createBuilderStore', () => {
  it('notifies subscribers of changes only and hands out unique keys', () => {
    const store = createBuilderStore({ draft });
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.dispatch({ type: 'select', key: 'a' });
    store.dispatch({ type: 'select', key: 'b' });
    unsubscribe();
    store.dispatch({ type: 'select', key: 'a' });
    expect(calls).toBe(1);
    expect(new Set([store.newKey(), store.newKey(), 'a', 'b']).size).toBe(4);
  });
});
