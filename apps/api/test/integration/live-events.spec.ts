import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/common/logger';
import { EventBus, LISTENER_WATCHED, type SwitchyardEvent } from '../../src/events/event-bus';
import { createTestDatabase, type TestDatabase } from '../support/database';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = (id: string, workflowId = 'wf-1'): SwitchyardEvent => ({ type: 'run', id, workflowId, status: 'succeeded' });

/** Waits (bounded) until `check` holds, calling `act` between looks. */
async function eventually(check: () => boolean | Promise<boolean>, act: () => void = () => undefined, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    act();
    await sleep(25);
  }
}

/**
 * Live events go through LISTEN/NOTIFY only while someone watches (issue 15): an api process with a
 * viewer names its listener connection, and the other processes publish only while they see one.
 */
describe('live events across processes', () => {
  let db: TestDatabase;
  let pools: Pool[];
  let api: EventBus;
  let worker: EventBus;
  let raw: Client;
  const notified: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    pools = [new Pool({ connectionString: db.url, max: 2 }), new Pool({ connectionString: db.url, max: 2 })];
    const logger = createLogger('silent');
    api = new EventBus(pools[0], db.url, logger, 50);
    worker = new EventBus(pools[1], db.url, logger, 50);
    await api.listen();
    // Every NOTIFY on the channel, whoever sends it.
    raw = new Client({ connectionString: db.url });
    await raw.connect();
    raw.on('notification', (msg) => notified.push(msg.payload ?? ''));
    await raw.query('LISTEN switchyard_events');
  });

  afterAll(async () => {
    await raw?.end();
    await api?.close();
    await worker?.close();
    await Promise.all((pools ?? []).map((p) => p.end()));
    await db?.drop();
  });

  const watchedConnections = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [LISTENER_WATCHED],
      )
    )[0].n;

  it('sends nothing while nobody watches, and reaches a viewer of another process once one watches', async () => {
    // Several publishes over more than one look for viewers: no NOTIFY at all.
    for (let i = 0; i < 6; i++) {
      worker.publish([run(`unwatched-${i}`)]);
      api.publish([run(`unwatched-api-${i}`)]);
      await sleep(40);
    }
    await sleep(200);
    expect(notified).toEqual([]);
    expect(await watchedConnections()).toBe(0);

    const seen: SwitchyardEvent[] = [];
    const subscription = api.forWorkflow('wf-1').subscribe((e) => seen.push(e));
    await eventually(async () => (await watchedConnections()) === 1);
    // The worker notices within its poll interval, and its events reach the viewer.
    let n = 0;
    await eventually(
      () => seen.some((e) => e.id.startsWith('watched-')),
      () => worker.publish([run(`watched-${n++}`), run('other-workflow', 'wf-2')]),
    );
    expect(seen.every((e) => e.workflowId === 'wf-1')).toBe(true);
    // The api process's own events go out at once: it has the viewer.
    api.publish([run('from-api')]);
    await eventually(() => seen.some((e) => e.id === 'from-api'));

    subscription.unsubscribe();
    await eventually(async () => (await watchedConnections()) === 0);
    // After the viewer left and the worker has looked again, nothing more is sent.
    await sleep(200);
    worker.publish([run('probe')]);
    await sleep(200);
    const before = notified.length;
    for (let i = 0; i < 5; i++) {
      worker.publish([run(`after-${i}`)]);
      api.publish([run(`after-api-${i}`)]);
      await sleep(40);
    }
    await sleep(200);
    expect(notified.length).toBe(before);
    expect(notified.join()).not.toContain('after-');
  });

  it('counts each viewer: the process stays watched until its last viewer leaves', async () => {
    const a = api.forWorkflow('wf-1').subscribe();
    const b = api.forWorkflow('wf-2').subscribe();
    await eventually(async () => (await watchedConnections()) === 1);
    a.unsubscribe();
    await sleep(100);
    expect(await watchedConnections()).toBe(1);
    b.unsubscribe();
    await eventually(async () => (await watchedConnections()) === 0);
  });
});
