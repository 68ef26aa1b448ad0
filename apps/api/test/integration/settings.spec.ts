import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

/** Stored settings (issue 14): the public base URL and a workspace's private hosts, effective in every process without a restart. */
describe('settings in the database', () => {
  // No environment allow-list: the sink on 127.0.0.1 is refused until the workspace allows it.
  const sy = useSwitchyard({ env: { SWITCHYARD_EGRESS_ALLOW: '' } });

  const httpStep = (url: string) => ({ id: 'post', type: 'http', method: 'POST', url, body: '{"hello": trigger.body.name}' });

  it('falls back to the environment, stores a public base URL that trigger URLs use at once, and audits it', async () => {
    const first = await sy.api.request('GET', '/api/settings/instance');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ publicUrl: null, canEdit: true, updatedAt: null });
    expect(first.body.effectivePublicUrl).toBe(first.body.environmentPublicUrl);
    expect(first.body.environmentPublicUrl).toMatch(/^http:\/\/localhost:\d+$/);

    const saved = await sy.api.request('PUT', '/api/settings/instance', { publicUrl: 'https://hooks.example.com/' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ publicUrl: 'https://hooks.example.com', effectivePublicUrl: 'https://hooks.example.com' });
    const wf = await sy.api.createWorkflow({ name: 'Public', trigger: { type: 'webhook' }, steps: [] });
    expect(wf.trigger.url).toBe(`https://hooks.example.com/hooks/${wf.trigger.token}`);

    // A second api process on the same database shows the stored base too.
    const second = await sy.start({ role: 'all', env: { SWITCHYARD_EGRESS_ALLOW: '' } });
    const other = new ApiClient(second.instance.url as string);
    expect((await other.request('GET', `/api/workflows/${wf.id}`)).body.trigger.url).toBe(
      `https://hooks.example.com/hooks/${wf.trigger.token}`,
    );

    const bad = await sy.api.request('PUT', '/api/settings/instance', { publicUrl: 'ftp://nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('publicUrl');

    const reset = await sy.api.request('PUT', '/api/settings/instance', { publicUrl: null });
    expect(reset.body.publicUrl).toBeNull();
    expect((await sy.api.request('GET', `/api/workflows/${wf.id}`)).body.trigger.url).toBe(
      `${first.body.environmentPublicUrl}/hooks/${wf.trigger.token}`,
    );

    const audit = await sy.api.request('GET', '/api/audit?limit=50');
    const entries = audit.body.items.filter((e: { action: string }) => e.action === 'settings.instance-updated');
    expect(entries).toHaveLength(2);
    expect(entries[1].after).toEqual({ publicUrl: 'https://hooks.example.com' });
  });

  it('lets an admin allow a private range: checks and HTTP steps pass at once, in every process, and the change is audited', async () => {
    const target = `${sy.sink.url}/settings-check`;
    const refused = await sy.api.request('POST', '/api/settings/egress/check', { url: target });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ allowed: false, host: '127.0.0.1', allowedBy: null });
    expect(refused.body.reason).toContain('loopback');

    const before = await sy.api.request('POST', '/api/test/step', {
      step: httpStep(target),
      context: { trigger: { body: { name: 'a' } } },
    });
    expect(before.body.status).toBe('failed');
    expect(before.body.error.code).toBe('EGRESS_BLOCKED');

    // A second process starts before the change: it must pick it up without a restart.
    const second = await sy.start({ role: 'all', env: { SWITCHYARD_EGRESS_ALLOW: '' } });
    const other = new ApiClient(second.instance.url as string);
    expect((await other.request('POST', '/api/settings/egress/check', { url: target })).body.allowed).toBe(false);

    const saved = await sy.api.request('PUT', '/api/settings/workspace', { egressAllow: ['127.0.0.0/8', ' 127.0.0.0/8 '] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ egressAllow: ['127.0.0.0/8'], environmentEgressAllow: [] });

    const allowed = await sy.api.request('POST', '/api/settings/egress/check', { url: target });
    expect(allowed.body).toMatchObject({ allowed: true, reason: null, allowedBy: 'workspace' });
    const after = await sy.api.request('POST', '/api/test/step', { step: httpStep(target), context: { trigger: { body: { name: 'a' } } } });
    expect(after.body.status).toBe('succeeded');

    const deadline = Date.now() + 10_000;
    let seen = false;
    while (!seen && Date.now() < deadline) {
      seen = (await other.request('POST', '/api/settings/egress/check', { url: target })).body.allowed === true;
      if (!seen) await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen).toBe(true);
    const sent = sy.sink.requests.length;
    const viaOther = await other.request('POST', '/api/test/step', {
      step: httpStep(target),
      context: { trigger: { body: { name: 'b' } } },
    });
    expect(viaOther.body.status).toBe('succeeded');
    expect(sy.sink.requests.length).toBe(sent + 1);
    expect(sy.sink.requests.at(-1)?.body).toBe('{"hello":"b"}');

    // A real run through the trigger URL reaches the sink too.
    const wf = await sy.api.createWorkflow({ name: 'To the LAN', trigger: { type: 'webhook' }, steps: [httpStep(target)] });
    const hook = await sy.api.hook(wf.trigger.token, { name: 'run' });
    const run = await sy.api.waitForRun(hook.body.runId);
    expect(run.status).toBe('succeeded');

    const audit = await sy.api.request('GET', '/api/audit?limit=50');
    const entry = audit.body.items.find((e: { action: string }) => e.action === 'settings.workspace-updated');
    expect(entry.before).toEqual({ egressAllow: [] });
    expect(entry.after).toEqual({ egressAllow: ['127.0.0.0/8'] });
  }, 60_000);

  it('names the bad entry and the reason', async () => {
    const bad = await sy.api.request('PUT', '/api/settings/workspace', { egressAllow: ['10.0.0.0/8', '10.0.0.0/99'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'egressAllow[1]', message: expect.stringContaining('not a valid CIDR range') }]);
    const garbage = await sy.api.request('PUT', '/api/settings/workspace', { egressAllow: ['http://x y'] });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details[0].path).toBe('egressAllow[0]');
    const url = await sy.api.request('POST', '/api/settings/egress/check', { url: 'not a url' });
    expect(url.body).toMatchObject({ allowed: false, reason: '"not a url" is not a valid URL' });
  });
});
