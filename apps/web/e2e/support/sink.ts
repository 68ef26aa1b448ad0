import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the sink received; `body` is the parsed JSON, or the text when it is not JSON. */
export interface SinkRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A local HTTP receiver on 127.0.0.1 that records what workflows send it. It answers 200 with
 * `{ ok: true, received }`, and 500 to any path that starts with `/fail`; a path that starts with
 * `/flaky-once` answers 503 the first time it is called, then 200.
 */
export interface Sink {
  url: string;
  received: SinkRequest[];
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const received: SinkRequest[] = [];
  const flaky = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      const url = request.url ?? '';
      received.push({ method: request.method ?? '', url, headers: request.headers, body });
      const failOnce = url.startsWith('/flaky-once') && !flaky.has(url);
      if (failOnce) flaky.add(url);
      const status = url.startsWith('/fail') ? 500 : failOnce ? 503 : 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(status === 200 ? { ok: true, received: body } : { error: 'sink is down' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
