import { z } from 'zod';
import { errorBodySchema } from '../common/error.schema';
import { listRoutes } from '../routes/routes';
import type { RouteSpec } from '../routes/route-spec';

type JsonObject = Record<string, unknown>;

/** Error statuses every route may answer besides its own: the shape is always `errorBodySchema`. */
const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input: `details` name each field and the reason',
  '401': 'Not signed in (no session or API key)',
  '403': 'Signed in, but the role may not do this (or a CSRF token is missing)',
  '404': 'Not found in this workspace',
  '409': 'Conflict with the current state',
  '413': 'Body over the size limit',
  '429': 'Too many requests',
  '500': 'Unexpected error',
};

/**
 * Converts a zod schema into an OpenAPI 3.1 schema object (JSON Schema 2020-12). Definitions zod
 * puts in `$defs` (recursive schemas) move to `components.schemas` under `prefix`, and their
 * references follow, since in OpenAPI a `#/...` reference is resolved against the whole document.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', prefix: string, components: JsonObject): JsonObject {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
  delete converted.$schema;
  const defs = (converted.$defs ?? {}) as Record<string, unknown>;
  delete converted.$defs;
  const rename = (name: string) => `${prefix}_${name}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      const out: JsonObject = {};
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') {
          if (inner === '#') out[key] = `#/components/schemas/${rename('root')}`;
          else if (inner.startsWith('#/$defs/')) out[key] = `#/components/schemas/${rename(inner.slice('#/$defs/'.length))}`;
          else out[key] = inner;
        } else out[key] = rewrite(inner);
      }
      return out;
    }
    return value;
  };
  for (const [name, def] of Object.entries(defs)) components[rename(name)] = rewrite(def);
  const body = rewrite(converted) as JsonObject;
  // A self-reference (`$ref: '#'`) needs the root itself as a component.
  if (JSON.stringify(body).includes(`"#/components/schemas/${rename('root')}"`)) components[rename('root')] = body;
  return body;
}

/** `/api/runs/:id/steps/:stepId` → `/api/runs/{id}/steps/{stepId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by ${part.slice(1)}` : part))
    .join(' ')
    .split(' ');
  return [method.toLowerCase(), ...words].map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function parameters(where: 'path' | 'query', schema: z.ZodType, prefix: string, components: JsonObject): JsonObject[] {
  const json = toSchema(schema, 'input', prefix, components);
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function tagOf(path: string): string {
  if (path.startsWith('/forms/')) return 'forms';
  const segment = path.split('/')[2] ?? 'api';
  return segment === 'test' ? 'builder-test' : segment;
}

function accessText(spec: RouteSpec): string {
  const { access } = spec;
  if (access.kind === 'public') return 'Public.';
  if (access.kind === 'signed-in') return access.userOnly ? 'A signed-in user (not an API key).' : 'Any signed-in user or API key.';
  return `Needs the \`${access.action}\` permission (see the role matrix in docs/accounts.md).`;
}

export interface OpenApiOptions {
  /** `info.version`: the Switchyard version serving the document. */
  version: string;
  /** Base URL of the server, for `servers` (omitted when unknown). */
  serverUrl?: string;
}

/**
 * The OpenAPI 3.1 document of the HTTP api, generated from ROUTES and the zod schemas the server
 * validates with: every route, its parameters, body, success answer and the error shape
 * (`components.schemas.Error`). Not written by hand; `GET /api/openapi.json` serves it.
 */
export function buildOpenApiDocument(options: OpenApiOptions): JsonObject {
  const components: JsonObject = {};
  components.Error = toSchema(errorBodySchema, 'output', 'Error', components);
  const errorRef = { $ref: '#/components/schemas/Error' };
  const paths: Record<string, JsonObject> = {};

  for (const route of listRoutes()) {
    const id = operationId(route.method, route.path);
    const operation: JsonObject = {
      operationId: id,
      summary: route.summary,
      description: accessText(route),
      tags: [tagOf(route.path)],
    };
    const params = [
      ...(route.params ? parameters('path', route.params, `${id}_params`, components) : []),
      ...(route.query ? parameters('query', route.query, `${id}_query`, components) : []),
    ];
    if (params.length > 0) operation.parameters = params;
    if (route.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input', `${id}_body`, components) } },
      };

    const responses: JsonObject = {};
    const success: JsonObject = { description: route.summary };
    if (route.response)
      success.content = { 'application/json': { schema: toSchema(route.response, 'output', `${id}_response`, components) } };
    else if (route.produces) success.content = { [route.produces]: { schema: { type: 'string' } } };
    responses[String(route.status)] = success;
    for (const [status, schema] of Object.entries(route.otherResponses ?? {}))
      responses[status] = {
        description: `${route.summary} (${status})`,
        content: { 'application/json': { schema: toSchema(schema as z.ZodType, 'output', `${id}_${status}`, components) } },
      };
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      if (responses[status]) continue;
      if (route.access.kind === 'public' && (status === '401' || status === '403')) continue;
      responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
    }
    operation.responses = responses;
    operation.security =
      route.access.kind === 'public'
        ? []
        : route.access.kind === 'signed-in' && route.access.userOnly
          ? [{ session: [] }]
          : [{ apiKey: [] }, { session: [] }];

    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchyard API',
      version: options.version,
      description:
        'Webhook-triggered workflow automation. Generated from the zod schemas the server validates with (packages/contract). ' +
        'Every error answers `{ "error": { code, message, details } }`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: [...new Set(Object.values(paths).flatMap((p) => Object.values(p).flatMap((o) => (o as { tags: string[] }).tags)))].map(
      (name) => ({
        name,
      }),
    ),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer sy_...`' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sy_session',
          description: 'The web session cookie (writes also need the `x-csrf-token` header from `GET /api/auth/state`).',
        },
      },
    },
  };
}
