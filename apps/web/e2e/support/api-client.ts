import assert from 'node:assert/strict';
import type { Run } from './contract.ts';

const RUN_TIMEOUT_MS = 60_000;
const FINISHED = new Set(['succeeded', 'failed', 'filtered', 'cancelled']);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An answer of the API: the status and the parsed JSON body (the text when it is not JSON, null when empty). */
export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** The owner seeded into every test server (SWITCHYARD_OWNER_*), and its API key used by default. */
export const OWNER = {
  email: 'owner@switchyard.test',
  password: 'owner-password-123',
  apiKey: 'sy_e2e_owner_key_0123456789abcdefghijklmno',
};

/** A cookie as a browser context takes it. */
export interface SessionCookie {
  name: string;
  value: string;
  url: string;
}

/**
 * Calls the API from the test process, as an HTTP client would: `Authorization: Bearer <apiKey>`,
 * the seeded owner's key unless a call names another one (null = anonymous). The type parameter
 * says what a call expects back; nothing checks it at run time, the assertions do.
 */
export class ApiClient {
  readonly base: string;
  /** What failures add for the reader: the tail of the server's log. */
  private readonly context: () => string;

  constructor(base: string, context: () => string = () => '') {
    this.base = base;
    this.context = context;
  }

  async request<T = unknown>(
    method: string,
    urlPath: string,
    body?: unknown,
    { apiKey = OWNER.apiKey }: { apiKey?: string | null } = {},
  ): Promise<ApiResponse<T>> {
    const auth: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
    const response = await fetch(`${this.base}${urlPath}`, {
      method,
      headers: body === undefined ? auth : { 'content-type': 'application/json', ...auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, body: json as T };
  }

  /** Polls a run until it reaches a final status (60 s at most). */
  async waitForRun(runId: string): Promise<Run> {
    const until = Date.now() + RUN_TIMEOUT_MS;
    let run: Run | null = null;
    while (Date.now() < until) {
      const { status, body } = await this.request<Run>('GET', `/api/runs/${runId}`);
      if (status === 200) {
        run = body;
        if (FINISHED.has(run.status)) return run;
      }
      await sleep(200);
    }
    throw new Error(`Run ${runId} did not finish within ${RUN_TIMEOUT_MS} ms: ${JSON.stringify(run)}\n${this.context()}`);
  }

  /** Signs in through the login API and returns the session cookies, for a browser context to take. */
  async signIn(email = OWNER.email, password = OWNER.password): Promise<SessionCookie[]> {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(response.status, 200, `sign-in as ${email} answered ${response.status}: ${await response.text()}`);
    return response.headers.getSetCookie().map((line) => {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), url: this.base };
    });
  }
}
