/** The owner account and API key that test servers are seeded with (SWITCHYARD_OWNER_*). */
export const TEST_OWNER = {
  email: 'owner@switchyard.test',
  password: 'owner-password-123',
  apiKey: 'sy_test_owner_key_0123456789abcdefghijklmnop',
};

/** The environment that seeds TEST_OWNER into a fresh database. */
export const TEST_OWNER_ENV: Record<string, string> = {
  SWITCHYARD_OWNER_EMAIL: TEST_OWNER.email,
  SWITCHYARD_OWNER_PASSWORD: TEST_OWNER.password,
  SWITCHYARD_OWNER_API_KEY: TEST_OWNER.apiKey,
};

/**
 * A small HTTP client for the contract, used by integration and end-to-end tests. It sends
 * `Authorization: Bearer <apiKey>` (the seeded owner key by default; null = anonymous) unless a
 * request names its own authorization.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string | null = TEST_OWNER.apiKey,
  ) {}

  /** The same server, another caller (another key, or null for anonymous). */
  as(apiKey: string | null): ApiClient {
    return new ApiClient(this.baseUrl, apiKey);
  }

  /** The Authorization header this client sends, for tests that call fetch themselves. */
  authHeaders(): Record<string, string> {
    return this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {};
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const auth: Record<string, string> =
      this.apiKey && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization' || h.toLowerCase() === 'cookie')
        ? { authorization: `Bearer ${this.apiKey}` }
        : {};
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? { ...auth, ...headers } : { 'content-type': 'application/json', ...auth, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json, text };
  }

  async createWorkflow(definition: Record<string, unknown>) {
    const res = await this.request('POST', '/api/workflows', definition);
    if (res.status !== 201) throw new Error(`create workflow: ${res.status} ${res.text}`);
    return res.body as { id: string; trigger: { url: string; token: string } } & Record<string, any>;
  }

  async hook(token: string, body: unknown, init: { method?: string; contentType?: string } = {}) {
    const method = init.method ?? 'POST';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const res = await fetch(`${this.baseUrl}/hooks/${token}`, {
      method,
      headers: hasBody ? { 'content-type': init.contentType ?? 'application/json' } : {},
      body: hasBody ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Polls a run until it reaches a terminal status (bounded). */
  async waitForRun(runId: string, timeoutMs = 30_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.request('GET', `/api/runs/${runId}`);
      if (res.status === 200 && ['succeeded', 'failed', 'filtered', 'cancelled'].includes(res.body.status)) return res.body;
      if (Date.now() > deadline) throw new Error(`run ${runId} did not finish in ${timeoutMs} ms: ${res.text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
