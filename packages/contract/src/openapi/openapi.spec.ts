import { describe, expect, it } from 'vitest';
import { listRoutes } from '../routes/routes';
import { buildOpenApiDocument, openApiPath } from './openapi';

type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument({ version: '1.2.3', serverUrl: 'http://localhost:3000' });
  const paths = doc.paths as Record<string, Record<string, Operation>>;

  it('has an operation for every route of ROUTES, and nothing else', () => {
    const routes = listRoutes();
    for (const route of routes) expect(paths[openApiPath(route.path)]?.[route.method.toLowerCase()], route.key).toBeDefined();
    const operations = Object.values(paths).flatMap((p) => Object.keys(p));
    expect(operations).toHaveLength(routes.length);
    expect(new Set(Object.values(paths).flatMap((p) => Object.values(p).map((o) => o.operationId))).size).toBe(routes.length);
  });

  it('names every path parameter, and the body and query of the routes that take them', () => {
    const run = paths['/api/runs/{id}/steps/{stepId}/items'].get;
    expect(run.parameters?.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['id', 'stepId']);
    expect(run.parameters?.some((p) => p.in === 'query' && p.name === 'limit')).toBe(true);
    expect(paths['/api/workflows'].post.requestBody).toBeDefined();
    expect(paths['/api/workflows'].get.requestBody).toBeUndefined();
  });

  it('answers the error shape on every error status, by reference', () => {
    expect((doc.components as { schemas: Record<string, unknown> }).schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
    });
    const create = paths['/api/workflows'].post.responses;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '500']));
    expect(create['400']).toEqual({
      description: expect.any(String),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  });

  it('keeps every reference inside the document', () => {
    const text = JSON.stringify(doc);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(text).not.toContain('$defs');
    expect(text).not.toContain('"$schema"');
  });

  it('states the version and server it was asked for', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Switchyard API', version: '1.2.3' });
    expect(doc.servers).toEqual([{ url: 'http://localhost:3000' }]);
  });
});
