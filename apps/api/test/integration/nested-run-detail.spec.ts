import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

/** A loop over the items whose body holds a branch: big items go to the sink, others are noted, unknown ones fail. */
function branchInLoop(sinkUrl: string) {
  return {
    name: 'Items',
    trigger: { type: 'webhook' },
    steps: [
      {
        id: 'each',
        type: 'loop',
        items: 'trigger.body.items',
        onItemError: 'collect',
        steps: [
          {
            id: 'route',
            type: 'branch',
            paths: [
              {
                name: 'Big',
                condition: '$item.qty >= 10',
                steps: [{ id: 'post', type: 'http', method: 'POST', url: `${sinkUrl}/items/{{ $item.sku }}`, body: '$item' }],
              },
              {
                name: 'Broken',
                condition: '$item.qty < 0',
                steps: [{ id: 'bad', type: 'stop', status: 'failed', message: 'negative {{ $item.sku }}' }],
              },
            ],
            otherwise: { name: 'Small', steps: [{ id: 'note', type: 'map', expression: "'small ' & $item.sku" }] },
          },
        ],
      },
      { id: 'after', type: 'map', expression: '$count(steps.each.results)' },
    ],
  };
}

describe('run detail with nested steps', () => {
  const sy = useSwitchyard();

  it('groups the steps of a branch in a loop under each item and path, with the path taken', async () => {
    const workflow = await sy.api.createWorkflow(branchInLoop(sy.sink.url));
    const items = [
      { sku: 'a', qty: 12 },
      { sku: 'b', qty: 1 },
      { sku: 'c', qty: 30 },
    ];
    const { body } = await sy.api.hook(workflow.trigger.token, { items });
    const run = await sy.api.waitForRun(body.runId);
    expect(run.status).toBe('succeeded');
    expect(sy.sink.requests.filter((r) => r.url.startsWith('/items/')).map((r) => r.url)).toEqual(['/items/a', '/items/c']);

    // Top-level steps as before, with their journal key.
    expect(run.steps.map((s: any) => [s.id, s.key, s.type, s.status])).toEqual([
      ['each', 'each', 'loop', 'succeeded'],
      ['after', 'after', 'map', 'succeeded'],
    ]);
    const loop = run.steps[0];
    expect(loop.itemCount).toBe(3);
    expect(loop.items.map((item: any) => [item.index, item.status])).toEqual([
      [0, 'succeeded'],
      [1, 'succeeded'],
      [2, 'succeeded'],
    ]);
    const [first, second] = loop.items;
    const route = first.steps[0];
    expect(route).toMatchObject({
      id: 'route',
      key: 'each[0].route',
      type: 'branch',
      status: 'succeeded',
      output: { matched: [0], otherwise: false },
    });
    expect(route.paths.map((p: any) => [p.index, p.name, p.taken])).toEqual([
      [0, 'Big', true],
      [1, 'Broken', false],
      ['otherwise', 'Small', false],
    ]);
    expect(route.paths[0].steps[0]).toMatchObject({
      id: 'post',
      key: 'each[0].route.0.post',
      type: 'http',
      status: 'succeeded',
      attempts: 1,
    });
    expect(route.paths[0].steps[0].output.status).toBe(200);
    expect(route.paths[0].steps[0].startedAt).toEqual(expect.any(String));
    expect(route.paths[1].steps[0]).toMatchObject({ id: 'bad', key: 'each[0].route.1.bad', status: 'skipped', attempts: 0 });
    const small = second.steps[0];
    expect(small.paths.map((p: any) => p.taken)).toEqual([false, false, true]);
    expect(small.paths[2].steps[0]).toMatchObject({ key: 'each[1].route.otherwise.note', status: 'succeeded', output: 'small b' });

    // A nested output can be fetched on its own by its key.
    const full = await sy.api.request('GET', `/api/runs/${run.id}/steps/${encodeURIComponent('each[1].route.otherwise.note')}/output`);
    expect(full.body).toEqual({ output: 'small b' });
  });

  it('shows a failed item among collected failures, and pages the items of a long loop', async () => {
    const workflow = await sy.api.createWorkflow(branchInLoop(sy.sink.url));
    // 130 small items and one broken one at the end: more than the detail shows at once.
    const items = [...Array.from({ length: 130 }, (_, i) => ({ sku: `s${i}`, qty: 1 })), { sku: 'neg', qty: -1 }];
    const { body } = await sy.api.hook(workflow.trigger.token, { items });
    const run = await sy.api.waitForRun(body.runId, 60_000);
    // A failed stop ends the run even in a collecting loop.
    expect(run.status).toBe('failed');
    const loop = run.steps[0];
    expect(loop.status).toBe('failed');
    expect(loop.itemCount).toBe(131);
    // The first 100 items, then the failed one.
    expect(loop.items).toHaveLength(101);
    expect(loop.items[99].index).toBe(99);
    const failed = loop.items[100];
    expect(failed).toMatchObject({ index: 130, status: 'failed' });
    expect(failed.steps[0].paths[1]).toMatchObject({ name: 'Broken', taken: true });
    expect(failed.steps[0].paths[1].steps[0]).toMatchObject({
      key: 'each[130].route.1.bad',
      status: 'failed',
      error: { code: 'STOPPED', message: 'negative neg' },
    });
    expect(run.steps[1]).toMatchObject({ id: 'after', status: 'skipped' });

    const page = await sy.api.request('GET', `/api/runs/${run.id}/steps/each/items?offset=100&limit=20`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ key: 'each', itemCount: 131, offset: 100, limit: 20 });
    expect(page.body.items.map((item: any) => item.index)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(page.body.items[0].steps[0].paths[2].steps[0]).toMatchObject({ key: 'each[100].route.otherwise.note', output: 'small s100' });

    const bad = await sy.api.request('GET', `/api/runs/${run.id}/steps/each/items?limit=500`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('limit');
    const notLoop = await sy.api.request('GET', `/api/runs/${run.id}/steps/after/items`);
    expect(notLoop.status).toBe(404);
  });

  it('keeps the detail of a 10,000-item loop small: a capped window of items with the count', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Big loop',
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'each',
          type: 'loop',
          items: 'trigger.body.items',
          concurrency: 10,
          steps: [{ id: 'double', type: 'map', expression: '$item * 2' }],
        },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, { items: Array.from({ length: 10_000 }, (_, i) => i) });
    const run = await sy.api.waitForRun(body.runId, 120_000);
    expect(run.status).toBe('succeeded');
    const loop = run.steps[0];
    expect(loop.itemCount).toBe(10_000);
    expect(loop.items).toHaveLength(100);
    expect(loop.items[42].steps[0]).toMatchObject({ key: 'each[42].double', output: 84 });
    // The whole answer stays far below what 10,000 items with their payloads would weigh.
    expect(JSON.stringify(run).length).toBeLessThan(400_000);
    const last = await sy.api.request('GET', `/api/runs/${run.id}/steps/each/items?offset=9990&limit=100`);
    expect(last.body.items.map((item: any) => item.steps[0].output)).toEqual(Array.from({ length: 10 }, (_, i) => (9990 + i) * 2));
  }, 180_000);

  it('tests a step of a loop with the item it would see ($item, $index), and refuses bindings that are not an object', async () => {
    const tested = await sy.api.request('POST', '/api/test/step', {
      step: {
        id: 'post',
        type: 'http',
        method: 'POST',
        url: `${sy.sink.url}/tested/{{ $item.sku }}`,
        body: '{ "sku": $item.sku, "at": $index }',
      },
      context: { trigger: { body: {} }, steps: {}, bindings: { item: { sku: 'z9' }, index: 4 } },
    });
    expect(tested.status).toBe(200);
    expect(tested.body.status).toBe('succeeded');
    const received = sy.sink.requests.find((r) => r.url === '/tested/z9');
    expect(received && JSON.parse(received.body)).toEqual({ sku: 'z9', at: 4 });
    const bad = await sy.api.request('POST', '/api/test/step', {
      step: { id: 'm', type: 'map', expression: '$item' },
      context: { trigger: {}, bindings: [1] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('context.bindings');
  });
});
