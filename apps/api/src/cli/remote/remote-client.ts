import type { Command } from 'commander';
import type { CliContext } from '../cli-context';

/** Exit codes of the commands that talk to a server, besides 0 (done), 1 (refused or failed) and 2 (wrong usage). */
export const REMOTE_EXIT = {
  /** The server could not be reached, or did not answer as Switchyard. */
  unreachable: 3,
} as const;

/** An error answer of the server, with its status and the contract's `{ error: { code, message, details } }`. */
export class RemoteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

/** The server could not be reached (exit 3). */
export class UnreachableError extends Error {}

/** A usage problem found after parsing (a missing URL or key): exit 2. */
export class UsageError extends Error {}

export interface RemoteOptions {
  url?: string;
  apiKey?: string;
  json?: boolean;
}

/** `--url`, `--api-key` and `--json`, shared by every command that talks to a server. */
export function withRemoteOptions(command: Command): Command {
  return command
    .option('--url <url>', 'base URL of the Switchyard server (default: SWITCHYARD_URL)')
    .option('--api-key <key>', 'an API key, sy_... (default: SWITCHYARD_API_KEY)')
    .option('--json', 'print the result as JSON on stdout (and nothing else there)');
}

/** A small client of the HTTP api with an API key. */
export class RemoteClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  static from(ctx: CliContext, options: RemoteOptions): RemoteClient {
    const url = options.url ?? ctx.env.SWITCHYARD_URL;
    const apiKey = options.apiKey ?? ctx.env.SWITCHYARD_API_KEY;
    if (!url) throw new UsageError('no server: pass --url or set SWITCHYARD_URL');
    if (!apiKey) throw new UsageError('no API key: pass --api-key or set SWITCHYARD_API_KEY (Settings › API keys)');
    if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must start with http:// or https:// (got ${url})`);
    return new RemoteClient(url.replace(/\/+$/, ''), apiKey);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      throw new UnreachableError(`cannot reach ${this.baseUrl}: ${cause ?? (err as Error).message}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new UnreachableError(`${this.baseUrl}${path} did not answer JSON (HTTP ${res.status}): is it a Switchyard server?`);
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string; details?: Array<{ path: string; message: string }> } })?.error;
      if (!error) throw new UnreachableError(`${this.baseUrl}${path} answered HTTP ${res.status} without a Switchyard error`);
      throw new RemoteError(res.status, error.code ?? 'error', error.message ?? `HTTP ${res.status}`, error.details ?? []);
    }
    return json as T;
  }
}

/**
 * Runs a remote command's action with its errors mapped to exit codes and messages: a server's
 * refusal prints its message and each field (exit 1, or the JSON error with --json), an unreachable
 * server exits 3, a missing URL or key exits 2.
 */
export function remoteAction<A extends unknown[]>(ctx: CliContext, action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const options = args.find((a, i) => i === args.length - 2 && a && typeof a === 'object') as RemoteOptions | undefined;
    try {
      await action(...args);
    } catch (err) {
      if (err instanceof UsageError) {
        ctx.err(`switchyard: ${err.message}`);
        ctx.setExitCode(2);
      } else if (err instanceof UnreachableError) {
        ctx.err(`switchyard: ${err.message}`);
        ctx.setExitCode(REMOTE_EXIT.unreachable);
      } else if (err instanceof RemoteError) {
        if (options?.json)
          ctx.out(JSON.stringify({ error: { status: err.status, code: err.code, message: err.message, details: err.details } }));
        ctx.err(`switchyard: ${err.message} (HTTP ${err.status} ${err.code})`);
        for (const d of err.details.slice(0, 20)) ctx.err(`  ${d.path || '(body)'}: ${d.message}`);
        ctx.setExitCode(1);
      } else throw err;
    }
  };
}
