import { Validator } from '@seriousme/openapi-schema-validator';
import { listRoutes, openApiPath } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

describe('GET /api/openapi.json and /api/docs', () => {
  const sy = useSwitchyard();

  it('serves a valid OpenAPI 3.1 document with every route of the contract, to anyone', async () => {
    const res = await fetch(`${sy.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; servers: unknown };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const missing = listRoutes().filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()]);
    expect(missing.map((r) => r.key)).toEqual([]);
    expect(doc.servers).toEqual([{ url: sy.url.replace('127.0.0.1', 'localhost') }]);
  });

  it('describes the error shape the server really answers', async () => {
    const doc = (await (await fetch(`${sy.url}/api/openapi.json`)).json()) as {
      components: { schemas: { Error: { properties: { error: { required: string[] } } } } };
    };
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'details']);
    const bad = await sy.api.request('POST', '/api/workflows', { name: '', trigger: { type: 'webhook' }, steps: [] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error)).toEqual(expect.arrayContaining(['code', 'message', 'details']));
  });

  it('renders the reference at /api/docs from local files only', async () => {
    const page = await fetch(`${sy.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['/api/docs/assets/swagger-ui.css', '/api/docs/assets/swagger-ui-bundle.js', '/api/docs/assets/start.js']);
    for (const source of sources) {
      const asset = await fetch(`${sy.url}${source}`);
      expect(asset.status, source).toBe(200);
      expect((await asset.text()).length, source).toBeGreaterThan(50);
    }
    expect((await fetch(`${sy.url}/api/docs/assets/start.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${sy.url}/api/docs/assets/oauth2-redirect.html`)).status).toBe(404);
  });
});
