import { describe, expect, it } from 'vitest';
import type { StepDefinition, TriggerSample } from '../../../api';
import { visibleSteps } from '../data-picker/visible-steps';
import { completeJsonata } from '../jsonata-language/jsonata-completion';
import { draftFromWorkflow } from '../state/workflow-draft';
import { computeStepOutputs, contextForKey, LOOP_PREVIEW_ITEMS } from './step-outputs';

const sample: TriggerSample = {
  body: {
    kind: 'order',
    items: [
      { sku: 'a', qty: 2 },
      { sku: 'b', qty: 3 },
    ],
    at: '2030-01-01T00:00:00.000Z',
  },
  headers: {},
  query: {},
  method: 'POST',
  receivedAt: '2025-01-01T00:00:00.000Z',
};

const steps: StepDefinition[] = [
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
            steps: [{ id: 'line', type: 'map', expression: "$item.sku & '-' & $index" }],
          },
          { id: 'pause', type: 'delay', mode: 'for', amount: 2, unit: 'minutes' },
        ],
      },
      { name: 'Always', condition: 'true', steps: [{ id: 'never', type: 'map', expression: '1' }] },
    ],
    otherwise: { steps: [{ id: 'end', type: 'stop', status: 'failed', message: 'no {{ trigger.body.kind }}' }] },
  },
  {
    id: 'answer',
    type: 'respond',
    status: 201,
    headers: { 'X-Kind': '{{ trigger.body.kind }}' },
    body: '{ "n": $count(steps.each.results) }',
  },
  { id: 'later', type: 'delay', mode: 'until', until: 'trigger.body.at' },
];

function draft() {
  let n = 0;
  return draftFromWorkflow({
    workflow: { name: 'x', trigger: { type: 'webhook', url: '', token: '' }, steps },
    makeKey: () => `k${(n += 1)}`,
  });
}
// Keys: k1 route, k2 each, k3 line, k4 pause, k5 never, k6 end, k7 answer, k8 later.

describe('previews of control steps on the sample', () => {
  it('shows the matching path, loop items, delays, the answer and marks paths that would not run', async () => {
    const now = Date.parse('2025-06-01T10:00:00.000Z');
    const states = await computeStepOutputs({ steps: draft().steps, sample, tests: {}, now });
    expect(states.k1).toMatchObject({
      source: 'preview',
      output: { matched: [0], otherwise: false },
      matchedPaths: [0],
      otherwiseTaken: false,
    });
    expect(states.k2).toMatchObject({
      output: { results: ['a-0', 'b-1'], failures: [] },
      itemCount: 2,
      firstItem: { sku: 'a', qty: 2 },
      resultsCapped: false,
    });
    expect(states.k3).toEqual({ source: 'preview', output: 'a-0' });
    expect(states.k4).toEqual({ source: 'preview', output: { resumeAt: '2025-06-01T10:02:00.000Z' } });
    expect(states.k5).toMatchObject({ output: 1, inactive: true });
    expect(states.k6).toMatchObject({ output: { status: 'failed', message: 'no order' }, inactive: true, passed: false });
    expect(states.k7).toEqual({ source: 'preview', output: { status: 201, headers: { 'x-kind': 'order' }, body: { n: 2 } } });
    expect(states.k8).toEqual({ source: 'preview', output: { resumeAt: '2030-01-01T00:00:00.000Z' } });
  });

  it('caps the results computed for a big loop', async () => {
    const many = { ...sample, body: { items: Array.from({ length: LOOP_PREVIEW_ITEMS + 5 }, (_, i) => i) } };
    const d = draftFromWorkflow({
      workflow: {
        name: 'x',
        trigger: { type: 'webhook', url: '', token: '' },
        steps: [{ id: 'l', type: 'loop', items: 'trigger.body.items', steps: [] }],
      },
      makeKey: () => 'only',
    });
    const states = await computeStepOutputs({ steps: d.steps, sample: many, tests: {} });
    expect(states.only).toMatchObject({ itemCount: LOOP_PREVIEW_ITEMS + 5, resultsCapped: true, firstItem: 0 });
    expect((states.only.output as { results: unknown[] }).results).toHaveLength(LOOP_PREVIEW_ITEMS);
  });

  it('gives a step inside a loop $item and $index, and hides loop insides and skipped paths from later steps', async () => {
    const d = draft();
    const outputs = await computeStepOutputs({ steps: d.steps, sample, tests: {} });
    const inner = contextForKey({ steps: d.steps, key: 'k3', sample, outputs });
    expect(inner.bindings).toEqual({ item: { sku: 'a', qty: 2 }, index: 0 });
    expect(inner.steps).toEqual({});
    const after = contextForKey({ steps: d.steps, key: 'k7', sample, outputs });
    expect(Object.keys(after.steps)).toEqual(['route', 'each', 'pause']);
    expect(after.bindings).toEqual({});
  });

  it('lists in the data panel the steps a nested step can read, and the loop around it', () => {
    const d = draft();
    const inLoop = visibleSteps({ steps: d.steps, selectedKey: 'k3' });
    expect(inLoop.earlier.map((e) => e.step.id)).toEqual([]);
    expect(inLoop.loop?.step.id).toBe('each');
    const last = visibleSteps({ steps: d.steps, selectedKey: 'k8' });
    expect(last.earlier.map((e) => e.step.id)).toEqual(['route', 'each', 'pause', 'never', 'end', 'answer']);
    expect(last.loop).toBeNull();
  });
});

describe('completion of loop variables', () => {
  const variables = { item: { sku: 'a', price: { amount: 3 } }, index: 0 };
  it('offers $item and $index after $, and the fields of $item', () => {
    const dollar = completeJsonata({ text: '$it', pos: 3, root: {}, variables });
    expect(dollar?.options.slice(0, 2).map((o) => o.label)).toEqual(['$item', '$index']);
    const fields = completeJsonata({ text: '$item.', pos: 6, root: {}, variables });
    expect(fields?.options.map((o) => o.label)).toEqual(['sku', 'price']);
    const deeper = completeJsonata({ text: '$item.price.am', pos: 14, root: {}, variables });
    expect(deeper).toMatchObject({ from: 12, options: [{ label: 'amount' }] });
    expect(completeJsonata({ text: '$item.', pos: 6, root: {} })).toBeNull();
  });
});
