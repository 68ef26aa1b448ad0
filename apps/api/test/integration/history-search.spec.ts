import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

// Issue 19 item 3: search by a plain value, by the paths the run page copies, and errors in sentences.
describe('history search by plain value and copied paths', () => {
  const sy = useSwitchyard();

  it('finds runs whose request contains a value, by a copied path, and explains a malformed search', async () => {
    const workflow = await sy.api.createWorkflow({ name: 'Payments', trigger: { type: 'webhook' }, steps: [] });
    const bodies = [
      { type: 'payment_intent.succeeded', data: { object: { id: 'pi_3Nx1234', receipt_email: 'ann@example.com', amount: 4200 } } },
      { type: 'payment_intent.succeeded', data: { object: { id: 'pi_3Nx9999', receipt_email: 'bob@example.com', amount: 1500 } } },
      { type: 'charge.refunded', items: [{ sku: 'A-1', note: 'Order for Ann@Example.com' }] },
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const { body: answer } = await sy.api.hook(workflow.trigger.token, body);
      ids.push(answer.runId);
      await sy.api.waitForRun(answer.runId);
    }
    const search = async (q: string) => sy.api.request('GET', `/api/workflows/${workflow.id}/runs?q=${encodeURIComponent(q)}`);

    // A plain value, anywhere in the body, whatever its case: the e-mail is in two requests.
    expect((await search('ann@example.com')).body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[0]]);
    expect((await search('pi_3Nx9999')).body.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    expect((await search('4200')).body.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect((await search('carol@example.com')).body.items).toEqual([]);
    // Across workflows too.
    expect((await sy.api.request('GET', `/api/runs?q=${encodeURIComponent('bob@example.com')}`)).body.items[0].id).toBe(ids[1]);

    // The path "Copy path" puts on the clipboard, with an exact value.
    const copied = await search('trigger.body.data.object.receipt_email = "ann@example.com"');
    expect(copied.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect((await search('trigger.body.items[0].sku = "A-1"')).body.items.map((r: { id: string }) => r.id)).toEqual([ids[2]]);

    const bad = await search('trigger.body.data.object.receipt_email');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: 'validation_failed',
      message: expect.stringMatching(/^The search is not understood: add = and the value/),
      details: [
        {
          path: 'q',
          message: 'add = and the value to look for after the field, e.g. trigger.body.data.object.receipt_email = "ann@example.com"',
        },
      ],
    });

    // Scans priced out: the plain-value search walks the words index.
    await sy.db.query('SET enable_seqscan = off');
    const plan = await sy.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM inbound_requests req
        WHERE jsonb_to_tsvector('simple'::regconfig, req.body_json, '["string", "numeric"]'::jsonb) @@ phraseto_tsquery('simple'::regconfig, 'ann@example.com')`,
    );
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on idx_inbound_requests_body_words/);
  });
});
