import { randomUUID } from 'node:crypto';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACTION_MIN_ROLE, listRoutes, roleAtLeast } from '@switchyard/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/accounts/tokens';
import { DEFAULT_WORKSPACE_ID } from '../../src/database/entities/workspace.entity';
import { type ApiClient, TEST_OWNER } from '../support/client';
import { SessionClient } from '../support/session-client';
import { useSwitchyard } from '../support/use-switchyard';

/**
 * For every route of the Nest app (discovered from its metadata, so a new endpoint without an entry
 * fails this test) and every kind of caller, the exact status; ids of another workspace's resources
 * answer 404, and no answer to an outsider contains the workspace's data.
 */

const EMPTY_BUNDLE = () => ({
  bundle: {
    kind: 'switchyard.bundle',
    schemaVersion: 1,
    exportedAt: new Date().toISOString(),
    exportedBy: 'test',
    workflows: [],
    credentials: [],
  },
});
const CALLERS = ['owner', 'admin', 'editor', 'viewer', 'other', 'anonymous', 'keyB'] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Record<Caller, number>;
const MEMBERS_OF_A: Caller[] = ['owner', 'admin', 'editor', 'viewer'];

/** The statuses in CALLERS order: owner, admin, editor, viewer, user of workspace B, anonymous, API key of B. */
function ex(owner: number, admin: number, editor: number, viewer: number, other: number, anonymous: number, keyB: number): Expect {
  return { owner, admin, editor, viewer, other, anonymous, keyB };
}

interface Ids {
  workflowId: string;
  runId: string;
  requestId: string;
  inviteId: string;
  inviteToken: string;
  apiKeyId: string;
  memberId: string;
  credentialId: string;
  versionId: string;
  rehearsalId: string;
  connectionId: string;
  /** The token of a hosted form (routes that make a fresh one). */
  formToken?: string;
}

interface RouteCase {
  /** Builds the URL from the ids of the workspace under test (fresh ones when `fresh` is given). */
  path: (ids: Ids) => string;
  body?: () => unknown;
  expect: Expect;
  /** Makes new targets for each call, for routes that consume them (DELETE, accept...). */
  fresh?: () => Promise<Partial<Ids>>;
  /** Extra headers per call (e.g. the workspace to delete). */
  headers?: (ids: Ids) => Promise<Record<string, string>> | Record<string, string>;
  /** False for routes whose URL names nothing of a workspace. */
  idsInUrl?: boolean;
  /** Session callers use a new session of the same user (the route ends it). */
  ownSession?: boolean;
  /** The route ends every session of the user: the shared session is signed in again afterwards. */
  endsAllSessions?: boolean;
}

const connectionStart = (name: string) => ({ name, app: 'gitlab', clientId: 'matrix-client', data: { instanceUrl: 'http://127.0.0.1:9' } });

const WF_BODY = () => ({ name: 'Renamed', trigger: { type: 'webhook' }, steps: [{ id: 'm', type: 'map', expression: 'trigger.body' }] });

describe('authorization matrix', () => {
  const sy = useSwitchyard();
  const sessions = new Map<Caller, SessionClient>();
  const emails: Record<string, string> = {};
  let keyB = '';
  let idsA: Ids;
  let idsB: Ids;
  let workspaceB = '';
  /** Strings of workspace A that an outsider must never see. */
  let secretsOfA: string[] = [];
  let secretsOfB: string[] = [];
  const results: string[] = [];

  async function insertUser(email: string, workspaceId: string, role: string): Promise<string> {
    const id = randomUUID();
    await sy.db.query(`INSERT INTO users (id, email, name, password_hash) SELECT $1, $2, $3, password_hash FROM users WHERE email = $4`, [
      id,
      email,
      email.split('@')[0],
      TEST_OWNER.email,
    ]);
    await sy.db.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)`, [workspaceId, id, role]);
    return id;
  }

  async function insertInvite(workspaceId: string): Promise<{ inviteId: string; inviteToken: string }> {
    const inviteId = randomUUID();
    const inviteToken = `tok_${randomUUID()}`;
    await sy.db.query(
      `INSERT INTO invites (id, workspace_id, token_hash, role, expires_at) VALUES ($1, $2, $3, 'viewer', now() + interval '1 day')`,
      [inviteId, workspaceId, sha256(inviteToken)],
    );
    return { inviteId, inviteToken };
  }

  async function insertKey(
    workspaceId: string,
    role: string,
    key = `sy_${randomUUID().replace(/-/g, '')}`,
  ): Promise<{ apiKeyId: string; key: string }> {
    const apiKeyId = randomUUID();
    await sy.db.query(`INSERT INTO api_keys (id, workspace_id, name, prefix, key_hash, role) VALUES ($1, $2, $3, $4, $5, $6)`, [
      apiKeyId,
      workspaceId,
      `key ${apiKeyId.slice(0, 4)}`,
      key.slice(0, 10),
      sha256(key),
      role,
    ]);
    return { apiKeyId, key };
  }

  /** A workflow with one succeeded run (step `m`) of one stored request, through the real trigger URL. */
  async function workflowWithRun(
    client: ApiClient,
    name: string,
  ): Promise<{ workflowId: string; runId: string; requestId: string; token: string }> {
    const wf = await client.createWorkflow({
      name,
      trigger: { type: 'webhook' },
      steps: [
        { id: 'm', type: 'map', expression: 'trigger.body' },
        { id: 'each', type: 'loop', items: '[1, 2]', steps: [{ id: 'double', type: 'map', expression: '$item * 2' }] },
      ],
    });
    const hook = await client.hook(wf.trigger.token, { secret: `${name} payload` });
    const run = await client.waitForRun(hook.body.runId);
    return {
      workflowId: wf.id,
      runId: run.id,
      requestId: run.requestId ?? run.trigger.requestId ?? run.request?.id,
      token: wf.trigger.token,
    };
  }

  /** The published version of a workflow and a rehearsal of its draft. */
  async function versionAndRehearsal(client: ApiClient, workflowId: string): Promise<{ versionId: string; rehearsalId: string }> {
    const workflow = await client.request('GET', `/api/workflows/${workflowId}`);
    const rehearsal = await client.request('POST', `/api/workflows/${workflowId}/rehearsals`, { count: 1 });
    return { versionId: workflow.body.versionId, rehearsalId: rehearsal.body.id };
  }

  async function send(
    caller: Caller,
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    session?: SessionClient,
  ) {
    const client = session ?? sessions.get(caller);
    const h: Record<string, string> = { ...headers };
    if (caller === 'keyB') h.authorization = `Bearer ${keyB}`;
    if (client && client.cookies.size > 0) {
      h.cookie = client.cookieHeader();
      if (method !== 'GET') h['x-csrf-token'] = client.cookies.get('sy_csrf') as string;
    }
    if (body !== undefined) h['content-type'] = 'application/json';
    const controller = new AbortController();
    const res = await fetch(`${sy.url}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      // Single sign-on answers are redirects: their status is the answer.
      redirect: 'manual',
    });
    // A live event stream never ends: its status and headers are the answer.
    if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      controller.abort();
      return { status: res.status, text: '' };
    }
    return { status: res.status, text: await res.text() };
  }

  beforeAll(async () => {
    workspaceB = randomUUID();
    await sy.db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Workspace B')`, [workspaceB]);
    emails.admin = 'admin@a.test';
    emails.editor = 'editor@a.test';
    emails.viewer = 'viewer@a.test';
    emails.other = 'other@b.test';
    await insertUser(emails.admin, DEFAULT_WORKSPACE_ID, 'admin');
    await insertUser(emails.editor, DEFAULT_WORKSPACE_ID, 'editor');
    const viewerId = await insertUser(emails.viewer, DEFAULT_WORKSPACE_ID, 'viewer');
    const otherId = await insertUser(emails.other, workspaceB, 'owner');
    const b = await insertKey(workspaceB, 'owner');
    keyB = b.key;
    for (const caller of ['owner', 'admin', 'editor', 'viewer', 'other'] as const) {
      const s = new SessionClient(sy.url);
      await s.login(caller === 'owner' ? TEST_OWNER.email : emails[caller], TEST_OWNER.password);
      sessions.set(caller, s);
    }

    const a = await workflowWithRun(sy.api, 'Alpha private workflow');
    const inviteA = await insertInvite(DEFAULT_WORKSPACE_ID);
    const keyA = await insertKey(DEFAULT_WORKSPACE_ID, 'viewer');
    const credA = await sy.api.request('POST', '/api/credentials', {
      name: 'Alpha basic login',
      type: 'basic',
      data: { username: 'alpha-user', password: 'alpha-password-4321' },
    });
    expect(credA.status).toBe(201);
    const connA = await sy.api.request('POST', '/api/connections/oauth/start', connectionStart('Alpha GitLab'));
    expect(connA.status).toBe(201);
    idsA = {
      workflowId: a.workflowId,
      runId: a.runId,
      requestId: a.requestId,
      ...inviteA,
      apiKeyId: keyA.apiKeyId,
      memberId: viewerId,
      credentialId: credA.body.id,
      ...(await versionAndRehearsal(sy.api, a.workflowId)),
      connectionId: connA.body.connectionId,
    };
    const bWf = await workflowWithRun(sy.api.as(keyB), 'Bravo private workflow');
    const inviteB = await insertInvite(workspaceB);
    const keyB2 = await insertKey(workspaceB, 'viewer');
    const credB = await sy.api.as(keyB).request('POST', '/api/credentials', {
      name: 'Bravo basic login',
      type: 'basic',
      data: { username: 'bravo-user', password: 'bravo-password-8888' },
    });
    const connB = await sy.api.as(keyB).request('POST', '/api/connections/oauth/start', connectionStart('Bravo GitLab'));
    idsB = {
      workflowId: bWf.workflowId,
      runId: bWf.runId,
      requestId: bWf.requestId,
      ...inviteB,
      apiKeyId: keyB2.apiKeyId,
      memberId: otherId,
      credentialId: credB.body.id,
      ...(await versionAndRehearsal(sy.api.as(keyB), bWf.workflowId)),
      connectionId: connB.body.connectionId,
    };
    secretsOfA = [
      a.workflowId,
      a.runId,
      a.requestId,
      a.token,
      'Alpha private workflow',
      'Alpha private workflow payload',
      TEST_OWNER.email,
      emails.viewer,
      keyA.apiKeyId,
      inviteA.inviteId,
    ];
    secretsOfA.push(credA.body.id, 'Alpha basic login', 'alpha-user', 'alpha-password-4321');
    secretsOfB = [
      bWf.workflowId,
      bWf.runId,
      bWf.requestId,
      bWf.token,
      'Bravo private workflow',
      emails.other,
      keyB2.apiKeyId,
      inviteB.inviteId,
      credB.body.id,
      'Bravo basic login',
      'bravo-user',
    ];
    for (const id of Object.values(idsA)) expect(id).toBeTruthy();
  }, 60_000);

  const freshWorkflow = async () => ({ workflowId: (await sy.api.createWorkflow(WF_BODY())).id });
  const freshForm = async () => ({
    formToken: (
      await sy.api.createWorkflow({
        name: 'Form',
        trigger: { type: 'form', title: 'Matrix', fields: [{ name: 'answer', label: 'Answer', type: 'text', required: true }] },
        steps: [],
      })
    ).trigger.token as string,
  });
  const DRAFT_BODY = () => ({
    revision: 1,
    trigger: { type: 'webhook' },
    steps: [{ id: 'm', type: 'map', expression: 'trigger.body.changed' }],
  });
  const freshChangedDraft = async () => {
    const { workflowId } = await freshWorkflow();
    await sy.api.request('PUT', `/api/workflows/${workflowId}/draft`, DRAFT_BODY());
    return { workflowId };
  };
  const freshMember = async () => ({ memberId: await insertUser(`m${randomUUID().slice(0, 8)}@a.test`, DEFAULT_WORKSPACE_ID, 'viewer') });
  let counter = 0;
  const freshCredential = async () => {
    const res = await sy.api.request('POST', '/api/credentials', {
      name: `Fresh ${++counter}`,
      type: 'bearer',
      data: { token: 'fresh-token-98765' },
    });
    return { credentialId: res.body.id as string };
  };

  // A sign-in started, never finished: enough to own a connection, and no call leaves the machine.
  const freshConnection = async () => {
    const res = await sy.api.request('POST', '/api/connections/oauth/start', connectionStart(`Fresh GitLab ${++counter}`));
    return { connectionId: res.body.connectionId as string };
  };

  const ROUTES: Record<string, RouteCase> = {
    'GET /api/workflows': { path: () => '/api/workflows', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'POST /api/workflows': { path: () => '/api/workflows', body: WF_BODY, expect: ex(201, 201, 201, 403, 201, 401, 201), idsInUrl: false },
    'GET /api/workflows/:id': { path: (i) => `/api/workflows/${i.workflowId}`, expect: ex(200, 200, 200, 200, 404, 401, 404) },
    'PUT /api/workflows/:id': {
      path: (i) => `/api/workflows/${i.workflowId}`,
      body: WF_BODY,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
      fresh: freshWorkflow,
    },
    'PATCH /api/workflows/:id': {
      path: (i) => `/api/workflows/${i.workflowId}`,
      body: () => ({ active: false }),
      expect: ex(200, 200, 200, 403, 404, 401, 404),
      fresh: freshWorkflow,
    },
    'DELETE /api/workflows/:id': {
      path: (i) => `/api/workflows/${i.workflowId}`,
      expect: ex(204, 204, 204, 403, 404, 401, 404),
      fresh: freshWorkflow,
    },
    'GET /api/workflows/:id/draft': { path: (i) => `/api/workflows/${i.workflowId}/draft`, expect: ex(200, 200, 200, 200, 404, 401, 404) },
    'PUT /api/workflows/:id/draft': {
      path: (i) => `/api/workflows/${i.workflowId}/draft`,
      body: DRAFT_BODY,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
      fresh: freshWorkflow,
    },
    'DELETE /api/workflows/:id/draft': {
      path: (i) => `/api/workflows/${i.workflowId}/draft`,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
    },
    'POST /api/workflows/:id/publish': {
      path: (i) => `/api/workflows/${i.workflowId}/publish`,
      body: () => ({ message: 'matrix' }),
      expect: ex(201, 201, 201, 403, 404, 401, 404),
      fresh: freshChangedDraft,
    },
    'GET /api/workflows/:id/versions': {
      path: (i) => `/api/workflows/${i.workflowId}/versions`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/workflows/:id/versions/:versionId': {
      path: (i) => `/api/workflows/${i.workflowId}/versions/${i.versionId}`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'POST /api/workflows/:id/versions/:versionId/restore': {
      path: (i) => `/api/workflows/${i.workflowId}/versions/${i.versionId}/restore`,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
    },
    'GET /api/workflows/:id/diff': {
      path: (i) => `/api/workflows/${i.workflowId}/diff?from=${i.versionId}&to=draft`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'POST /api/workflows/:id/rehearsals': {
      path: (i) => `/api/workflows/${i.workflowId}/rehearsals`,
      body: () => ({ count: 1 }),
      expect: ex(202, 202, 202, 403, 404, 401, 404),
    },
    'GET /api/workflows/:id/rehearsals/:rehearsalId': {
      path: (i) => `/api/workflows/${i.workflowId}/rehearsals/${i.rehearsalId}`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/workflows/:id/runs': { path: (i) => `/api/workflows/${i.workflowId}/runs`, expect: ex(200, 200, 200, 200, 404, 401, 404) },
    'GET /api/workflows/:id/requests': {
      path: (i) => `/api/workflows/${i.workflowId}/requests`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/workflows/:id/health': {
      path: (i) => `/api/workflows/${i.workflowId}/health`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/workflows/:id/requests/refused': {
      path: (i) => `/api/workflows/${i.workflowId}/requests/refused`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/requests': { path: () => '/api/requests', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'GET /api/workflows/:id/events': {
      path: (i) => `/api/workflows/${i.workflowId}/events`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/runs': { path: () => '/api/runs', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'POST /api/runs/replay': {
      path: () => '/api/runs/replay',
      body: () => ({ runIds: [idsA.runId] }),
      expect: ex(201, 201, 201, 403, 404, 401, 404),
      idsInUrl: false,
    },
    'GET /api/runs/:id': { path: (i) => `/api/runs/${i.runId}`, expect: ex(200, 200, 200, 200, 404, 401, 404) },
    'GET /api/runs/:id/steps/:stepId/items': {
      path: (i) => `/api/runs/${i.runId}/steps/each/items`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'GET /api/runs/:id/steps/:stepId/output': {
      path: (i) => `/api/runs/${i.runId}/steps/m/output`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'POST /api/runs/:id/replay': {
      path: (i) => `/api/runs/${i.runId}/replay`,
      body: () => ({}),
      expect: ex(201, 201, 201, 403, 404, 401, 404),
    },
    'POST /api/workflows/:id/run': {
      path: (i) => `/api/workflows/${i.workflowId}/run`,
      body: () => ({ input: { by: 'hand' } }),
      expect: ex(201, 201, 201, 403, 404, 401, 404),
    },
    'POST /api/workflows/:id/token': {
      path: (i) => `/api/workflows/${i.workflowId}/token`,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
      fresh: freshWorkflow,
    },
    // The hosted form is public: its token is the access, whoever calls (signed in or not).
    'GET /forms/:token': {
      path: (i) => `/forms/${i.formToken}`,
      expect: ex(200, 200, 200, 200, 200, 200, 200),
      fresh: freshForm,
      idsInUrl: false,
    },
    'POST /forms/:token': {
      path: (i) => `/forms/${i.formToken}`,
      body: () => ({ answer: 'yes' }),
      expect: ex(200, 200, 200, 200, 200, 200, 200),
      fresh: freshForm,
      idsInUrl: false,
    },
    'GET /api/triggers/upcoming': { path: () => '/api/triggers/upcoming', idsInUrl: false, expect: ex(200, 200, 200, 200, 200, 401, 200) },
    'POST /api/requests/:id/replay': { path: (i) => `/api/requests/${i.requestId}/replay`, expect: ex(201, 201, 201, 403, 404, 401, 404) },
    'GET /api/requests/:id/body': { path: (i) => `/api/requests/${i.requestId}/body`, expect: ex(200, 200, 200, 200, 404, 401, 404) },
    'POST /api/test/step': {
      path: () => '/api/test/step',
      body: () => ({ step: { id: 's', type: 'map', expression: '1 + 1' } }),
      expect: ex(200, 200, 200, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'POST /api/test/workflow': {
      path: () => '/api/test/workflow',
      body: () => ({ steps: [{ id: 's', type: 'map', expression: '1 + 1' }] }),
      expect: ex(200, 200, 200, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'GET /api/health/live': { path: () => '/api/health/live', expect: ex(200, 200, 200, 200, 200, 200, 200), idsInUrl: false },
    'GET /api/health/ready': { path: () => '/api/health/ready', expect: ex(200, 200, 200, 200, 200, 200, 200), idsInUrl: false },
    // Without single sign-on configured (test/integration/oidc-sign-in.spec.ts covers it configured).
    'GET /api/auth/oidc/start': { path: () => '/api/auth/oidc/start', expect: ex(404, 404, 404, 404, 404, 404, 404), idsInUrl: false },
    'GET /api/auth/oidc/callback': {
      path: () => '/api/auth/oidc/callback?code=x&state=y',
      expect: ex(302, 302, 302, 302, 302, 302, 302),
      idsInUrl: false,
    },
    'GET /api/auth/state': { path: () => '/api/auth/state', expect: ex(200, 200, 200, 200, 200, 200, 200), idsInUrl: false },
    'POST /api/auth/setup': {
      path: () => '/api/auth/setup',
      body: () => ({ email: 'late@x.test', password: 'a long password' }),
      expect: ex(409, 409, 409, 409, 409, 409, 409),
      idsInUrl: false,
    },
    'POST /api/auth/login': {
      path: () => '/api/auth/login',
      body: () => ({ email: emails.editor, password: TEST_OWNER.password }),
      expect: ex(200, 200, 200, 200, 200, 200, 200),
      idsInUrl: false,
    },
    'POST /api/auth/logout': {
      path: () => '/api/auth/logout',
      expect: ex(204, 204, 204, 204, 204, 401, 403),
      idsInUrl: false,
      ownSession: true,
    },
    'POST /api/auth/logout-all': {
      path: () => '/api/auth/logout-all',
      expect: ex(204, 204, 204, 204, 204, 401, 403),
      idsInUrl: false,
      ownSession: true,
      endsAllSessions: true,
    },
    'POST /api/auth/password': {
      path: () => '/api/auth/password',
      body: () => ({ currentPassword: 'not the password', newPassword: 'whatever long enough' }),
      expect: ex(400, 400, 400, 400, 400, 401, 403),
      idsInUrl: false,
    },
    'GET /api/workspaces': { path: () => '/api/workspaces', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'POST /api/workspaces': {
      path: () => '/api/workspaces',
      body: () => ({ name: 'Side project' }),
      expect: ex(201, 201, 201, 201, 201, 401, 403),
      idsInUrl: false,
    },
    'DELETE /api/workspaces/current': {
      path: () => '/api/workspaces/current',
      expect: ex(204, 403, 403, 403, 404, 401, 403),
      idsInUrl: false,
      // A workspace made for each call, where each member of A has the same role: deleting A itself would end the test.
      headers: async () => {
        const id = randomUUID();
        await sy.db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Doomed')`, [id]);
        await sy.db.query(
          `INSERT INTO workspace_members (workspace_id, user_id, role) SELECT $1, user_id, role FROM workspace_members WHERE workspace_id = $2`,
          [id, DEFAULT_WORKSPACE_ID],
        );
        return { 'x-switchyard-workspace': id };
      },
    },
    'GET /api/workspaces/current/members': {
      path: () => '/api/workspaces/current/members',
      expect: ex(200, 200, 403, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'PATCH /api/workspaces/current/members/:userId': {
      path: (i) => `/api/workspaces/current/members/${i.memberId}`,
      body: () => ({ role: 'editor' }),
      expect: ex(200, 200, 403, 403, 404, 401, 404),
      fresh: freshMember,
    },
    'DELETE /api/workspaces/current/members/:userId': {
      path: (i) => `/api/workspaces/current/members/${i.memberId}`,
      expect: ex(204, 204, 403, 403, 404, 401, 404),
      fresh: freshMember,
    },
    'GET /api/workspaces/current/invites': {
      path: () => '/api/workspaces/current/invites',
      expect: ex(200, 200, 403, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'POST /api/workspaces/current/invites': {
      path: () => '/api/workspaces/current/invites',
      body: () => ({ role: 'viewer' }),
      expect: ex(201, 201, 403, 403, 201, 401, 201),
      idsInUrl: false,
    },
    'DELETE /api/workspaces/current/invites/:id': {
      path: (i) => `/api/workspaces/current/invites/${i.inviteId}`,
      expect: ex(204, 204, 403, 403, 404, 401, 404),
      fresh: () => insertInvite(DEFAULT_WORKSPACE_ID),
    },
    // Public: the token is the secret. Accepting joins a workspace made for it, so nobody joins A.
    'GET /api/invites/:token': {
      path: (i) => `/api/invites/${i.inviteToken}`,
      expect: ex(200, 200, 200, 200, 200, 200, 200),
      idsInUrl: false,
    },
    'POST /api/invites/:token/accept': {
      path: (i) => `/api/invites/${i.inviteToken}/accept`,
      body: () => ({ email: `new${++counter}@c.test`, password: 'a long password' }),
      expect: ex(200, 200, 200, 200, 200, 200, 200),
      idsInUrl: false,
      fresh: async () => {
        const id = randomUUID();
        await sy.db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Club')`, [id]);
        return insertInvite(id);
      },
    },
    'GET /api/api-keys': { path: () => '/api/api-keys', expect: ex(200, 200, 403, 403, 200, 401, 200), idsInUrl: false },
    'POST /api/api-keys': {
      path: () => '/api/api-keys',
      body: () => ({ name: 'ci', role: 'viewer' }),
      expect: ex(201, 201, 403, 403, 201, 401, 201),
      idsInUrl: false,
    },
    'DELETE /api/api-keys/:id': {
      path: (i) => `/api/api-keys/${i.apiKeyId}`,
      expect: ex(204, 204, 403, 403, 404, 401, 404),
      fresh: async () => ({ apiKeyId: (await insertKey(DEFAULT_WORKSPACE_ID, 'viewer')).apiKeyId }),
    },
    'GET /api/credential-types': { path: () => '/api/credential-types', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'GET /api/credentials': { path: () => '/api/credentials', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'POST /api/credentials': {
      path: () => '/api/credentials',
      body: () => ({ name: `Token ${++counter}`, type: 'bearer', data: { token: 'tok-value-123456' } }),
      expect: ex(201, 201, 201, 403, 201, 401, 201),
      idsInUrl: false,
    },
    'GET /api/credentials/:id': { path: (i) => `/api/credentials/${i.credentialId}`, expect: ex(200, 200, 200, 200, 404, 401, 404) },
    'PUT /api/credentials/:id': {
      path: (i) => `/api/credentials/${i.credentialId}`,
      body: () => ({ name: `Renamed ${++counter}` }),
      expect: ex(200, 200, 200, 403, 404, 401, 404),
      fresh: freshCredential,
    },
    'DELETE /api/credentials/:id': {
      path: (i) => `/api/credentials/${i.credentialId}`,
      expect: ex(204, 204, 204, 403, 404, 401, 404),
      fresh: freshCredential,
    },
    'GET /api/bundles/export': { path: () => '/api/bundles/export', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'POST /api/bundles/preview': {
      path: () => '/api/bundles/preview',
      body: EMPTY_BUNDLE,
      expect: ex(200, 200, 200, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'POST /api/bundles/import': {
      path: () => '/api/bundles/import',
      body: EMPTY_BUNDLE,
      expect: ex(200, 200, 200, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'GET /api/openapi.json': { path: () => '/api/openapi.json', expect: ex(200, 200, 200, 200, 200, 200, 200), idsInUrl: false },
    'GET /api/docs': { path: () => '/api/docs', expect: ex(200, 200, 200, 200, 200, 200, 200), idsInUrl: false },
    'GET /api/connections': { path: () => '/api/connections', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    'POST /api/connections': {
      path: () => '/api/connections',
      body: () => ({ name: `GitLab ${++counter}`, app: 'gitlab', data: {} }),
      expect: ex(400, 400, 400, 403, 400, 401, 400),
      idsInUrl: false,
    },
    'GET /api/connections/oauth/redirect-url': {
      path: () => '/api/connections/oauth/redirect-url',
      expect: ex(200, 200, 200, 200, 200, 401, 200),
      idsInUrl: false,
    },
    'POST /api/connections/oauth/start': {
      path: () => '/api/connections/oauth/start',
      body: () => connectionStart(`Started ${++counter}`),
      expect: ex(201, 201, 201, 403, 201, 401, 201),
      idsInUrl: false,
    },
    'GET /api/connections/oauth/callback': {
      path: () => '/api/connections/oauth/callback?state=unknown&code=x',
      expect: ex(400, 400, 400, 400, 400, 400, 400),
      idsInUrl: false,
    },
    'POST /api/connections/:id/test': {
      path: (i) => `/api/connections/${i.connectionId}/test`,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
    },
    'PATCH /api/connections/:id': {
      path: (i) => `/api/connections/${i.connectionId}`,
      body: () => ({ name: `Renamed GitLab ${++counter}` }),
      expect: ex(200, 200, 200, 403, 404, 401, 404),
      fresh: freshConnection,
    },
    'DELETE /api/connections/:id': {
      path: (i) => `/api/connections/${i.connectionId}`,
      expect: ex(204, 204, 204, 403, 404, 401, 404),
      fresh: freshConnection,
    },
    'POST /api/apps/options': {
      path: () => '/api/apps/options',
      body: () => ({ app: 'gitlab', action: 'create-issue', field: 'project' }),
      expect: ex(400, 400, 400, 403, 400, 401, 400),
      idsInUrl: false,
    },
    'POST /api/apps/fields': {
      path: () => '/api/apps/fields',
      body: () => ({ app: 'notion', action: 'create-database-item', field: 'properties' }),
      expect: ex(400, 400, 400, 403, 400, 401, 400),
      idsInUrl: false,
    },
    'GET /api/audit': { path: () => '/api/audit', expect: ex(200, 200, 403, 403, 200, 401, 200), idsInUrl: false },
    'POST /api/workflows/:id/test-event': {
      path: (i) => `/api/workflows/${i.workflowId}/test-event`,
      expect: ex(200, 200, 200, 403, 404, 401, 404),
    },
    'GET /api/workflows/:id/sample': {
      path: (i) => `/api/workflows/${i.workflowId}/sample`,
      expect: ex(200, 200, 200, 200, 404, 401, 404),
    },
    'PUT /api/workflows/:id/sample': {
      path: (i) => `/api/workflows/${i.workflowId}/sample`,
      body: () => ({
        source: 'template',
        trigger: { body: { a: 1 }, headers: {}, query: {}, method: 'POST', receivedAt: new Date().toISOString() },
      }),
      expect: ex(200, 200, 200, 403, 404, 401, 404),
    },
    'DELETE /api/workflows/:id/sample': {
      path: (i) => `/api/workflows/${i.workflowId}/sample`,
      expect: ex(204, 204, 204, 403, 404, 401, 404),
    },
    'GET /api/settings/instance': { path: () => '/api/settings/instance', expect: ex(200, 200, 200, 200, 200, 401, 200), idsInUrl: false },
    // Owners of B pass the role check but are refused: instance settings belong to the Default workspace's owners.
    'PUT /api/settings/instance': {
      path: () => '/api/settings/instance',
      body: () => ({ publicUrl: null }),
      expect: ex(200, 403, 403, 403, 403, 401, 403),
      idsInUrl: false,
    },
    'GET /api/settings/workspace': {
      path: () => '/api/settings/workspace',
      expect: ex(200, 200, 403, 403, 200, 401, 200),
      idsInUrl: false,
    },
    'PUT /api/settings/workspace': {
      path: () => '/api/settings/workspace',
      body: () => ({ egressAllow: [] }),
      expect: ex(200, 200, 403, 403, 200, 401, 200),
      idsInUrl: false,
    },
    // Single sign-on is the instance's: only owners of the Default workspace see or change it.
    'GET /api/settings/sso': { path: () => '/api/settings/sso', expect: ex(200, 403, 403, 403, 403, 401, 403), idsInUrl: false },
    'PUT /api/settings/sso': {
      path: () => '/api/settings/sso',
      body: () => ({ issuer: 'http://127.0.0.1:9', clientId: 'matrix' }),
      expect: ex(200, 403, 403, 403, 403, 401, 403),
      idsInUrl: false,
    },
    'DELETE /api/settings/sso': { path: () => '/api/settings/sso', expect: ex(200, 403, 403, 403, 403, 401, 403), idsInUrl: false },
    'POST /api/settings/sso/discovery': {
      path: () => '/api/settings/sso/discovery',
      body: () => ({ issuer: 'http://127.0.0.1:9' }),
      expect: ex(200, 403, 403, 403, 403, 401, 403),
      idsInUrl: false,
    },
    'POST /api/settings/egress/check': {
      path: () => '/api/settings/egress/check',
      body: () => ({ url: 'http://127.0.0.1:9/' }),
      expect: ex(200, 200, 200, 200, 200, 401, 200),
      idsInUrl: false,
    },
  };

  /** Every route Nest registered, as `METHOD /path`, read from the controllers' metadata. */
  function discoverRoutes(): string[] {
    const routes: string[] = [];
    for (const module of sy.instance.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new () => object) | null;
        if (!type) continue;
        const prefixes = [Reflect.getMetadata(PATH_METADATA, type)].flat() as string[];
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
          if (method === undefined || paths === undefined) continue;
          for (const prefix of prefixes) {
            for (const p of [paths].flat())
              routes.push(`${RequestMethod[method]} ${`/${prefix}/${p}`.replace(/\/+/g, '/').replace(/\/$/, '')}`);
          }
        }
      }
    }
    return routes.sort();
  }

  it('has an expected answer for every route the app registers, and no entry for a route that is gone', () => {
    const discovered = discoverRoutes();
    expect(discovered.length).toBeGreaterThan(30);
    expect(
      discovered.filter((r) => !(r in ROUTES)),
      'routes without an entry in ROUTES',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !discovered.includes(r)),
      'entries for routes that do not exist',
    ).toEqual([]);
  });

  it('lists in the shared contract exactly the routes the app registers, each with the access this matrix expects', () => {
    const discovered = discoverRoutes();
    const contract = listRoutes();
    expect(contract.map((r) => r.key).sort()).toEqual(discovered);
    const mismatches: string[] = [];
    for (const route of contract) {
      const expected = ROUTES[route.key].expect;
      if ((route.access.kind === 'public') !== (expected.anonymous !== 401))
        mismatches.push(`${route.key}: anonymous ${expected.anonymous}`);
      if (route.access.kind !== 'action') continue;
      const min = ACTION_MIN_ROLE[route.access.action];
      for (const caller of MEMBERS_OF_A) {
        const allowed = roleAtLeast({ role: caller as 'owner' | 'admin' | 'editor' | 'viewer', min });
        if (allowed === (expected[caller] === 403))
          mismatches.push(`${route.key}: ${caller} ${expected[caller]} but the contract needs ${min}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives each caller exactly the expected answer, and outsiders nothing of workspace A', async () => {
    const failures: string[] = [];
    for (const [route, spec] of Object.entries(ROUTES)) {
      const method = route.split(' ')[0];
      for (const caller of CALLERS) {
        const ids = spec.fresh ? { ...idsA, ...(await spec.fresh()) } : idsA;
        let session: SessionClient | undefined;
        if (spec.ownSession && sessions.has(caller)) {
          session = new SessionClient(sy.url);
          await session.login(caller === 'owner' ? TEST_OWNER.email : emails[caller], TEST_OWNER.password);
        }
        const headers = spec.headers ? await spec.headers(ids) : {};
        const body = spec.body?.();
        const path = spec.path(ids) + JSON.stringify(body ?? null);
        const res = await send(caller, method, spec.path(ids), body, headers, session);
        results.push(`${route} ${caller} ${res.status}`);
        if (spec.endsAllSessions && sessions.has(caller)) {
          const again = new SessionClient(sy.url);
          await again.login(caller === 'owner' ? TEST_OWNER.email : emails[caller], TEST_OWNER.password);
          sessions.set(caller, again);
        }
        if (res.status !== spec.expect[caller])
          failures.push(`${route} as ${caller}: ${res.status}, expected ${spec.expect[caller]} (${res.text.slice(0, 160)})`);
        if (caller === 'other' || caller === 'keyB' || caller === 'anonymous') {
          // An id the caller sent (URL or body) may come back in the 404's message: they knew it already.
          const leaked = secretsOfA.filter((s) => res.text.includes(s) && !path.includes(s));
          if (leaked.length > 0) failures.push(`${route} as ${caller} leaked ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("answers 404 (or the role's 403) to members of A for ids of workspace B in URLs, without B's data", async () => {
    const failures: string[] = [];
    for (const [route, spec] of Object.entries(ROUTES)) {
      if (spec.idsInUrl === false) continue;
      const method = route.split(' ')[0];
      for (const caller of MEMBERS_OF_A) {
        const expected = spec.expect[caller] === 403 ? 403 : 404;
        const path = spec.path(idsB);
        const res = await send(caller, method, path, spec.body?.(), {});
        if (res.status !== expected)
          failures.push(`${route} as ${caller} with B's ids: ${res.status}, expected ${expected} (${res.text.slice(0, 160)})`);
        const leaked = secretsOfB.filter((s) => res.text.includes(s) && !path.includes(s));
        if (leaked.length > 0) failures.push(`${route} as ${caller} with B's ids leaked ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    // B's workflow is untouched by all of that.
    expect((await sy.api.as(keyB).request('GET', `/api/workflows/${idsB.workflowId}`)).body.name).toBe('Bravo private workflow');
  }, 60_000);

  it('shows viewers credential names only, and never a secret to anyone', async () => {
    const signed = await sy.api.createWorkflow({
      name: 'Signed',
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: ['whsec_abcdef9z9z'] } },
      steps: [],
    });
    expect((signed.trigger as { verify?: { secretHints: string[] } }).verify?.secretHints).toEqual(['…9z9z']);
    const asViewer = JSON.parse((await send('viewer', 'GET', `/api/workflows/${signed.id}`, undefined, {})).text);
    expect(asViewer.trigger.verify).toEqual({ scheme: 'github', secretHints: [] });
    expect((await send('viewer', 'GET', '/api/workflows', undefined, {})).text).not.toContain('9z9z');
    expect(JSON.parse((await send('editor', 'GET', `/api/workflows/${signed.id}`, undefined, {})).text).trigger.verify.secretHints).toEqual(
      ['…9z9z'],
    );

    const viewer = await send('viewer', 'GET', `/api/credentials/${idsA.credentialId}`, undefined, {});
    expect(JSON.parse(viewer.text)).toMatchObject({ name: 'Alpha basic login', public: {}, hints: {} });
    const list = await send('viewer', 'GET', '/api/credentials', undefined, {});
    expect(list.text).toContain('Alpha basic login');
    expect(list.text).not.toContain('alpha-user');
    expect(list.text).not.toContain('4321');
    const editor = await send('editor', 'GET', `/api/credentials/${idsA.credentialId}`, undefined, {});
    expect(JSON.parse(editor.text).hints.password).toMatch(/4321$/);
    expect(editor.text).not.toContain('alpha-password-4321');
    const audit = await send('owner', 'GET', '/api/audit?limit=200', undefined, {});
    expect(audit.text).toContain('credential.created');
    expect(audit.text).not.toContain('alpha-password-4321');
  });

  it('refuses to name another workspace: 404 for a user who is not a member, 403 for an API key', async () => {
    const other = sessions.get('other') as SessionClient;
    expect(
      (await send('other', 'GET', '/api/workflows', undefined, { 'x-switchyard-workspace': DEFAULT_WORKSPACE_ID }, other)).status,
    ).toBe(404);
    expect((await send('other', 'GET', `/api/workflows?workspace=${DEFAULT_WORKSPACE_ID}`, undefined, {}, other)).status).toBe(404);
    expect((await send('keyB', 'GET', '/api/workflows', undefined, { 'x-switchyard-workspace': DEFAULT_WORKSPACE_ID })).status).toBe(403);
    expect((await send('owner', 'GET', '/api/workflows', undefined, { 'x-switchyard-workspace': workspaceB })).status).toBe(404);
    expect((await send('owner', 'GET', '/api/workflows', undefined, { 'x-switchyard-workspace': 'not-a-uuid' })).status).toBe(404);
    // A member who names their workspace gets it.
    const mine = await send('other', 'GET', '/api/workflows', undefined, { 'x-switchyard-workspace': workspaceB }, other);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain('Bravo private workflow');
    // A bad or revoked key is refused outright, even on a public route's neighbours.
    expect((await sy.api.as('sy_nonexistent_key_000000000000000000').request('GET', '/api/workflows')).status).toBe(401);
  });
});
