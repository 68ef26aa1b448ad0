import { errorBodySchema, findRoute, type RouteSpec } from '@switchyard/contract';
import { formatPath } from '@switchyard/engine';
import type { FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../common/api-error';
import type { Logger } from '../common/logger';

/** `log`: drift is logged and the answer sent as it is; `strict`: drift answers 500 `contract_violation`. */
export type ContractCheckMode = 'log' | 'strict';

/**
 * The problems of a JSON answer of `route` with `status`, empty when it matches: success answers
 * against the route's response schema, errors against the error shape. Nothing is transformed: the
 * check never changes what is sent (no defaults filled, no keys stripped).
 */
export function checkAnswer(params: { route: RouteSpec | undefined; status: number; body: unknown }): ErrorDetail[] {
  const { route, status, body } = params;
  const schema = route?.otherResponses?.[status] ?? (status >= 400 ? errorBodySchema : route?.response);
  if (schema === undefined) return [{ path: '', message: 'the route is not in the contract (ROUTES)' }];
  if (schema === null) return [{ path: '', message: `must have no JSON body (the contract answers ${route?.status})` }];
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Parses every JSON answer under /api with the shared contract (SWITCHYARD_CONTRACT_CHECK,
 * docs/adr/0011-shared-contract.md). A Fastify preSerialization hook sees exactly the objects about
 * to be sent, error answers included; event streams, raw bodies and empty answers never reach it.
 */
export function registerContractCheck(fastify: FastifyInstance, options: { mode: ContractCheckMode; logger: Logger }): void {
  fastify.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (!request.url.startsWith('/api/')) return payload;
    // An /api URL no route matched answers 404: only its error body is checked.
    const path = request.routeOptions.url;
    const route = path === undefined ? undefined : findRoute(request.method, path);
    const status = reply.statusCode;
    const problems = checkAnswer({ route, status, body: payload });
    if (problems.length === 0) return payload;
    const name = route?.key ?? `${request.method} ${path ?? request.url.split('?')[0]}`;
    options.logger.error({ route: name, status, problems: problems.slice(0, 20) }, 'an answer does not match the HTTP contract');
    if (options.mode !== 'strict') return payload;
    const first = problems[0];
    reply.code(500);
    return {
      error: {
        code: 'contract_violation',
        message: `The ${status} answer of ${name} does not match the contract: ${first.path || 'body'} ${first.message}`,
        details: problems,
      },
    };
  });
}
