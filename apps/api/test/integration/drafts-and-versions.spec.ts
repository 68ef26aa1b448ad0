import type { QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Drafts1795520000000 } from '../../src/database/migrations/1795520000000-drafts';
import { waitFor } from '../support/client';
import { mapFilterHttp } from '../support/workflows';
import { useSwitchyard } from '../support/use-switchyard';

/** Issue 16: drafts, publish, versions, diff, restore, rehearsals; issue 19.2: dry runs. */
describe('drafts, published versions and rehearsals', () => {
  const sy = useSwitchyard();

  async function draftOf(id: string) {
    const res = await sy.api.request('GET', `/api/workflows/${id}/draft`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('keeps running the published version while the draft is edited, then publishes it in one step', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const draft = await draftOf(workflow.id);
    expect(draft).toMatchObject({ revision: 1, hasChanges: false, publishedVersion: 1, basedOnVersion: 1, issues: [] });

    const steps = draft.steps.map((s: any) =>
      s.id === 'send' ? { ...s, headers: { 'x-order': '{{ steps.shape.order }}', 'x-draft': 'yes' } } : s,
    );
    const saved = await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, { revision: 1, trigger: draft.trigger, steps });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, hasChanges: true, publishedVersion: 1 });

    const { runId } = (await sy.api.hook(workflow.trigger.token, { id: 'OLD', amount: 9 })).body;
    const run = await sy.api.waitForRun(runId);
    expect(run).toMatchObject({ status: 'succeeded', version: 1 });
    expect(sy.sink.requests.find((r) => r.url === '/orders/OLD')?.headers['x-draft']).toBeUndefined();

    const published = await sy.api.request('POST', `/api/workflows/${workflow.id}/publish`, {
      message: 'Tag orders from the draft',
      revision: 2,
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2 });
    const second = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id: 'NEW', amount: 9 })).body.runId);
    expect(second).toMatchObject({ status: 'succeeded', version: 2, versionId: published.body.versionId });
    expect(sy.sink.requests.find((r) => r.url === '/orders/NEW')?.headers['x-draft']).toBe('yes');

    const versions = await sy.api.request('GET', `/api/workflows/${workflow.id}/versions`);
    expect(versions.body.items.map((v: any) => [v.version, v.message, v.live])).toEqual([
      [2, 'Tag orders from the draft', true],
      [1, null, false],
    ]);
    expect(versions.body.items[0].publishedBy).toMatch(/API key/);
    expect((await draftOf(workflow.id)).hasChanges).toBe(false);

    const audit = await sy.db.query(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id`, [workflow.id]);
    expect(audit.map((a: any) => a.action)).toContain('workflow.published');
  });

  it('refuses a stale save with 409 and a clear message, and publishes only a valid draft with changes', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const draft = await draftOf(workflow.id);
    const first = await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, {
      revision: 1,
      trigger: draft.trigger,
      steps: draft.steps.slice(0, 2),
    });
    expect(first.status).toBe(200);
    const stale = await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, {
      revision: 1,
      trigger: draft.trigger,
      steps: draft.steps,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'draft_conflict', revision: 2 });
    expect(stale.body.error.message).toMatch(/changed elsewhere since you loaded it .*revision 1.* now at 2/);

    const broken = await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, {
      revision: 2,
      trigger: draft.trigger,
      steps: [{ id: 'bad', type: 'map', expression: '{' }],
    });
    expect(broken.status).toBe(200);
    expect(broken.body.issues[0].path).toBe('steps[0].expression');
    const refused = await sy.api.request('POST', `/api/workflows/${workflow.id}/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/cannot be published until it is valid: steps\[0\]\.expression/);

    const discarded = await sy.api.request('DELETE', `/api/workflows/${workflow.id}/draft`);
    expect(discarded.body).toMatchObject({ revision: 4, hasChanges: false });
    const nothing = await sy.api.request('POST', `/api/workflows/${workflow.id}/publish`, {});
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.code).toBe('nothing_to_publish');
  });

  it('diffs versions step by step, restores one as the draft, and leaves secrets alone', async () => {
    const workflow = await sy.api.createWorkflow({
      ...mapFilterHttp(sy.sink.url),
      trigger: { type: 'webhook', verify: { scheme: 'header-token', header: 'x-token', secrets: ['first-secret-value'] } },
    });
    const v1 = workflow.versionId;
    const draft = await draftOf(workflow.id);
    const steps = draft.steps.map((s: any) => (s.id === 'big' ? { ...s, condition: 'steps.shape.total > 100' } : s));
    await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, { revision: draft.revision, trigger: draft.trigger, steps });
    const toDraft = await sy.api.request('GET', `/api/workflows/${workflow.id}/diff?from=${v1}&to=draft`);
    expect(toDraft.status).toBe(200);
    expect(toDraft.body).toMatchObject({ from: { label: 'Version 1 (live)' }, to: { label: 'Draft' }, same: false });
    expect(toDraft.body.changes).toEqual([
      expect.objectContaining({
        target: 'big',
        change: 'changed',
        summary: 'Step "big" (filter): condition changed',
        fields: [{ path: 'condition', before: 'steps.shape.total > 10', after: 'steps.shape.total > 100' }],
      }),
    ]);
    const v2 = (await sy.api.request('POST', `/api/workflows/${workflow.id}/publish`, { message: 'Only big orders' })).body.versionId;
    const between = await sy.api.request('GET', `/api/workflows/${workflow.id}/diff?from=${v1}&to=${v2}`);
    expect(between.body.changes.map((c: any) => c.summary)).toEqual(['Step "big" (filter): condition changed']);
    expect(JSON.stringify(between.body)).not.toContain('first-secret-value');
    expect((await sy.api.request('GET', `/api/workflows/${workflow.id}/diff?from=v1&to=draft`)).status).toBe(400);

    const restored = await sy.api.request('POST', `/api/workflows/${workflow.id}/versions/${v1}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ basedOnVersion: 1, hasChanges: true, publishedVersion: 2 });
    expect(restored.body.steps.find((s: any) => s.id === 'big').condition).toBe('steps.shape.total > 10');
    expect(restored.body.trigger.verify.secretHints).toHaveLength(1);
    // The restored draft did not touch the live trigger's secret: a request without it is still refused.
    expect((await sy.api.hook(workflow.trigger.token, { id: 'x', amount: 1 })).status).toBe(401);
    const audit = await sy.db.query(`SELECT action FROM audit_events WHERE target_id = $1 AND action = 'workflow.restored'`, [workflow.id]);
    expect(audit).toHaveLength(1);
    expect((await sy.api.request('GET', `/api/workflows/${workflow.id}/versions/${v1}`)).body).toMatchObject({ version: 1, live: false });
  });

  it('rehearses the draft on recent requests: exactly the requests where one field differs, nothing sent, no run', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Rehearsed',
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'shape',
          type: 'map',
          expression: '{ "order": trigger.body.id, "amount": trigger.body.amount, "tier": trigger.body.amount > 50 ? "gold" : "basic" }',
        },
        { id: 'send', type: 'http', method: 'POST', url: `${sy.sink.url}/rehearse/{{ steps.shape.order }}`, body: 'steps.shape' },
      ],
    });
    for (const [id, amount] of [
      ['a', 60],
      ['b', 10],
      ['c', 20],
      ['d', 80],
    ] as const) {
      await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id, amount })).body.runId);
    }
    const draft = await draftOf(workflow.id);
    const steps = draft.steps.map((s: any) => (s.id === 'shape' ? { ...s, expression: s.expression.replace('"gold"', '"platinum"') } : s));
    await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, { revision: draft.revision, trigger: draft.trigger, steps });

    const sinkBefore = sy.sink.requests.length;
    const [{ n: runsBefore }] = await sy.db.query(`SELECT count(*)::int AS n FROM runs WHERE workflow_id = $1`, [workflow.id]);
    const started = await sy.api.request('POST', `/api/workflows/${workflow.id}/rehearsals`, { count: 3 });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', total: 3, completed: 0 });
    const done = await waitFor('the rehearsal', async () => {
      const res = await sy.api.request('GET', `/api/workflows/${workflow.id}/rehearsals/${started.body.id}`);
      return res.body.status !== 'running' && res.body;
    });
    expect(done).toMatchObject({ status: 'done', completed: 3, summaryText: '2 same, 1 differs, 0 new failures' });
    const differing = done.items.filter((i: any) => !i.same);
    expect(differing.map((i: any) => i.requestId)).toHaveLength(1);
    const [{ body_id: differingOrder }] = await sy.db.query(
      `SELECT convert_from(body, 'UTF8')::jsonb->>'id' AS body_id FROM inbound_requests WHERE id = $1`,
      [differing[0].requestId],
    );
    expect(differingOrder).toBe('d');
    expect(differing[0].steps).toEqual([
      {
        stepId: 'shape',
        change: 'output',
        statusBefore: 'succeeded',
        statusAfter: 'succeeded',
        fields: [{ path: 'output.tier', before: 'gold', after: 'platinum' }],
      },
    ]);
    expect(differing[0].sends[0]).toMatchObject({ stepId: 'send', change: 'changed', fields: [{ path: 'body' }] });
    expect(sy.sink.requests.length).toBe(sinkBefore);
    const [{ n: runsAfter }] = await sy.db.query(`SELECT count(*)::int AS n FROM runs WHERE workflow_id = $1`, [workflow.id]);
    expect(runsAfter).toBe(runsBefore);
    const audit = await sy.db.query(`SELECT action FROM audit_events WHERE target_id = $1 AND action = 'workflow.rehearsed'`, [
      workflow.id,
    ]);
    expect(audit).toHaveLength(1);
    expect((await sy.api.request('POST', `/api/workflows/${workflow.id}/rehearsals`, { count: 0 })).status).toBe(400);
  });

  it('a dry run of "Test workflow" and "Test this step" sends nothing and answers what would have been sent', async () => {
    const definition = mapFilterHttp(sy.sink.url);
    const before = sy.sink.requests.length;
    const dry = await sy.api.request('POST', '/api/test/workflow', {
      trigger: definition.trigger,
      steps: definition.steps,
      sample: { body: { id: 'DRY', amount: 9 } },
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(dry.body.wouldSend).toEqual([
      expect.objectContaining({
        stepId: 'send',
        kind: 'request',
        detail: expect.objectContaining({ method: 'POST', url: `${sy.sink.url}/orders/DRY` }),
      }),
    ]);
    const step = await sy.api.request('POST', '/api/test/step', {
      step: definition.steps[2],
      context: { trigger: { body: {} }, steps: { shape: { order: 'DRY2' } } },
      dryRun: true,
    });
    expect(step.body).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      wouldSend: [expect.objectContaining({ stepId: 'send', kind: 'request' })],
    });
    expect(sy.sink.requests.length).toBe(before);

    const real = await sy.api.request('POST', '/api/test/workflow', {
      trigger: definition.trigger,
      steps: definition.steps,
      sample: { body: { id: 'REAL', amount: 9 } },
    });
    expect(real.body.dryRun).toBeUndefined();
    expect(sy.sink.requests.length).toBe(before + 1);
  });

  it('keeps the outcome of the draft’s last test for the publish warning', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    await sy.api.request('POST', '/api/test/workflow', {
      steps: [{ id: 'boom', type: 'map', expression: '$error("no")' }],
      sample: { body: {} },
      dryRun: true,
      workflowId: workflow.id,
    });
    expect((await draftOf(workflow.id)).lastTest).toMatchObject({ status: 'failed' });
  });

  it('migrates existing workflows as their published version with an identical draft', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const migration = new Drafts1795520000000();
    const runner = { query: (sql: string) => sy.db.query(sql) } as unknown as QueryRunner;
    await migration.down(runner);
    await migration.up(runner);
    const draft = await draftOf(workflow.id);
    expect(draft).toMatchObject({ revision: 1, hasChanges: false, basedOnVersionId: workflow.versionId, publishedVersion: 1 });
    expect(draft.steps).toEqual(workflow.steps);
    const versions = await sy.api.request('GET', `/api/workflows/${workflow.id}/versions`);
    expect(versions.body.items).toEqual([expect.objectContaining({ version: 1, live: true, message: null, publishedBy: null })]);
  });

  it('PUT through the API still publishes at once; the draft follows unless it holds unpublished changes', async () => {
    const body = mapFilterHttp(sy.sink.url);
    const workflow = await sy.api.createWorkflow(body);
    const renamed = { ...body, steps: body.steps.map((s) => (s.id === 'big' ? { ...s, condition: 'steps.shape.total > 20' } : s)) };
    const put = await sy.api.request('PUT', `/api/workflows/${workflow.id}`, renamed);
    expect(put.body).toMatchObject({ version: 2 });
    expect(await draftOf(workflow.id)).toMatchObject({ hasChanges: false, publishedVersion: 2, basedOnVersion: 2 });

    const draft = await draftOf(workflow.id);
    const edited = draft.steps.map((s: any) => (s.id === 'big' ? { ...s, condition: 'steps.shape.total > 30' } : s));
    await sy.api.request('PUT', `/api/workflows/${workflow.id}/draft`, { revision: draft.revision, trigger: draft.trigger, steps: edited });
    const again = await sy.api.request('PUT', `/api/workflows/${workflow.id}`, body);
    expect(again.body).toMatchObject({ version: 3 });
    const kept = await draftOf(workflow.id);
    expect(kept).toMatchObject({ hasChanges: true, publishedVersion: 3 });
    expect(kept.steps.find((s: any) => s.id === 'big').condition).toBe('steps.shape.total > 30');
  });
});
