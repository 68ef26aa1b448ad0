import { describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../../api';
import { issuesFromDetails, describeIssue } from './builder-issues';
import { builderReducer, initialBuilderState } from './builder-reducer';
import { applyOperation } from './draft-operations';
import type { StepDraft } from './step-draft';
import { allStepIds, findStep, listAt } from './step-tree';
import { draftFromWorkflow, draftToRequest, type WorkflowDraft } from './workflow-draft';

/** A field of a draft step of any type (the draft's steps are typed by their type). */
const fieldOf = (step: StepDraft | undefined, field: string): unknown => (step as Record<string, unknown> | undefined)?.[field];

/** A branch (two paths + otherwise) whose first path holds a loop with an http step, then a map. */
const definition: StepDefinition[] = [
  {
    id: 'route',
    type: 'branch',
    mode: 'first-match',
    paths: [
      {
        name: 'Orders',
        condition: "trigger.body.kind = 'order'",
        steps: [
          {
            id: 'each',
            type: 'loop',
            items: 'trigger.body.items',
            concurrency: 2,
            onItemError: 'collect',
            output: 'steps.post.status',
            steps: [{ id: 'post', type: 'http', method: 'POST', url: 'https://x/{{ $item.sku }}', headers: {}, body: '$item' }],
          },
        ],
      },
      {
        name: 'Refunds',
        condition: "trigger.body.kind = 'refund'",
        steps: [{ id: 'wait', type: 'delay', mode: 'for', amount: 1, unit: 'seconds' }],
      },
    ],
    otherwise: { name: 'Else', steps: [{ id: 'end', type: 'stop', status: 'failed', message: 'Unknown {{ trigger.body.kind }}' }] },
  },
  { id: 'after', type: 'map', expression: 'steps.each.results' },
];

function draft(): WorkflowDraft {
  let n = 0;
  return draftFromWorkflow({
    workflow: { name: 'Nested', trigger: { type: 'webhook', url: '', token: '' }, steps: definition },
    makeKey: () => `k${(n += 1)}`,
  });
}

// Keys in document order: k1 route, k2 each, k3 post, k4 wait, k5 end, k6 after.
const ids = (d: WorkflowDraft) => allStepIds(d.steps);

describe('nested step lists in the draft', () => {
  it('gives nested steps keys and turns them back into the same definition', () => {
    const d = draft();
    expect(findStep(d.steps, 'k3')?.entry.step.id).toBe('post');
    expect(findStep(d.steps, 'k3')?.ancestors.map((a) => [a.entry.key, a.list])).toEqual([
      ['k1', 0],
      ['k2', 'steps'],
    ]);
    expect(draftToRequest(d).steps).toEqual(definition);
  });

  it('adds a step inside a path, a loop and the otherwise path, with ids unique in the whole workflow', () => {
    let d = applyOperation(draft(), { type: 'addStep', stepType: 'map', key: 'n1', list: { parentKey: 'k2', list: 'steps' }, index: 0 });
    d = applyOperation(d, { type: 'addStep', stepType: 'map', key: 'n2', list: { parentKey: 'k1', list: 1 } });
    d = applyOperation(d, {
      type: 'insertStep',
      step: { id: 'post', type: 'filter', condition: 'true' },
      key: 'n3',
      list: { parentKey: 'k1', list: 'otherwise' },
    });
    const request = draftToRequest(d).steps[0] as unknown as {
      paths: Array<{ steps: StepDefinition[] }>;
      otherwise: { steps: StepDefinition[] };
    };
    expect((request.paths[0].steps[0].steps as StepDefinition[]).map((s) => s.id)).toEqual(['map_1', 'post']);
    expect(request.paths[1].steps.map((s) => s.id)).toEqual(['wait', 'map_2']);
    expect(request.otherwise.steps.map((s) => s.id)).toEqual(['end', 'filter_1']);
    expect(new Set(ids(d)).size).toBe(ids(d).length);
  });

  it('ignores a list that does not exist', () => {
    const d = draft();
    expect(applyOperation(d, { type: 'addStep', stepType: 'map', key: 'x', list: { parentKey: 'k6', list: 'steps' } })).toBe(d);
    expect(applyOperation(d, { type: 'addStep', stepType: 'map', key: 'x', list: { parentKey: 'k1', list: 5 } })).toBe(d);
  });

  it('moves a step within its own list only', () => {
    let d = applyOperation(draft(), { type: 'addStep', stepType: 'map', key: 'n1', list: { parentKey: 'k2', list: 'steps' } });
    d = applyOperation(d, { type: 'moveStep', key: 'n1', toIndex: 0 });
    expect(listAt(d.steps, { parentKey: 'k2', list: 'steps' })?.map((e) => e.step.id)).toEqual(['map_1', 'post']);
    // Far past the end stays in the list.
    d = applyOperation(d, { type: 'moveStep', key: 'n1', toIndex: 50 });
    expect(listAt(d.steps, { parentKey: 'k2', list: 'steps' })?.map((e) => e.step.id)).toEqual(['post', 'map_1']);
    expect(d.steps.map((e) => e.step.id)).toEqual(['route', 'after']);
  });

  it('duplicates a loop with its inner steps, new ids and references to the copies', () => {
    const d = applyOperation(draft(), { type: 'duplicateStep', key: 'k2', newKey: 'c' });
    const path = listAt(d.steps, { parentKey: 'k1', list: 0 }) ?? [];
    expect(path.map((e) => [e.key, e.step.id])).toEqual([
      ['k2', 'each'],
      ['c', 'each_copy'],
    ]);
    const copy = path[1].step;
    const inner = listAt(d.steps, { parentKey: 'c', list: 'steps' }) ?? [];
    expect(inner.map((e) => [e.key, e.step.id])).toEqual([['c.1', 'post_copy']]);
    expect(fieldOf(copy, 'output')).toBe('steps.post_copy.status');
    // The original is untouched.
    expect(listAt(d.steps, { parentKey: 'k2', list: 'steps' })?.[0].step.id).toBe('post');
    expect(new Set(ids(d)).size).toBe(ids(d).length);
  });

  it('deletes a nested step, and a container with everything inside it', () => {
    const d = applyOperation(draft(), { type: 'deleteStep', key: 'k3' });
    expect(ids(d)).toEqual(['route', 'each', 'wait', 'end', 'after']);
    expect(ids(applyOperation(draft(), { type: 'deleteStep', key: 'k1' }))).toEqual(['after']);
  });

  it('sets a field of a nested step and renames references after it, nested ones too', () => {
    let d = applyOperation(draft(), { type: 'setStepField', key: 'k3', field: 'url', value: 'https://y' });
    expect(fieldOf(findStep(d.steps, 'k3')?.entry.step, 'url')).toBe('https://y');
    d = applyOperation(d, { type: 'renameStep', key: 'k2', id: 'lines' });
    expect(fieldOf(findStep(d.steps, 'k6')?.entry.step, 'expression')).toBe('steps.lines.results');
    d = applyOperation(d, { type: 'renameStep', key: 'k3', id: 'push' });
    expect(fieldOf(findStep(d.steps, 'k2')?.entry.step, 'output')).toBe('steps.post.status'); // before the step: unchanged
  });

  it('adds, names, removes paths and toggles otherwise', () => {
    let d = applyOperation(draft(), { type: 'addPath', key: 'k1' });
    d = applyOperation(d, { type: 'setPathField', key: 'k1', pathIndex: 2, field: 'condition', value: 'true' });
    d = applyOperation(d, { type: 'setPathField', key: 'k1', pathIndex: 'otherwise', field: 'name', value: 'Rest' });
    let branch = draftToRequest(d).steps[0] as unknown as {
      paths: Array<{ name: string; condition: string; steps: unknown[] }>;
      otherwise?: { name: string };
    };
    expect(branch.paths[2]).toEqual({ name: 'Path 3', condition: 'true', steps: [] });
    expect(branch.otherwise?.name).toBe('Rest');
    d = applyOperation(d, { type: 'deletePath', key: 'k1', pathIndex: 0 });
    d = applyOperation(d, { type: 'setOtherwise', key: 'k1', enabled: false });
    branch = draftToRequest(d).steps[0] as unknown as typeof branch;
    expect(branch.paths.map((p) => p.name)).toEqual(['Refunds', 'Path 3']);
    expect(branch.otherwise).toBeUndefined();
    expect(ids(d)).toEqual(['route', 'wait', 'after']);
    d = applyOperation(d, { type: 'setOtherwise', key: 'k1', enabled: true });
    expect((draftToRequest(d).steps[0] as unknown as typeof branch).otherwise).toEqual({ name: 'Otherwise', steps: [] });
    // Path operations on a step that is not a branch change nothing.
    const plain = draft();
    expect(applyOperation(plain, { type: 'addPath', key: 'k6' })).toBe(plain);
  });
});

describe('validation paths into nested steps', () => {
  it('point at the nested field, and describe where it is', () => {
    const d = draft();
    const issues = issuesFromDetails({
      draft: d,
      details: [
        { path: 'steps[0].paths[0].steps[0].steps[0].url', message: 'is required' },
        { path: 'steps[0].paths[1].condition', message: 'is not valid JSONata' },
        { path: 'steps[0].otherwise.steps[0].message', message: 'is too long' },
        { path: 'steps[0].paths[9].steps[0].x', message: 'gone' },
      ],
    });
    expect(issues.map((issue) => issue.target)).toEqual([
      'step:k3:url',
      'step:k1:paths.1.condition',
      'step:k5:message',
      'step:k1:paths.9.steps.0.x',
    ]);
    expect(describeIssue({ issue: issues[0], draft: d })).toBe('route › Path 1 (Orders) › each › For each item › Step 1 (post) · url');
    expect(describeIssue({ issue: issues[2], draft: d })).toBe('route › Else › Step 1 (end) · message');
  });
});

describe('the reducer with nested steps', () => {
  it('selects a nested step when added, and its neighbour or container after delete', () => {
    let state = initialBuilderState(draft());
    state = builderReducer(state, {
      type: 'edit',
      operation: { type: 'addStep', stepType: 'map', key: 'n1', list: { parentKey: 'k2', list: 'steps' } },
    });
    expect(state.selectedKey).toBe('n1');
    state = builderReducer(state, { type: 'edit', operation: { type: 'deleteStep', key: 'n1' } });
    expect(state.selectedKey).toBe('k3');
    state = builderReducer(state, { type: 'edit', operation: { type: 'deleteStep', key: 'k3' } });
    expect(state.selectedKey).toBe('k2');
  });

  it('clears the issues of a deleted nested step', () => {
    const d = draft();
    let state = initialBuilderState(d);
    state = builderReducer(state, {
      type: 'setIssues',
      issues: issuesFromDetails({ draft: d, details: [{ path: 'steps[0].otherwise.steps[0].message', message: 'x' }] }),
    });
    state = builderReducer(state, { type: 'edit', operation: { type: 'deleteStep', key: 'k5' } });
    expect(state.issues).toEqual([]);
  });
});

describe('cleaning control steps for a save', () => {
  it('sends only the settings of the delay mode chosen, and leaves blank optional expressions out', () => {
    let n = 0;
    const d = draftFromWorkflow({
      workflow: {
        name: 'x',
        trigger: { type: 'webhook', url: '', token: '' },
        steps: [
          { id: 'w', type: 'delay', mode: 'until', amount: 5, unit: 'minutes', until: 'trigger.body.at' },
          { id: 'v', type: 'delay', mode: 'for', amount: 5, unit: 'minutes', until: '' },
          { id: 'l', type: 'loop', items: 'trigger.body.items', output: ' ', steps: [] },
        ],
      },
      makeKey: () => `k${(n += 1)}`,
    });
    expect(draftToRequest(d).steps).toEqual([
      { id: 'w', type: 'delay', mode: 'until', until: 'trigger.body.at' },
      { id: 'v', type: 'delay', mode: 'for', amount: 5, unit: 'minutes' },
      { id: 'l', type: 'loop', items: 'trigger.body.items', steps: [] },
    ]);
  });
});
