import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Server } from 'oauth2-mock-server';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OWNER, waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

const MASTER = randomBytes(32).toString('base64');
const CLIENT_SECRET = 'gitlab-client-secret-value-31337';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });
}

/**
 * A self-managed "GitLab" on loopback: its /oauth endpoints are a real OAuth 2 server
 * (oauth2-mock-server, PKCE checked), its /api/v4 answers the documented shapes to the tokens that
 * server issued, and refuses the others with 401.
 */
async function startGitLab(oauth: OAuth2Server) {
  const issued = new Set<string>();
  const revoked = new Set<string>();
  const requests: Array<{ method: string; path: string; auth?: string; body: string }> = [];
  const tokenGrants: string[] = [];
  oauth.service.on('beforeResponse', (response: { body: Record<string, unknown>; statusCode: number }) => {
    if (typeof response.body.access_token === 'string') issued.add(response.body.access_token);
  });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/oauth/authorize') {
      res.writeHead(302, { location: `${oauth.issuer.url}/authorize${url.search}` });
      return res.end();
    }
    if (url.pathname === '/oauth/token') {
      tokenGrants.push(new URLSearchParams(body).get('grant_type') ?? '');
      const answer = await fetch(`${oauth.issuer.url}/token`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body,
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      return res.end(await answer.text());
    }
    const auth = req.headers.authorization;
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, auth, body });
    const token = auth?.replace(/^Bearer /, '') ?? '';
    if (!issued.has(token) || revoked.has(token)) return send(401, { message: '401 Unauthorized' });
    if (url.pathname === '/api/v4/user') return send(200, { id: 1, username: 'ada', email: 'ada@example.com' });
    if (url.pathname === '/api/v4/projects') {
      const page = url.searchParams.get('page') || '1';
      return page === '1'
        ? send(200, [{ id: 4, path_with_namespace: 'shop/web' }], { 'x-next-page': '2' })
        : send(200, [{ id: 5, path_with_namespace: 'shop/api' }], { 'x-next-page': '' });
    }
    if (url.pathname === '/api/v4/projects/4/issues' && req.method === 'POST') {
      const sent = JSON.parse(body) as { title: string };
      return send(201, { id: 84, iid: 14, project_id: 4, title: sent.title, web_url: 'http://gitlab.local/shop/web/issues/14' });
    }
    return send(404, { message: '404 Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    tokenGrants,
    revoke: (token: string) => revoked.add(token),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SMTP server on loopback that keeps what it is sent (the owners' alerts). */
async function startMailbox() {
  const mails: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r\n/g, '') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('app connections: OAuth 2 sign-in against a real authorization server', () => {
  const oauth = new OAuth2Server();
  let gitlab: Awaited<ReturnType<typeof startGitLab>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;

  beforeAll(async () => {
    await oauth.issuer.keys.generate('RS256');
    await oauth.start(0, '127.0.0.1');
    gitlab = await startGitLab(oauth);
    mailbox = await startMailbox();
  });
  afterAll(async () => {
    await gitlab?.close();
    await oauth.stop();
    await mailbox?.close();
  });

  const sy = useSwitchyard({
    env: () => ({
      SWITCHYARD_SECRET_KEY: MASTER,
      SWITCHYARD_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}?security=none`,
      SWITCHYARD_SMTP_FROM: 'Switchyard <alerts@switchyard.test>',
    }),
  });
  const alertRows = async (id: string) =>
    sy.db.query<{ after: { reason: string; alert: { to: string[]; messageId?: string } } }>(
      `SELECT after FROM audit_events WHERE target_id = $1 AND action = 'connection.needs_reconnecting' ORDER BY at`,
      [id],
    );

  /** What a browser does: follow the consent redirects to Switchyard's callback (the mock server consents at once). */
  async function signIn(start: Record<string, unknown>) {
    const res = await sy.api.request('POST', '/api/connections/oauth/start', start);
    expect(res.status).toBe(201);
    const { authorizeUrl, redirectUrl, connectionId } = res.body as { authorizeUrl: string; redirectUrl: string; connectionId: string };
    expect(redirectUrl).toMatch(/\/api\/connections\/oauth\/callback$/);
    const consent = new URL(authorizeUrl);
    expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consent.searchParams.get('redirect_uri')).toBe(redirectUrl);
    let location = authorizeUrl;
    for (let hop = 0; hop < 5 && !location.startsWith(redirectUrl); hop++) {
      const answer = await fetch(location, { redirect: 'manual' });
      location = new URL(answer.headers.get('location') ?? '', location).toString();
    }
    expect(location.startsWith(redirectUrl)).toBe(true);
    const callback = new URL(location);
    const page = await fetch(`${sy.url}${callback.pathname}${callback.search}`);
    return { connectionId, page: { status: page.status, text: await page.text() } };
  }

  const connection = async (id: string) => {
    const list = await sy.api.request('GET', '/api/connections');
    return (list.body.items as Array<Record<string, unknown>>).find((c) => c.id === id)!;
  };
  const createIssueRun = async (connectionId: string) => {
    const created = await sy.api.createWorkflow({
      name: `GitLab ${randomBytes(4).toString('hex')}`,
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'issue',
          type: 'app',
          app: 'gitlab',
          action: 'create-issue',
          connectionId,
          input: { project: '4', title: 'Order {{ trigger.body.id }}' },
        },
      ],
    });
    const hook = await sy.api.hook(created.trigger.token, { id: 'A-17' });
    expect(hook.status).toBe(202);
    await sy.api.waitForRun(hook.body.runId);
    return (await sy.api.request('GET', `/api/runs/${hook.body.runId}`)).body as {
      status: string;
      steps: Array<{ output: unknown; error: { code: string; message: string } | null }>;
    };
  };

  let connectionId = '';

  it('connects: consent, code exchange with PKCE, tokens stored sealed, the account named', async () => {
    const before = gitlab.tokenGrants.length;
    const signedIn = await signIn({
      name: 'Our GitLab',
      app: 'gitlab',
      clientId: 'switchyard',
      clientSecret: CLIENT_SECRET,
      data: { instanceUrl: gitlab.url },
    });
    expect(signedIn.page.status).toBe(200);
    expect(signedIn.page.text).toContain('Signed in as ada &#60;ada@example.com&#62;');
    expect(gitlab.tokenGrants.slice(before)).toEqual(['authorization_code']);
    connectionId = signedIn.connectionId;
    const saved = await connection(connectionId);
    expect(saved).toMatchObject({
      name: 'Our GitLab',
      app: 'gitlab',
      authKind: 'oauth2',
      status: 'active',
      account: 'ada <ada@example.com>',
      public: { instanceUrl: gitlab.url, clientId: 'switchyard' },
    });
    expect(saved.expiresAt).not.toBeNull();
    expect(Object.keys(saved.hints as object).sort()).toEqual(['access_token', 'clientSecret', 'refresh_token']);
    const text = JSON.stringify(await sy.api.request('GET', '/api/connections'));
    expect(text).not.toContain(CLIENT_SECRET);
    const rows = await sy.db.query<{ ciphertext: Buffer }>(`SELECT ciphertext FROM connections WHERE id = $1`, [connectionId]);
    expect(rows[0].ciphertext.toString('latin1')).not.toContain(CLIENT_SECRET);
  });

  it('a used or unknown state is refused', async () => {
    const page = await fetch(`${sy.url}/api/connections/oauth/callback?code=x&state=not-a-state`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('expired or was already used');
  });

  it('runs an action through the connection, with the token, and masks it in the run', async () => {
    const run = await createIssueRun(connectionId);
    expect(run.status).toBe('succeeded');
    expect(run.steps[0].output).toEqual({ iid: 14, id: 84, url: 'http://gitlab.local/shop/web/issues/14' });
    const sent = gitlab.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/api/v4/projects/4/issues' });
    expect(JSON.parse(sent.body)).toEqual({ title: 'Order A-17' });
    expect(JSON.stringify(run)).not.toContain(sent.auth!.replace('Bearer ', ''));
    expect((await connection(connectionId)).lastUsedAt).not.toBeNull();
  });

  it('dry runs and rehearsals resolve the connection offline: nothing sent, no refresh, the token masked', async () => {
    await sy.db.query(`UPDATE connections SET expires_at = now() WHERE id = $1`, [connectionId]);
    const { lastUsedAt } = await connection(connectionId);
    const sentBefore = gitlab.requests.length;
    const grantsBefore = gitlab.tokenGrants.length;
    const token = gitlab.requests.at(-1)!.auth!.replace('Bearer ', '');
    const step = {
      id: 'issue',
      type: 'app',
      app: 'gitlab',
      action: 'create-issue',
      connectionId,
      input: { project: '4', title: 'Order {{ trigger.body.id }}' },
    };
    const tested = await sy.api.request('POST', '/api/test/step', {
      step,
      context: { trigger: { body: { id: 'DRY-1' } }, steps: {} },
      dryRun: true,
    });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ dryRun: true, status: 'succeeded' });
    expect(tested.body.error ?? null).toBeNull();
    const wouldSend = tested.body.wouldSend as Array<{ stepId: string; detail: { requests: Array<Record<string, any>> } }>;
    expect(wouldSend).toHaveLength(1);
    expect(wouldSend[0].detail.requests[0]).toMatchObject({ method: 'POST', url: `${gitlab.url}/api/v4/projects/4/issues` });
    expect(JSON.stringify(wouldSend[0].detail.requests[0])).toContain('Order DRY-1');
    expect(JSON.stringify(tested.body)).not.toContain(token);

    const workflowDry = await sy.api.request('POST', '/api/test/workflow', {
      trigger: { type: 'webhook' },
      steps: [step],
      sample: { body: { id: 'DRY-2' } },
      dryRun: true,
    });
    expect(workflowDry.body).toMatchObject({ dryRun: true, status: 'succeeded' });
    expect(JSON.stringify(workflowDry.body)).not.toContain(token);

    const created = await sy.api.createWorkflow({ name: 'GitLab rehearsed', trigger: { type: 'webhook' }, steps: [step] });
    // An accepted request to rehearse on; the run itself needs no fresh token (its failure does not matter here).
    await sy.db.query(`UPDATE connections SET expires_at = now() + interval '1 hour' WHERE id = $1`, [connectionId]);
    await sy.api.waitForRun((await sy.api.hook(created.trigger.token, { id: 'R-1' })).body.runId);
    await sy.db.query(`UPDATE connections SET expires_at = now(), last_used_at = NULL WHERE id = $1`, [connectionId]);
    const sentBeforeRehearsal = gitlab.requests.length;
    const draft = (await sy.api.request('GET', `/api/workflows/${created.id}/draft`)).body;
    const steps = draft.steps.map((s: any) => ({ ...s, input: { ...s.input, title: 'Rehearsed {{ trigger.body.id }}' } }));
    await sy.api.request('PUT', `/api/workflows/${created.id}/draft`, { revision: draft.revision, trigger: draft.trigger, steps });
    const started = await sy.api.request('POST', `/api/workflows/${created.id}/rehearsals`, { count: 1 });
    expect(started.status).toBe(202);
    let done: any;
    for (let i = 0; i < 100 && (!done || done.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      done = (await sy.api.request('GET', `/api/workflows/${created.id}/rehearsals/${started.body.id}`)).body;
    }
    expect(done).toMatchObject({ status: 'done', completed: 1, summaryText: '0 same, 1 differs, 0 new failures' });
    expect(done.items[0].steps.every((s: any) => s.statusBefore === 'succeeded' && s.statusAfter === 'succeeded')).toBe(true);
    expect(done.items[0].sends[0]).toMatchObject({ stepId: 'issue', change: 'changed' });
    expect(JSON.stringify(done)).not.toContain(token);
    expect(gitlab.requests.length).toBe(sentBeforeRehearsal);
    expect(gitlab.requests.length - sentBefore).toBe(1);
    expect(gitlab.tokenGrants.length).toBe(grantsBefore);
    expect((await connection(connectionId)).lastUsedAt).toBeNull();
    await sy.db.query(`UPDATE connections SET last_used_at = $2 WHERE id = $1`, [connectionId, lastUsedAt]);
  });

  it('tests the connection and reads live lists page after page', async () => {
    const tested = await sy.api.request('POST', `/api/connections/${connectionId}/test`);
    expect(tested.body).toEqual({ ok: true, account: 'ada <ada@example.com>' });
    const options = await sy.api.request('POST', '/api/apps/options', {
      app: 'gitlab',
      action: 'create-issue',
      field: 'project',
      connectionId,
    });
    expect(options.status).toBe(200);
    expect(options.body).toEqual({
      items: [
        { label: 'shop/web', value: '4' },
        { label: 'shop/api', value: '5' },
      ],
      truncated: false,
    });
    const searched = await sy.api.request('POST', '/api/apps/options', {
      app: 'gitlab',
      action: 'create-issue',
      field: 'project',
      connectionId,
      search: 'API',
    });
    expect(searched.body.items).toEqual([{ label: 'shop/api', value: '5' }]);
    const bad = await sy.api.request('POST', '/api/apps/options', { app: 'gitlab', action: 'create-issue', field: 'title', connectionId });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'field', message: 'title is not a dynamic-choice field of Create an issue' }]);
  });

  it('refreshes an expiring token once, even for concurrent calls (row lock)', async () => {
    await sy.db.query(`UPDATE connections SET expires_at = now() WHERE id = $1`, [connectionId]);
    const before = gitlab.tokenGrants.length;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        sy.api.request('POST', '/api/apps/options', { app: 'gitlab', action: 'create-issue', field: 'project', connectionId }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(gitlab.tokenGrants.slice(before)).toEqual(['refresh_token']);
    const after = await connection(connectionId);
    expect(new Date(after.expiresAt as string).getTime()).toBeGreaterThan(Date.now() + 60_000);
  });

  it('a revoked refresh token marks the connection "needs reconnecting" and the run says why', async () => {
    oauth.service.once('beforeResponse', (response: { body: Record<string, unknown>; statusCode: number }) => {
      response.body = { error: 'invalid_grant', error_description: 'The refresh token was revoked' };
      response.statusCode = 400;
    });
    await sy.db.query(`UPDATE connections SET expires_at = now() WHERE id = $1`, [connectionId]);
    const run = await createIssueRun(connectionId);
    expect(run.status).toBe('failed');
    expect(run.steps[0].error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
    expect(run.steps[0].error!.message).toContain('needs reconnecting');
    expect(run.steps[0].error!.message).toContain('invalid_grant');
    expect(await connection(connectionId)).toMatchObject({ status: 'needs-reconnecting' });
    const options = await sy.api.request('POST', '/api/apps/options', {
      app: 'gitlab',
      action: 'create-issue',
      field: 'project',
      connectionId,
    });
    expect(options.status).toBe(409);
    expect(options.body.error.code).toBe('connection_needs_reconnecting');
  });

  it('reconnects the same connection, which works again', async () => {
    const signedIn = await signIn({
      name: 'Our GitLab',
      app: 'gitlab',
      clientId: 'switchyard',
      data: { instanceUrl: gitlab.url },
      connectionId,
    });
    expect(signedIn.connectionId).toBe(connectionId);
    expect(signedIn.page.status).toBe(200);
    expect(await connection(connectionId)).toMatchObject({ status: 'active', error: null });
    expect((await createIssueRun(connectionId)).status).toBe('succeeded');
  });

  it('a failed refresh alerts the owners once for many concurrent runs, with an audit row; reconnecting clears it', async () => {
    const mailsBefore = mailbox.mails.length;
    const auditBefore = (await alertRows(connectionId)).length;
    const grantsBefore = gitlab.tokenGrants.length;
    oauth.service.on('beforeResponse', function revoke(response: { body: Record<string, unknown>; statusCode: number }) {
      if (response.body.access_token === undefined && response.statusCode !== 200) return;
      oauth.service.off('beforeResponse', revoke);
      response.body = { error: 'invalid_grant', error_description: 'The refresh token was revoked' };
      response.statusCode = 400;
    });
    await sy.db.query(`UPDATE connections SET expires_at = now() WHERE id = $1`, [connectionId]);
    const runs = await Promise.all(Array.from({ length: 4 }, () => createIssueRun(connectionId)));
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    for (const run of runs) {
      expect(run.steps[0].error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
      expect(run.steps[0].error!.message).toContain('the GitLab connection "Our GitLab" needs reconnecting');
      expect(run.steps[0].error!.message).toContain('reconnect it on the Connections page');
    }
    expect(gitlab.tokenGrants.slice(grantsBefore)).toEqual(['refresh_token']);
    await waitFor('the alert mail', async () => mailbox.mails.length > mailsBefore || undefined, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const mails = mailbox.mails.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([TEST_OWNER.email]);
    expect(mails[0].raw).toMatch(/^Subject: .*needs_reconnecting/m);
    expect(mails[0].raw).toContain('The GitLab connection "Our GitLab" (ada <ada@example.com>) stopped working');
    expect(mails[0].raw).toContain('invalid_grant');
    expect(mails[0].raw).toContain('/connections');
    const audit = await alertRows(connectionId);
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)!.after.reason).toContain('invalid_grant');
    expect(audit.at(-1)!.after.alert).toMatchObject({ to: [TEST_OWNER.email] });

    const signedIn = await signIn({
      name: 'Our GitLab',
      app: 'gitlab',
      clientId: 'switchyard',
      data: { instanceUrl: gitlab.url },
      connectionId,
    });
    expect(signedIn.page.status).toBe(200);
    expect(await connection(connectionId)).toMatchObject({ status: 'active', error: null });
    expect((await createIssueRun(connectionId)).status).toBe('succeeded');
    expect(mailbox.mails).toHaveLength(mailsBefore + 1);
  });

  it('a 401 from the app marks the connection and fails the step without retrying', async () => {
    const last = gitlab.requests.at(-1)!;
    gitlab.revoke(last.auth!.replace('Bearer ', ''));
    const run = await createIssueRun(connectionId);
    expect(run.status).toBe('failed');
    expect(run.steps[0].error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
    expect(run.steps[0].error!.message).toContain('GitLab refused the connection (HTTP 401: 401 Unauthorized)');
    expect(await connection(connectionId)).toMatchObject({ status: 'needs-reconnecting' });
    const tested = await sy.api.request('POST', `/api/connections/${connectionId}/test`);
    expect(tested.body.ok).toBe(false);
  });

  it('a 401 alerts the owners once more (a new episode after the reconnect) and the step names the connection', async () => {
    const audit = await alertRows(connectionId);
    expect(audit.at(-1)!.after.reason).toContain('GitLab refused the connection (HTTP 401');
    const run = await createIssueRun(connectionId);
    expect(run.steps[0].error!.message).toContain('the GitLab connection "Our GitLab" needs reconnecting');
    expect((await alertRows(connectionId)).length).toBe(audit.length);
    await waitFor('the 401 alert mail', async () => mailbox.mails.some((m) => m.raw.includes('HTTP 401')) || undefined, 10_000);
  });

  it('lists the workflows using a connection, renames it, and refuses to delete it while steps use it', async () => {
    const used = (await connection(connectionId)).usedBy as Array<{ id: string; name: string; steps: number }>;
    expect(used.length).toBeGreaterThan(1);
    expect(used.every((w) => w.steps === 1)).toBe(true);
    expect(used.map((w) => w.name)).toContain('GitLab rehearsed');

    const renamed = await sy.api.request('PATCH', `/api/connections/${connectionId}`, { name: 'GitLab (shop)' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: connectionId, name: 'GitLab (shop)' });
    const empty = await sy.api.request('PATCH', `/api/connections/${connectionId}`, { name: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ path: 'name', message: 'must not be empty' }]);

    const refused = await sy.api.request('DELETE', `/api/connections/${connectionId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('connection_in_use');
    expect(refused.body.error.message).toContain(`is used by ${used.length} steps in ${used.length} workflows`);
    expect(refused.body.error.message).toContain('GitLab rehearsed');
    expect(refused.body.error.workflows).toHaveLength(used.length);

    for (const w of used) expect((await sy.api.request('DELETE', `/api/workflows/${w.id}`)).status).toBe(204);
    expect((await sy.api.request('DELETE', `/api/connections/${connectionId}`)).status).toBe(204);
    expect(await connection(connectionId)).toBeUndefined();
    const audit = await sy.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE target_id = $1 AND target_type = 'connection' ORDER BY at`,
      [connectionId],
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['connection.renamed', 'connection.deleted']));
  });

  it('refuses bad connection requests with the field named', async () => {
    const oauthApp = await sy.api.request('POST', '/api/connections', { name: 'x', app: 'gitlab', data: {} });
    expect(oauthApp.status).toBe(400);
    expect(oauthApp.body.error.details).toEqual([{ path: 'app', message: 'use POST /api/connections/oauth/start' }]);
    const missing = await sy.api.request('POST', '/api/connections/oauth/start', { name: 'y', app: 'gitlab', clientId: 'c', data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'data.instanceUrl', message: 'is required (GitLab URL)' }]);
    const unknown = await sy.api.request('POST', '/api/connections/oauth/start', { name: 'y', app: 'nope', clientId: 'c' });
    expect(unknown.body.error.details).toEqual([{ path: 'app', message: 'there is no app nope' }]);
  });
});
