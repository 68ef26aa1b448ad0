import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics } from '../observability/metrics';
import type { IngestSpan, Tracing } from '../observability/tracing';
import type { IngestAnswer, IngestService } from './ingest.service';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const originalContentType = new WeakMap<FastifyRequest, string | undefined>();

/** The headers as the sender sent them (the content type is swapped while the body is read). */
function receivedHeaders(request: FastifyRequest): FastifyRequest['headers'] {
  if (!originalContentType.has(request)) return request.headers;
  const headers = { ...request.headers };
  const original = originalContentType.get(request);
  if (original === undefined) delete headers['content-type'];
  else headers['content-type'] = original;
  return headers;
}

/**
 * `ANY /hooks/:token` as a plain Fastify route, outside Nest's pipeline (it is the hot path). The
 * body is read as raw bytes, whatever its content type, up to the configured limit.
 */
export function registerHookRoutes(
  fastify: FastifyInstance,
  ingest: IngestService,
  maxBodyBytes: number,
  publicUrl: () => string = () => '',
  metrics: Metrics | null = null,
  tracing: Tracing | null = null,
): void {
  const observe = (answer: IngestAnswer, startedAt: bigint, span: IngestSpan | null) => {
    span?.end(answer);
    if (!metrics) return answer;
    const verdict = answer.verdict ?? 'unknown';
    metrics.webhooksReceived.inc(metrics.wf(answer.workflowId ?? '', { verdict, status: answer.status }));
    metrics.ingestLatency.observe({ verdict }, Number(process.hrtime.bigint() - startedAt) / 1e9);
    return answer;
  };
  fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBodyBytes }, (_req, body, done) => done(null, body));
    // Fastify refuses a malformed Content-Type (415) before any parser runs, and such a request
    // would go unrecorded: read every body as bytes, and give the ingest path the header as sent.
    scope.addHook('onRequest', async (request) => {
      originalContentType.set(request, request.headers['content-type']);
      request.headers['content-type'] = 'application/octet-stream';
    });

    scope.setErrorHandler(
      async (
        error: { code?: string; statusCode?: number },
        request: FastifyRequest<{ Params: { token: string } }>,
        reply: FastifyReply,
      ) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          const announced = Number(request.headers['content-length']);
          const startedAt = process.hrtime.bigint();
          const span = tracing?.startIngest(request.method, request.headers) ?? null;
          const answer = observe(
            await ingest.receive({
              token: request.params.token,
              method: request.method,
              headers: receivedHeaders(request),
              query: request.query as Record<string, unknown>,
              body: null,
              size: Number.isFinite(announced) ? announced : maxBodyBytes + 1,
              ip: request.ip,
              url: publicUrl() + request.url,
              traceParent: span?.traceParent,
            }),
            startedAt,
            span,
          );
          return reply
            .code(answer.status)
            .headers(answer.headers ?? {})
            .send(answer.body);
        }
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        return reply.code(status).send({
          error: { code: 'bad_request', message: status === 500 ? 'Internal error' : String((error as Error).message), details: [] },
        });
      },
    );

    scope.route<{ Params: { token: string } }>({
      method: [...METHODS],
      url: '/hooks/:token',
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const startedAt = process.hrtime.bigint();
        const span = tracing?.startIngest(request.method, request.headers) ?? null;
        const answer = observe(
          await ingest.receive({
            token: request.params.token,
            method: request.method,
            headers: receivedHeaders(request),
            query: request.query as Record<string, unknown>,
            body: (request.body as Buffer | undefined) ?? null,
            ip: request.ip,
            url: publicUrl() + request.url,
            traceParent: span?.traceParent,
          }),
          startedAt,
          span,
        );
        reply.code(answer.status);
        if (answer.headers) reply.headers(answer.headers);
        return reply.send(answer.body);
      },
    });
  });
}
