import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL } from '../support/database';
import { createHookWorkflow, sendHook, storedRequests } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

const stripe = new Stripe('sk_test_unused');

describe.each([
  { mode: 'one process', scaleOut: false },
  { mode: 'two api processes on Redis', scaleOut: true },
])('dedupe is enforced by the database ($mode)', ({ scaleOut }) => {
  const sy = useSwitchyard({ redis: scaleOut });
  let bases: string[];

  beforeAll(async () => {
    bases = [sy.url];
    if (scaleOut) {
      // A second api process on the same queue: both ingest, the database decides.
      const second = await sy.start({ redisUrl: REDIS_URL, role: 'api' });
      bases.push(second.instance.url as string);
    }
  });

  it('20 simultaneous deliveries of one Stripe event start exactly one run', async () => {
    const secret = 'whsec_dedupe';
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'stripe', secrets: [secret] }, dedupe: {} });
    const payload = JSON.stringify({ id: 'evt_concurrent', type: 'invoice.paid' });
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sendHook(bases[i % bases.length], wf.trigger.token, {
          headers: { 'content-type': 'application/json', 'stripe-signature': header },
          body: payload,
        }),
      ),
    );
    const started = answers.filter((a) => a.status === 202);
    const duplicates = answers.filter((a) => a.status === 200);
    expect(started).toHaveLength(1);
    expect(duplicates).toHaveLength(19);
    const runId = started[0].json.runId;
    for (const d of duplicates) expect(d.json).toEqual({ runId, duplicate: true });

    const rows = await storedRequests(sy.db, wf.id);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.verdict === 'accepted').map((r) => r.run_id)).toEqual([runId]);
    expect(rows.filter((r) => r.verdict === 'duplicate')).toHaveLength(19);
    expect(await sy.db.query('SELECT count(*)::int AS n FROM runs WHERE workflow_id = $1', [wf.id])).toEqual([{ n: 1 }]);
    expect((await sy.api.waitForRun(runId)).status).toBe('succeeded');
  });

  it('uses a JSONata key, and lets an expired key start a new run', async () => {
    const wf = await createHookWorkflow(sy.api, {
      dedupe: { key: 'trigger.body.order.id & "/" & trigger.headers."x-attempt-group"', windowSeconds: 60 },
    });
    const send = (id: string) =>
      sendHook(bases[0], wf.trigger.token, {
        headers: { 'content-type': 'application/json', 'x-attempt-group': 'g' },
        body: JSON.stringify({ order: { id } }),
      });
    const first = await send('A');
    expect(first.status).toBe(202);
    expect(await send('A')).toMatchObject({ status: 200, json: { runId: first.json.runId, duplicate: true } });
    expect((await send('B')).status).toBe(202);
    expect(await sy.db.query('SELECT key FROM trigger_dedupe_keys WHERE workflow_id = $1 ORDER BY key', [wf.id])).toEqual([
      { key: 'A/g' },
      { key: 'B/g' },
    ]);

    await sy.db.query(`UPDATE trigger_dedupe_keys SET expires_at = now() - interval '1 second' WHERE workflow_id = $1 AND key = 'A/g'`, [
      wf.id,
    ]);
    const again = await send('A');
    expect(again.status).toBe(202);
    expect(again.json.runId).not.toBe(first.json.runId);
    expect(await send('A')).toMatchObject({ status: 200, json: { runId: again.json.runId, duplicate: true } });
  });

  it('does not deduplicate requests without a key, and says so', async () => {
    const wf = await createHookWorkflow(sy.api, { dedupe: { key: 'trigger.body.id' } });
    expect((await sendHook(bases[0], wf.trigger.token, { headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    expect((await sendHook(bases[0], wf.trigger.token, { headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    const rows = await storedRequests(sy.db, wf.id);
    expect(rows.map((r) => r.reason)).toEqual([expect.stringMatching(/not deduplicated/), expect.stringMatching(/not deduplicated/)]);
  });
});
