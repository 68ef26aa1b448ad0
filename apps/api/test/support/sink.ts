import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver on 127.0.0.1 that records what http steps send it. */
export interface Sink {
  url: string;
  port: number;
  requests: SinkRequest[];
  /** Answer the next requests with this status (default 200). */
  respondWith(status: number, body?: unknown): void;
  /** Answer the next `times` requests with `status` (and optional headers), then as before. */
  failNext(times: number, status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const requests: SinkRequest[] = [];
  let status = 200;
  let reply: unknown = { ok: true };
  let failures: Array<{ status: number; headers: Record<string, string> }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const failure = failures.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: `failing on purpose with ${failure.status}` }));
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    failNext(times, s, headers = {}) {
      failures = Array.from({ length: times }, () => ({ status: s, headers }));
    },
    respondWith(s, body = { ok: s < 400 }) {
      status = s;
      reply = body;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
