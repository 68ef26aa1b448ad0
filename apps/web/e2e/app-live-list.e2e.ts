// Browser test of live lists (issue 13): a user connects Slack (OAuth v2, which gives a bot token;
// a real OAuth 2 server, oauth2-mock-server, behind a local "Slack" on loopback reached through the
// connection's "Slack URL"), opens "Send a message", and picks the channel from the live list that
// reads both pages of conversations.list; "Enter a value" takes a typed id or an expression instead.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { OAuth2Server } from 'oauth2-mock-server';
import type { Locator } from 'playwright-core';
import type { Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
const oauth = new OAuth2Server();
let slack: { url: string; server: Server; posts: unknown[]; listCalls: string[] };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });
}

/** A channel as conversations.list returns it (https://api.slack.com/methods/conversations.list). */
function channel(id: string, name: string, isPrivate = false) {
  return {
    id,
    name,
    is_channel: !isPrivate,
    is_group: isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: isPrivate,
    created: 1449252889,
    is_archived: false,
    is_general: name === 'general',
    unlinked: 0,
    name_normalized: name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: 'T012AB3C4',
    parent_conversation: null,
    creator: 'U012A3CDE',
    is_ext_shared: false,
    shared_team_ids: ['T012AB3C4'],
    pending_connected_team_ids: [],
    is_member: true,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: `The ${name} channel`, creator: 'U012A3CDE', last_set: 1449252889 },
    previous_names: [],
    num_members: 4,
  };
}

/** Slack on loopback: /oauth/v2/authorize and /api/oauth.v2.access are the real OAuth server, /api/* answers to the bot tokens it issued. */
async function startSlack() {
  const issued = new Set<string>();
  const posts: unknown[] = [];
  const listCalls: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    const send = (value: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/oauth/v2/authorize') {
      res.writeHead(302, { location: `${oauth.issuer.url}/authorize${url.search}` });
      return res.end();
    }
    if (url.pathname === '/api/oauth.v2.access') {
      const answer = await fetch(`${oauth.issuer.url}/token`, {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body,
      });
      const tokens = (await answer.json()) as { access_token?: string };
      if (!tokens.access_token) return send({ ok: false, error: 'invalid_code' });
      issued.add(tokens.access_token);
      // Slack's answer (https://api.slack.com/methods/oauth.v2.access): a bot token, no expiry.
      return send({
        ok: true,
        access_token: tokens.access_token,
        token_type: 'bot',
        scope: 'chat:write,channels:read,groups:read',
        bot_user_id: 'U0KRQLJ9H',
        app_id: 'A0KRD7HC3',
        team: { name: 'Acme', id: 'T012AB3C4' },
        enterprise: null,
        authed_user: { id: 'U1234' },
      });
    }
    if (!issued.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return send({ ok: false, error: 'not_authed' });
    if (url.pathname === '/api/auth.test')
      return send({
        ok: true,
        url: 'https://acme.slack.com/',
        team: 'Acme',
        user: 'switchyard',
        team_id: 'T012AB3C4',
        user_id: 'U0KRQLJ9H',
      });
    if (url.pathname === '/api/conversations.list') {
      const cursor = url.searchParams.get('cursor') ?? '';
      listCalls.push(cursor);
      return cursor === 'dGVhbTpDMDYxRkE1UEI='
        ? send({
            ok: true,
            channels: [channel('C0003', 'support'), channel('G0004', 'sales-private', true)],
            response_metadata: { next_cursor: '' },
          })
        : send({
            ok: true,
            channels: [channel('C0001', 'general'), channel('C0002', 'orders')],
            response_metadata: { next_cursor: 'dGVhbTpDMDYxRkE1UEI=' },
          });
    }
    if (url.pathname === '/api/chat.postMessage' && req.method === 'POST') {
      const message = JSON.parse(body) as { channel: string; text: string };
      posts.push(message);
      return send({ ok: true, channel: message.channel, ts: '1503435956.000247', message: { text: message.text, type: 'message' } });
    }
    return send({ ok: false, error: 'unknown_method' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, posts, listCalls };
}

async function sendHook(token: string, payload: unknown) {
  const response = await fetch(`${env.base}/hooks/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as { runId: string } | null };
}

function editor(scope: Locator, name: string) {
  return scope.getByRole('textbox', { name, exact: true });
}

const withFailureShot = failureShots(() => env);

describe('live lists in the app step form (Chromium)', { skip: browserSkipReason() }, () => {
  before(async () => {
    await oauth.issuer.keys.generate('RS256');
    await oauth.start(0, '127.0.0.1');
    slack = await startSlack();
    env = await startEnvironment({ name: 'app_live_list_e2e' });
  });

  after(async () => {
    await env?.stop();
    await new Promise<void>((resolve) => (slack ? slack.server.close(() => resolve()) : resolve()));
    await oauth.stop();
  });

  test(
    'picks a Slack channel from a live list (two pages, search), saves its id; "Enter a value" takes an id or an expression',
    withFailureShot('app-live-list', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/new`);
      await page.getByLabel('Name').fill('Orders to a Slack channel');
      await page.getByRole('button', { name: 'Start blank' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]+\/edit$/);
      const workflowId = page.url().split('/workflows/')[1].split('/')[0];
      const { body: created } = await env.request<Workflow>('GET', `/api/workflows/${workflowId}`);

      await page.getByRole('button', { name: 'Add the first step' }).click();
      await page
        .getByRole('group', { name: 'Apps' })
        .getByRole('menuitem', { name: /^App action/ })
        .click();
      const card = page.locator('li.sy-step-card').first();
      await card.getByLabel('Search apps').fill('slack');
      await card.getByRole('button', { name: /Post messages, react and manage channels/ }).click();
      await card.getByLabel('Action', { exact: true }).selectOption('send-message');
      // Before a connection, the list says what it needs.
      await card.getByText('Choose a connection to load the list.').waitFor();

      await card.getByRole('button', { name: 'Connect Slack' }).click();
      const dialog = page.getByRole('dialog', { name: 'Connect Slack' });
      await dialog.getByLabel('Slack URL').fill(slack.url);
      await dialog.getByLabel('Client ID').fill('1234.5678');
      await dialog.getByLabel('Client secret').fill('e2e-slack-client-secret');
      const popup = page.waitForEvent('popup');
      await dialog.getByRole('button', { name: 'Sign in with Slack' }).click();
      const consent = await popup;
      await consent.getByText('Connected to Slack').waitFor();
      await consent.close();
      await dialog.waitFor({ state: 'detached' });
      assert.match(await card.getByLabel('Slack connection', { exact: true }).locator('option:checked').innerText(), /Acme \(switchyard\)/);

      // The dropdown lists the channels of both pages; the search narrows it.
      const channelSelect = card.getByLabel('Channel', { exact: true });
      await channelSelect.locator('option', { hasText: '#sales-private' }).waitFor({ state: 'attached' });
      assert.deepEqual(await channelSelect.locator('option').allInnerTexts(), [
        'Choose channel…',
        '#general',
        '#orders',
        '#support',
        '#sales-private',
      ]);
      assert.deepEqual(slack.listCalls, ['', 'dGVhbTpDMDYxRkE1UEI=']);
      await card.getByLabel('Search Channel').fill('ord');
      assert.deepEqual(await channelSelect.locator('option').allInnerTexts(), ['Choose channel…', '#orders']);
      await channelSelect.selectOption({ label: '#orders' });
      await editor(card, 'Message').click();
      await page.keyboard.insertText('New order {{ trigger.body.id }}');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      type AppStep = { type: string; app: string; action: string; input: Record<string, string>; connectionId: string };
      const saved = (await env.request<Workflow>('GET', `/api/workflows/${workflowId}`)).body.steps[0] as AppStep;
      assert.deepEqual(
        [saved.type, saved.app, saved.action, saved.input],
        ['app', 'slack', 'send-message', { channel: 'C0002', text: 'New order {{ trigger.body.id }}' }],
      );
      assert.ok(saved.connectionId);

      // "Enter a value": a typed id...
      await card.getByRole('button', { name: 'Enter a value' }).click();
      await editor(card, 'Channel').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText('C0003');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      let step = (await env.request<Workflow>('GET', `/api/workflows/${workflowId}`)).body.steps[0] as AppStep;
      assert.equal(step.input.channel, 'C0003');
      // ...or an expression, which the run evaluates.
      await editor(card, 'Channel').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText('{{ trigger.body.channel }}');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      step = (await env.request<Workflow>('GET', `/api/workflows/${workflowId}`)).body.steps[0] as AppStep;
      assert.equal(step.input.channel, '{{ trigger.body.channel }}');

      await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
      await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
      const hook = await sendHook(created.trigger.token, { id: 'B-42', channel: 'C0001' });
      assert.equal(hook.status, 202);
      const run = await env.waitForRun(hook.body!.runId);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      assert.deepEqual(slack.posts, [{ channel: 'C0001', text: 'New order B-42' }]);
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
