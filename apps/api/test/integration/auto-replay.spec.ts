import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('auto-replay, dead letters and alerts', () => {
  const sy = useSwitchyard();

  const definition = (extra: Record<string, unknown>) => ({
    name: 'Flaky target',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' },
      { id: 'send', type: 'http', method: 'POST', url: `${sy.sink.url}/target`, body: 'steps.shape', retry: { maxAttempts: 1 } },
    ],
    ...extra,
  });

  it('is off by default, and refuses a bad schedule naming the entry', async () => {
    const plain = await sy.api.createWorkflow(definition({}));
    expect(plain.autoReplay).toEqual({ enabled: false, schedule: ['1m', '10m', '1h', '6h'] });
    expect(plain.alerts).toBeNull();
    const bad = await sy.api.request('POST', '/api/workflows', definition({ autoReplay: { enabled: true, schedule: ['1m', 'later'] } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'autoReplay.schedule[1]', message: 'must be a duration such as 30s, 10m, 1h or 1d' }]);
  });

  it('replays a failed run from its failed step on the schedule, then dead-letters it and alerts once per interval', async () => {
    sy.sink.respondWith(500, { error: 'down' });
    const workflow = await sy.api.createWorkflow(
      definition({
        autoReplay: { enabled: true, schedule: ['1s', '2s'] },
        alerts: { webhookUrl: `${sy.sink.url}/alerts`, minIntervalMinutes: 60 },
      }),
    );
    const first = (await sy.api.hook(workflow.trigger.token, { n: 1 })).body.runId as string;

    const failed = await sy.api.waitForRun(first);
    expect(failed.status).toBe('failed');
    const scheduled = await waitFor('the replay time', async () =>
      (await sy.api.request('GET', `/api/runs/${first}`)).body.autoReplayAt ? true : undefined,
    );
    expect(scheduled).toBe(true);
    expect(failed.deadLetter).toBe(false);

    // The original and two replays, linked by replay_of; the last one is the dead letter.
    const chain = await waitFor(
      'the schedule to be used up',
      async () => {
        const rows = await sy.db.query<{
          id: string;
          replay_of: string | null;
          auto_replay_attempt: number;
          status: string;
          dead_lettered_at: Date | null;
          alert: unknown;
        }>(`SELECT id, replay_of, auto_replay_attempt, status, dead_lettered_at, alert FROM runs WHERE workflow_id = $1 ORDER BY id`, [
          workflow.id,
        ]);
        return rows.length === 3 && rows[2].dead_lettered_at && rows[2].alert ? rows : undefined;
      },
      20_000,
    );
    expect(chain.map((r) => [r.auto_replay_attempt, r.status])).toEqual([
      [0, 'failed'],
      [1, 'failed'],
      [2, 'failed'],
    ]);
    expect(chain[1].replay_of).toBe(chain[0].id);
    expect(chain[2].replay_of).toBe(chain[1].id);
    expect(chain.slice(0, 2).every((r) => r.dead_lettered_at === null)).toBe(true);
    // Completed steps were reused by the replays, not executed again.
    const shapes = await sy.db.query<{ attempts: number }>(
      `SELECT attempts FROM step_runs WHERE step_id = 'shape' AND run_id = ANY($1) ORDER BY run_id`,
      [chain.map((r) => r.id)],
    );
    expect(shapes.map((s) => s.attempts)).toEqual([1, 0, 0]);

    const letter = (await sy.api.request('GET', `/api/runs/${chain[2].id}`)).body;
    expect(letter.deadLetter).toBe(true);
    expect(letter.autoReplayAt).toBeNull();
    expect(letter.alert).toMatchObject({ status: 500, url: `${sy.sink.url}/alerts` });
    const alerts = sy.sink.requests.filter((r) => r.url === '/alerts');
    expect(alerts.length).toBe(1);
    expect(JSON.parse(alerts[0].body)).toMatchObject({
      event: 'run.dead_lettered',
      workflow: { id: workflow.id },
      run: { id: chain[2].id, attempts: 3 },
    });

    // The lists filter dead letters, across workflows and per workflow.
    const all = await sy.api.request('GET', '/api/runs?deadLetter=true');
    expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([chain[2].id]);
    const mine = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?deadLetter=false`);
    expect(mine.body.items.map((r: { id: string }) => r.id).sort()).toEqual([chain[0].id, chain[1].id].sort());
    expect((await sy.api.request('GET', '/api/runs?deadLetter=maybe')).status).toBe(400);

    // A second dead letter within the interval is recorded without an alert.
    const second = (await sy.api.hook(workflow.trigger.token, { n: 2 })).body.runId as string;
    const secondLetter = await waitFor(
      'the second dead letter',
      async () => {
        const [row] = await sy.db.query<{ id: string; alert: Record<string, unknown> | null }>(
          `SELECT id, alert FROM runs WHERE workflow_id = $1 AND dead_lettered_at IS NOT NULL AND id > $2 ORDER BY id DESC LIMIT 1`,
          [workflow.id, second],
        );
        return row?.alert ? row : undefined;
      },
      20_000,
    );
    expect(secondLetter.alert).toMatchObject({ skipped: expect.stringMatching(/rate-limited/) });
    expect(sy.sink.requests.filter((r) => r.url === '/alerts').length).toBe(1);

    // Bulk replay by filter takes the dead letters; with the target fixed they succeed.
    sy.sink.respondWith(200, { ok: true });
    const bulk = await sy.api.request('POST', '/api/runs/replay', {
      filter: { workflowId: workflow.id, deadLetter: true },
      from: 'failed-step',
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body.count).toBe(2);
    for (const id of bulk.body.runIds) expect((await sy.api.waitForRun(id)).status).toBe('succeeded');
  });
});
