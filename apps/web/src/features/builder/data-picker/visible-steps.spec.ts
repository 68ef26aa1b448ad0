import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../api';
import { draftFromWorkflow } from '../state/workflow-draft';
import { visibleSteps } from './visible-steps';

function draft(steps: unknown[]) {
  let n = 0;
  return draftFromWorkflow({
    workflow: { name: 'x', trigger: { type: 'webhook', url: '', token: '' }, steps } as unknown as Workflow,
    makeKey: () => `k${(n += 1)}`,
  });
}

describe('visibleSteps labels', () => {
  it('names a step inside a branch with its path, so two "Step 1" stay apart', () => {
    const d = draft([
      { id: 'first', name: 'Step 1', type: 'map', expression: '1' },
      {
        id: 'route',
        name: 'Route',
        type: 'branch',
        paths: [{ name: 'Branch A', condition: 'true', steps: [{ id: 'inner', name: 'Step 1', type: 'map', expression: '2' }] }],
        otherwise: { name: '', steps: [{ id: 'other', type: 'map', expression: '3' }] },
      },
      { id: 'last', type: 'map', expression: '4' },
    ]);
    const { earlier, labels } = visibleSteps({ steps: d.steps, selectedKey: 'k5' });
    expect(earlier.map((entry) => labels[entry.key])).toEqual(['Step 1', 'Route', 'Branch A › Step 1', 'Otherwise › other']);
  });

  it('names a step inside a loop with the loop, and an unnamed path by its number', () => {
    const d = draft([
      {
        id: 'route',
        type: 'branch',
        paths: [
          {
            condition: 'true',
            steps: [
              {
                id: 'each',
                name: 'Each order',
                type: 'loop',
                items: '[1]',
                steps: [
                  { id: 'post', type: 'map', expression: '1' },
                  { id: 'tell', type: 'map', expression: '2' },
                ],
              },
            ],
          },
        ],
      },
      { id: 'after', type: 'map', expression: '2' },
    ]);
    const { labels } = visibleSteps({ steps: d.steps, selectedKey: null });
    expect(Object.values(labels)).toContain('Path 1 › Each order');
    // Keys: k1 route, k2 each, k3 post, k4 tell, k5 after; inside the loop its earlier steps show.
    const inside = visibleSteps({ steps: d.steps, selectedKey: 'k4' });
    expect(inside.labels.k3).toBe('Path 1 › Each order › post');
  });
});
