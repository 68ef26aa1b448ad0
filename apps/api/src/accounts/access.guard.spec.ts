import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../common/api-error';
import { ACCESS, type Access, defaultAccess } from './access.decorators';
import { AccessGuard, roleAllows } from './access.guard';
import type { ApiKeysService } from './api-keys.service';
import type { AuthedRequest } from './auth-context';
import type { AuthService, Membership } from './auth.service';
import { csrfTokenFor } from './tokens';

const WS_A = '00000000-0000-7000-8000-00000000000a';
const WS_B = '00000000-0000-7000-8000-00000000000b';

describe('role decisions', () => {
  it('lets each role do what it includes and nothing above', () => {
    const needs = (role: 'viewer' | 'editor' | 'admin' | 'owner'): Access => ({ kind: 'role', role });
    expect(roleAllows(needs('viewer'), 'viewer')).toBe(true);
    expect(roleAllows(needs('editor'), 'viewer')).toBe(false);
    expect(roleAllows(needs('editor'), 'editor')).toBe(true);
    expect(roleAllows(needs('admin'), 'editor')).toBe(false);
    expect(roleAllows(needs('admin'), 'owner')).toBe(true);
    expect(roleAllows(needs('owner'), 'admin')).toBe(false);
    expect(roleAllows(needs('viewer'), undefined)).toBe(false);
  });

  it('defaults GET to viewer and every other method to editor', () => {
    expect(defaultAccess('GET')).toEqual({ kind: 'role', role: 'viewer' });
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(defaultAccess(m)).toEqual({ kind: 'role', role: 'editor' });
  });
});

describe('AccessGuard', () => {
  const memberships: Record<string, Membership[]> = { u1: [{ id: WS_A, name: 'A', role: 'viewer' }] };
  const auth = {
    hasUsers: async () => true,
    userForSession: async (token: string) => (token === 'good' ? { id: 'u1', email: 'u@x', name: 'U', sessionId: 's1' } : null),
    memberships: async (userId: string) => memberships[userId] ?? [],
  } as unknown as AuthService;
  const apiKeys = {
    authenticate: async (key: string) =>
      key === 'sy_key_b' ? { type: 'api-key', id: 'k1', name: 'k', workspaceId: WS_B, role: 'editor' } : null,
  } as unknown as ApiKeysService;

  async function decide(
    access: Access | undefined,
    request: Partial<AuthedRequest>,
  ): Promise<{ status: number; code?: string; request: AuthedRequest }> {
    const handler = () => undefined;
    if (access) Reflect.defineMetadata(ACCESS, access, handler);
    const req = { method: 'GET', headers: {}, query: {}, ...request } as AuthedRequest;
    const context = {
      getType: () => 'http',
      getHandler: () => handler,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => req }),
    } as unknown as ExecutionContext;
    try {
      await new AccessGuard(new Reflector(), auth, apiKeys).canActivate(context);
      return { status: 200, request: req };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, code: error.code, request: req };
    }
  }

  it('refuses anonymous callers, and lets viewers read but not change', async () => {
    expect(await decide(undefined, {})).toMatchObject({ status: 401, code: 'unauthenticated' });
    const read = await decide(undefined, { headers: { cookie: 'sy_session=good' } });
    expect(read.status).toBe(200);
    expect(read.request.auth).toMatchObject({ workspaceId: WS_A, role: 'viewer', actor: { type: 'user', id: 'u1' } });
    const change = await decide(undefined, {
      method: 'POST',
      headers: { cookie: 'sy_session=good', 'x-csrf-token': csrfTokenFor('good') },
    });
    expect(change).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('requires the CSRF header on cookie-authenticated changes only', async () => {
    const noHeader = await decide({ kind: 'role', role: 'viewer' }, { method: 'POST', headers: { cookie: 'sy_session=good' } });
    expect(noHeader).toMatchObject({ status: 403, code: 'csrf_failed' });
    const key = await decide({ kind: 'role', role: 'editor' }, { method: 'POST', headers: { authorization: 'Bearer sy_key_b' } });
    expect(key.status).toBe(200);
    expect(key.request.auth).toMatchObject({ workspaceId: WS_B, role: 'editor' });
  });

  it('answers 404 for a workspace one is not in, 403 for an API key naming another, 401 for an unknown key', async () => {
    expect(await decide(undefined, { headers: { cookie: 'sy_session=good', 'x-switchyard-workspace': WS_B } })).toMatchObject({
      status: 404,
    });
    expect(await decide(undefined, { headers: { authorization: 'Bearer sy_key_b', 'x-switchyard-workspace': WS_A } })).toMatchObject({
      status: 403,
      code: 'wrong_workspace',
    });
    expect(await decide(undefined, { headers: { authorization: 'Bearer sy_nope' } })).toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });
  });

  it('keeps public routes open, and user-only routes closed to API keys', async () => {
    expect((await decide({ kind: 'public' }, {})).status).toBe(200);
    expect(
      await decide({ kind: 'signed-in', userOnly: true }, { method: 'POST', headers: { authorization: 'Bearer sy_key_b' } }),
    ).toMatchObject({ status: 403, code: 'user_required' });
  });

  it('reads the access of a route from the contract: the audit log is for admins, the workflow list for viewers', async () => {
    @Controller('api')
    class Routes {
      @Get('audit')
      audit() {}

      @Get('workflows')
      workflows() {}
    }
    const call = async (handler: () => void, headers: Record<string, string>) => {
      const req = { method: 'GET', headers, query: {} } as unknown as AuthedRequest;
      const context = {
        getType: () => 'http',
        getHandler: () => handler,
        getClass: () => Routes,
        switchToHttp: () => ({ getRequest: () => req }),
      } as unknown as ExecutionContext;
      return new AccessGuard(new Reflector(), auth, apiKeys).canActivate(context).then(
        () => 200,
        (e: ApiError) => e.status,
      );
    };
    expect(await call(Routes.prototype.audit, { authorization: 'Bearer sy_key_b' })).toBe(403);
    expect(await call(Routes.prototype.workflows, { cookie: 'sy_session=good' })).toBe(200);
  });

  it('answers setup_required everywhere but the setup routes until a user exists', async () => {
    const fresh = { ...auth, hasUsers: async () => false } as unknown as AuthService;
    const run = async (access: Access | undefined) => {
      const handler = () => undefined;
      if (access) Reflect.defineMetadata(ACCESS, access, handler);
      const req = { method: 'GET', headers: {}, query: {} } as AuthedRequest;
      const context = {
        getType: () => 'http',
        getHandler: () => handler,
        getClass: () => class {},
        switchToHttp: () => ({ getRequest: () => req }),
      } as unknown as ExecutionContext;
      return new AccessGuard(new Reflector(), fresh, apiKeys).canActivate(context).then(
        () => 200,
        (e: ApiError) => e.code,
      );
    };
    expect(await run(undefined)).toBe('setup_required');
    expect(await run({ kind: 'public' })).toBe('setup_required');
    expect(await run({ kind: 'public', duringSetup: true })).toBe(200);
  });
});
