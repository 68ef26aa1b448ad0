import { describe, expect, it } from 'vitest';
import { buildStepRunTree, findStepRunNode, type StepRunRow, type TreeStep } from './step-run-tree';

const at = new Date('2026-01-01T00:00:00Z');
const row = (stepId: string, status: 'succeeded' | 'failed' = 'succeeded', extra: Partial<StepRunRow> = {}): StepRunRow => ({
  stepId,
  status,
  error: status === 'failed' ? { code: 'X', message: 'x' } : null,
  attempts: 1,
  startedAt: at,
  finishedAt: at,
  durationMs: 0,
  ...extra,
});

const steps: TreeStep[] = [
  {
    id: 'route',
    type: 'branch',
    paths: [
      { name: 'A', steps: [{ id: 'each', type: 'loop', steps: [{ id: 'post', type: 'http' }] }] },
      { steps: [{ id: 'b', type: 'map' }] },
    ],
    otherwise: { steps: [{ id: 'o', type: 'map' }] },
  },
  { id: 'last', type: 'map' },
];

describe('buildStepRunTree', () => {
  it('nests rows by journal key and tells pending from skipped', () => {
    const rows = [row('route.0.each[0].post'), row('route.0.each[1].post', 'failed')];
    const running = buildStepRunTree({ steps, rows, terminal: false });
    const branch = running[0];
    expect(branch.status).toBe('failed');
    expect(branch.paths?.map((p) => [p.index, p.name, p.taken])).toEqual([
      [0, 'A', true],
      [1, 'Path 2', false],
      ['otherwise', 'Otherwise', false],
    ]);
    const loop = branch.paths?.[0].steps[0];
    expect(loop).toMatchObject({ key: 'route.0.each', itemCount: 2 });
    expect(loop?.items?.map((i) => [i.index, i.status, i.steps[0].key])).toEqual([
      [0, 'succeeded', 'route.0.each[0].post'],
      [1, 'failed', 'route.0.each[1].post'],
    ]);
    expect(running[1].status).toBe('pending');
    expect(buildStepRunTree({ steps, rows, terminal: true })[1].status).toBe('skipped');
    expect(findStepRunNode(running, 'route.0.each[1].post')?.row?.status).toBe('failed');
  });

  it('reads the paths taken from the branch output and the item count from the loop results', () => {
    const rows = [row('route', 'succeeded', { output: { matched: [], otherwise: true } }), row('route.otherwise.o'), row('last')];
    const tree = buildStepRunTree({ steps, rows, terminal: true });
    expect(tree[0].paths?.map((p) => p.taken)).toEqual([false, false, true]);
    const loopSteps: TreeStep[] = [{ id: 'l', type: 'loop', steps: [{ id: 's', type: 'map' }] }];
    const many = [
      row('l', 'succeeded', { resultCount: 250 }),
      ...Array.from({ length: 250 }, (_, i) => row(`l[${i}].s`, i === 240 ? 'failed' : 'succeeded')),
    ];
    const loop = buildStepRunTree({ steps: loopSteps, rows: many, terminal: true })[0];
    expect(loop.itemCount).toBe(250);
    expect(loop.items?.map((i) => i.index)).toEqual([...Array.from({ length: 100 }, (_, i) => i), 240]);
    const page = buildStepRunTree({
      steps: loopSteps,
      rows: many,
      terminal: true,
      window: () => ({ offset: 200, limit: 10, withFailures: false }),
    })[0];
    expect(page.items?.map((i) => i.index)).toEqual(Array.from({ length: 10 }, (_, i) => 200 + i));
  });
});
