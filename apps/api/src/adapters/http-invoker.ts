import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { HttpInvoker, HttpRequest, HttpResponse } from '@switchyard/engine';
import { Agent, request } from 'undici';
import { EgressGuard } from './egress-guard';

/** Largest response body kept for a step's output. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export class OutboundError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly kind: 'user' | 'system' = 'user',
  ) {
    super(message);
  }
}

type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * The engine's HTTP port: undici with an SSRF guard. Names are resolved by our own lookup, which
 * refuses the whole name when any of its addresses is refused; IP literals are checked before
 * connecting; redirects are followed by hand so that every hop is checked again.
 */
export class GuardedHttpInvoker implements HttpInvoker {
  private readonly agent: Agent;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly guard: EgressGuard,
    private readonly resolve: Resolver = systemResolver,
  ) {
    this.agent = new Agent({
      connect: { lookup: (hostname, options, callback) => this.lookup(hostname, options as { all?: boolean }, callback as LookupCallback) },
      keepAliveTimeout: 10_000,
    });
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url;
    let method = req.method;
    let body = req.body;
    const headers = { ...req.headers };
    const signal = AbortSignal.timeout(req.timeoutMs);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const target = this.checkUrl(url);
      let res;
      try {
        res = await request(target, {
          method: method as 'GET',
          headers,
          body,
          dispatcher: this.agent,
          signal,
          maxRedirections: 0,
        } as Parameters<typeof request>[1]);
      } catch (err) {
        throw this.classify(err, req);
      }
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
        await res.body.dump();
        url = new URL(location, target).toString();
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          delete headers['content-type'];
        }
        continue;
      }
      return this.readResponse(res, req);
    }
    throw new OutboundError('HTTP_TOO_MANY_REDIRECTS', `More than ${MAX_REDIRECTS} redirects from ${req.url}`, false);
  }

  /**
   * Waits for requests in flight; `force` (a shutdown past its deadline) aborts them instead. Once
   * closed, later calls wait for that close.
   */
  close(force = false): Promise<void> {
    this.closing ??= force ? this.agent.destroy() : this.agent.close();
    return this.closing;
  }

  /** Exposed for tests: the decision for a URL, without connecting. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundError('INVALID_URL', `"${raw}" is not a valid URL`, false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new OutboundError('INVALID_URL', `Only http and https URLs can be called, not ${url.protocol}`, false);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.guard.isHostAllowed(host)) {
      const decision = this.guard.checkAddress(host);
      if (!decision.allowed) throw new OutboundError('EGRESS_BLOCKED', decision.reason, false);
    }
    return url;
  }

  private lookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
    this.resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (!this.guard.isHostAllowed(hostname)) {
          for (const a of addresses) {
            const decision = this.guard.checkAddress(a.address);
            if (!decision.allowed) {
              return callback(new OutboundError('EGRESS_BLOCKED', `${hostname} resolves to ${decision.reason}`, false), []);
            }
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err) => callback(err, []),
    );
  }

  private async readResponse(res: Awaited<ReturnType<typeof request>>, req: HttpRequest): Promise<HttpResponse> {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > MAX_RESPONSE_BYTES) {
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      if (!truncated) throw this.classify(err, req);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { status: res.statusCode, headers, body: Buffer.concat(chunks).toString('utf8'), bodyTruncated: truncated };
  }

  private classify(err: unknown, req: HttpRequest): Error {
    if (err instanceof OutboundError) return err;
    const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string } };
    const cause = findOutbound(err);
    if (cause) return cause;
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT') {
      return new OutboundError('HTTP_TIMEOUT', `${req.method} ${req.url} did not answer within ${req.timeoutMs} ms`, true);
    }
    const code = e.code ?? e.cause?.code ?? 'UNKNOWN';
    return new OutboundError('HTTP_NETWORK_ERROR', `${req.method} ${req.url} failed: ${code} ${e.message ?? ''}`.trim(), true);
  }
}

function findOutbound(err: unknown): OutboundError | null {
  let current = err as { cause?: unknown } | undefined;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof OutboundError) return current;
    current = current.cause as { cause?: unknown } | undefined;
  }
  return null;
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;
