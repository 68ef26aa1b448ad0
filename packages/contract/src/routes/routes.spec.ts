import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTION_MIN_ROLE } from '../access/actions';
import { findRoute, listRoutes, ROUTES } from './routes';

describe('ROUTES', () => {
  it('names a method and an /api path (or a hosted form page) for every route, once', () => {
    const routes = listRoutes();
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      expect(route.path).toMatch(route.path.startsWith('/forms/') ? /^\/forms\/:token$/ : /^\/api\//);
      expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(route.method);
    }
    expect(new Set(routes.map((r) => r.key)).size).toBe(routes.length);
  });

  it('names an action of the permission matrix for every route that needs a role', () => {
    for (const route of listRoutes()) {
      if (route.access.kind === 'action') expect(Object.keys(ACTION_MIN_ROLE), route.key).toContain(route.access.action);
    }
  });

  it('keeps health and sign-in public, and every other route behind a sign-in', () => {
    const open = listRoutes()
      .filter((r) => r.access.kind === 'public')
      .map((r) => r.key);
    expect(open.sort()).toEqual(
      [
        'GET /api/auth/oidc/callback',
        'GET /api/auth/oidc/start',
        'GET /api/auth/state',
        // The OAuth provider's redirect: the one-time state it carries names the connection.
        'GET /api/connections/oauth/callback',
        'GET /api/health/live',
        'GET /api/health/ready',
        'GET /api/invites/:token',
        'GET /api/docs',
        'GET /api/openapi.json',
        'POST /api/auth/login',
        'POST /api/auth/setup',
        'POST /api/invites/:token/accept',
        // The hosted form: its unguessable token is the whole access (rate-limited, no sign-in).
        'GET /forms/:token',
        'POST /forms/:token',
      ].sort(),
    );
  });

  it('has a JSON answer schema for every route but 204s and non-JSON answers', () => {
    for (const route of listRoutes()) {
      const bodyless = route.status === 204 || route.status === 302 || route.produces !== undefined;
      expect(route.response === null, route.key).toBe(bodyless);
    }
  });

  it('can be turned into JSON Schema (the OpenAPI document is generated from it)', () => {
    for (const route of listRoutes()) {
      for (const [part, schema] of Object.entries({ params: route.params, query: route.query, body: route.body })) {
        if (schema) expect(() => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), `${route.key} ${part}`).not.toThrow();
      }
      if (route.response)
        expect(() => z.toJSONSchema(route.response as z.ZodType, { io: 'output', unrepresentable: 'any' }), route.key).not.toThrow();
    }
  });

  it('finds a route by method and registered path, HEAD as GET', () => {
    expect(findRoute('GET', '/api/workflows/:id')?.response).toBe(ROUTES['GET /api/workflows/:id'].response);
    expect(findRoute('HEAD', '/api/health/live')?.key).toBe('GET /api/health/live');
    expect(findRoute('GET', '/api/nothing')).toBeUndefined();
    expect(findRoute('GET', 'constructor')).toBeUndefined();
  });
});
