import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_OWNER } from '../support/client';
import { SessionClient } from '../support/session-client';
import { useSwitchyard } from '../support/use-switchyard';

describe('invites and members', () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_PUBLIC_URL: 'http://switchyard.test:8080' } });
  let owner: SessionClient;

  beforeAll(async () => {
    owner = await sy.signIn();
  });

  const tokenOf = (url: string) => url.split('/invite/')[1];

  it('invites by a one-time link that signs the new member in with the invited role', async () => {
    const invite = await owner.request('POST', '/api/workspaces/current/invites', { role: 'viewer', email: 'Vera@Example.com' });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toMatch(/^http:\/\/switchyard\.test:8080\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invite.body.url);
    const [row] = await sy.db.query<{ token_hash: string }>(`SELECT token_hash FROM invites WHERE id = $1`, [invite.body.id]);
    expect(row.token_hash).not.toContain(token);
    expect((await owner.request('GET', '/api/workspaces/current/invites')).body.map((i: { id: string }) => i.id)).toContain(invite.body.id);

    const guest = new SessionClient(sy.url);
    const described = await guest.request('GET', `/api/invites/${token}`);
    expect(described.body).toMatchObject({ workspaceName: expect.any(String), role: 'viewer', email: 'vera@example.com' });
    const wrongEmail = await guest.request('POST', `/api/invites/${token}/accept`, {
      email: 'mallory@example.com',
      password: 'a long password',
    });
    expect(wrongEmail.status).toBe(403);
    const missing = await guest.request('POST', `/api/invites/${token}/accept`, {});
    expect(missing.status).toBe(400);
    const accepted = await guest.request('POST', `/api/invites/${token}/accept`, {
      email: 'vera@example.com',
      password: 'a long password',
      name: 'Vera',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.role).toBe('viewer');
    const state = await guest.request('GET', '/api/auth/state');
    expect(state.body.user.email).toBe('vera@example.com');
    expect(state.body.workspaces).toEqual([expect.objectContaining({ role: 'viewer' })]);
    // Viewers read but do not change.
    expect((await guest.request('GET', '/api/workflows')).status).toBe(200);
    expect((await guest.request('POST', '/api/workflows', { name: 'x', trigger: { type: 'webhook' }, steps: [] })).status).toBe(403);

    // One-time: used links are refused, to strangers and members alike.
    expect((await new SessionClient(sy.url).request('GET', `/api/invites/${token}`)).status).toBe(404);
    const reuse = await new SessionClient(sy.url).request('POST', `/api/invites/${token}/accept`, {
      email: 'vera2@example.com',
      password: 'a long password',
    });
    expect(reuse.status).toBe(404);
    expect(reuse.body.error.code).toBe('invite_invalid');

    const members = await owner.request('GET', '/api/workspaces/current/members');
    expect(members.body.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [TEST_OWNER.email, 'owner'],
      ['vera@example.com', 'viewer'],
    ]);
  });

  it('refuses expired and revoked invites', async () => {
    const expired = await owner.request('POST', '/api/workspaces/current/invites', { role: 'editor' });
    await sy.db.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.body.id]);
    const res = await new SessionClient(sy.url).request('POST', `/api/invites/${tokenOf(expired.body.url)}/accept`, {
      email: 'late@example.com',
      password: 'a long password',
    });
    expect(res.status).toBe(404);
    expect((await owner.request('GET', '/api/workspaces/current/invites')).body.map((i: { id: string }) => i.id)).not.toContain(
      expired.body.id,
    );

    const revoked = await owner.request('POST', '/api/workspaces/current/invites', { role: 'editor' });
    expect((await owner.request('DELETE', `/api/workspaces/current/invites/${revoked.body.id}`)).status).toBe(204);
    expect((await new SessionClient(sy.url).request('GET', `/api/invites/${tokenOf(revoked.body.url)}`)).status).toBe(404);
  });

  it('lets a signed-in user join another workspace, switch to it, and keeps the last owner', async () => {
    const created = await owner.request('POST', '/api/workspaces', { name: 'Second' });
    expect(created.status).toBe(201);
    owner.workspaceId = created.body.id;
    const invite = await owner.request('POST', '/api/workspaces/current/invites', { role: 'admin' });
    owner.workspaceId = null;
    const vera = new SessionClient(sy.url);
    await vera.login('vera@example.com', 'a long password');
    // Already signed in: joining needs no body.
    expect((await vera.request('POST', `/api/invites/${tokenOf(invite.body.url)}/accept`)).status).toBe(200);
    const mine = (await vera.request('GET', '/api/workspaces')).body;
    expect(mine.map((w: { name: string; role: string }) => [w.name, w.role])).toEqual([
      [expect.any(String), 'viewer'],
      ['Second', 'admin'],
    ]);
    vera.workspaceId = created.body.id;
    expect((await vera.request('POST', '/api/workflows', { name: 'In second', trigger: { type: 'webhook' }, steps: [] })).status).toBe(201);
    vera.workspaceId = null;
    expect((await vera.request('GET', '/api/workflows')).body.items.map((w: { name: string }) => w.name)).not.toContain('In second');

    // An admin cannot touch the owner; the last owner cannot be demoted or removed.
    vera.workspaceId = created.body.id;
    const ownerId = (await vera.request('GET', '/api/workspaces/current/members')).body.find(
      (m: { role: string }) => m.role === 'owner',
    ).userId;
    expect((await vera.request('PATCH', `/api/workspaces/current/members/${ownerId}`, { role: 'viewer' })).status).toBe(403);
    owner.workspaceId = created.body.id;
    const demote = await owner.request('PATCH', `/api/workspaces/current/members/${ownerId}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    expect((await owner.request('DELETE', `/api/workspaces/current/members/${ownerId}`)).status).toBe(409);
    // The owner deletes the workspace; Vera is back to one.
    expect((await owner.request('DELETE', '/api/workspaces/current')).status).toBe(204);
    owner.workspaceId = null;
    vera.workspaceId = null;
    expect((await vera.request('GET', '/api/workspaces')).body).toHaveLength(1);
  });
});
