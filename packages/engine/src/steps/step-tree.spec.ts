import { describe, expect, it } from 'vitest';
import type { Step } from './step.schema';
import {
  childStepLists,
  findStepById,
  findStepVisit,
  mapChildStepLists,
  nestedJournalPrefix,
  walkSteps,
  withChildStepList,
} from './step-tree';

const tree = [
  { id: 'a', type: 'map', expression: '1' },
  {
    id: 'route',
    type: 'branch',
    mode: 'first-match',
    paths: [
      {
        name: 'Orders',
        condition: 'true',
        steps: [
          {
            id: 'each',
            type: 'loop',
            items: 'x',
            concurrency: 1,
            onItemError: 'fail',
            steps: [{ id: 'post', type: 'map', expression: '2' }],
          },
        ],
      },
      { condition: 'false', steps: [] },
    ],
    otherwise: { steps: [{ id: 'late', type: 'map', expression: '3' }] },
  },
  { id: 'z', type: 'map', expression: '4' },
] as Step[];

describe('step tree', () => {
  it('walks every step in document order, with its path and its ancestors', () => {
    const visits = walkSteps(tree);
    expect(visits.map((visit) => [visit.entry.id, visit.path, visit.index])).toEqual([
      ['a', 'steps[0]', 0],
      ['route', 'steps[1]', 1],
      ['each', 'steps[1].paths[0].steps[0]', 0],
      ['post', 'steps[1].paths[0].steps[0].steps[0]', 0],
      ['late', 'steps[1].otherwise.steps[0]', 0],
      ['z', 'steps[2]', 2],
    ]);
    const post = visits[3];
    expect(post.ancestors.map((ancestor) => [ancestor.entry.id, ancestor.list, ancestor.perItem])).toEqual([
      ['route', 0, false],
      ['each', 'steps', true],
    ]);
    expect(visits[4].siblings.map((step) => step.id)).toEqual(['late']);
  });

  it('walks entries that hold their step (the builder draft), under another root path', () => {
    const entries = [{ key: 'k1', step: { id: 'l', type: 'loop', items: 'x', steps: [{ key: 'k2', step: { id: 'm', type: 'map' } }] } }];
    const visits = walkSteps(entries, { stepOf: (entry) => entry.step, path: 'draft' });
    expect(visits.map((visit) => [visit.entry.key, visit.path])).toEqual([
      ['k1', 'draft[0]'],
      ['k2', 'draft[0].steps[0]'],
    ]);
  });

  it('lists the nested lists of containers, with ids, paths, labels and names', () => {
    expect(childStepLists(tree[1]).map(({ id, path, label, name }) => ({ id, path, label, name }))).toEqual([
      { id: 0, path: 'paths[0].steps', label: 'Path 1', name: 'Orders' },
      { id: 1, path: 'paths[1].steps', label: 'Path 2', name: undefined },
      { id: 'otherwise', path: 'otherwise.steps', label: 'Otherwise', name: undefined },
    ]);
    expect(childStepLists(tree[0])).toEqual([]);
  });

  it('reads unvalidated input without trusting it', () => {
    expect(childStepLists({ type: 'branch', paths: 'x', otherwise: { steps: 3 } })).toEqual([]);
    expect(childStepLists({ type: 'branch', paths: [null, { steps: [1] }] }).map((list) => list.id)).toEqual([1]);
    expect(childStepLists({ type: 'fax', steps: [] })).toEqual([]);
    expect(childStepLists(null)).toEqual([]);
    expect(childStepLists({ type: 'loop', steps: {} })).toEqual([]);
  });

  it('replaces one list, leaving the rest and the input as they were', () => {
    const branch = tree[1];
    const next = withChildStepList(branch, 1, [{ id: 'n', type: 'map', expression: '5' }]);
    expect(next).not.toBe(branch);
    expect(childStepLists(next).map((list) => list.steps.map((step) => step.id))).toEqual([['each'], ['n'], ['late']]);
    expect(childStepLists(branch)[1].steps).toEqual([]);
    expect(withChildStepList(branch, 7, [])).toBe(branch);
    expect(withChildStepList({ type: 'branch', paths: [{ steps: [] }] }, 'otherwise', [])).toEqual({
      type: 'branch',
      paths: [{ steps: [] }],
    });
    expect(withChildStepList(tree[0], 'steps', [])).toBe(tree[0]);
  });

  it('maps every nested list', () => {
    const emptied = mapChildStepLists(tree[1], () => []);
    expect(childStepLists(emptied).map((list) => list.steps.length)).toEqual([0, 0, 0]);
    const loop = mapChildStepLists({ type: 'loop', items: 'x', steps: [1, 2] }, (steps: number[]) => steps.map((n) => n * 2));
    expect(loop).toEqual({ type: 'loop', items: 'x', steps: [2, 4] });
  });

  it('finds steps by id or by any test, at any depth', () => {
    expect(findStepById(tree, 'post')).toMatchObject({ id: 'post', type: 'map' });
    expect(findStepById(tree, 'nope')).toBeUndefined();
    expect(findStepVisit(tree, (step) => step.type === 'loop')?.path).toBe('steps[1].paths[0].steps[0]');
  });

  it('composes the journal keys of nested steps', () => {
    expect(nestedJournalPrefix({ step: tree[1], key: 'route', list: 0 })).toBe('route.0.');
    expect(nestedJournalPrefix({ step: tree[1], key: 'each[2].route', list: 'otherwise' })).toBe('each[2].route.otherwise.');
    expect(nestedJournalPrefix({ step: { type: 'loop' }, key: 'each', list: 'steps', item: 3 })).toBe('each[3].');
    expect(() => nestedJournalPrefix({ step: tree[0], key: 'a', list: 'steps' })).toThrow('holds no steps');
  });

  it('walks a tree thousands deep without recursion', () => {
    let step: Record<string, unknown> = { id: 'leaf', type: 'map' };
    for (let i = 0; i < 20_000; i++) step = { id: `l${i}`, type: 'loop', steps: [step] };
    const visits = walkSteps([step]);
    expect(visits).toHaveLength(20_001);
    expect(visits[20_000].entry.id).toBe('leaf');
  });
});
