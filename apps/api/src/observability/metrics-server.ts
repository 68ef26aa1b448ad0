import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../common/logger';
import type { Metrics } from './metrics';

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function hasMetricsToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * `GET /metrics` on the main HTTP port, for callers with `Authorization: Bearer <token>`; outside
 * Nest and /api like the trigger URLs (no session, no contract: Prometheus' text format).
 */
export function registerMetricsRoute(fastify: FastifyInstance, metrics: Metrics, token: string): void {
  fastify.get('/metrics', async (request, reply) => {
    if (!hasMetricsToken(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: { code: 'unauthorized', message: 'GET /metrics needs Authorization: Bearer <SWITCHYARD_METRICS_TOKEN>', details: [] },
        });
    }
    return reply.header('content-type', metrics.contentType).send(await metrics.render());
  });
}

/**
 * The metrics listener of its own (SWITCHYARD_METRICS_PORT): `GET /metrics` and nothing else, for
 * every role; the worker's only HTTP. Meant for a port that only Prometheus reaches.
 */
export class MetricsServer {
  private server: Server | null = null;
  private address: string | null = null;

  constructor(
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  /** The listener's base URL once started (`http://host:port`), or null. */
  get url(): string | null {
    return this.address;
  }

  async start(port: number, host: string): Promise<void> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
        return;
      }
      this.metrics.render().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.contentType }).end(req.method === 'HEAD' ? undefined : text),
        (err: Error) => {
          this.logger.warn({ err: err.message }, 'could not render the metrics');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const { port: bound } = server.address() as AddressInfo;
    this.address = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
