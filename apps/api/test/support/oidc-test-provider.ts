import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A test person at the local OpenID Connect provider. */
export interface TestOidcAccount {
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback, with its development
 * sign-in pages: the login form accepts the account id as `login` and any password.
 */
export class TestOidcProvider {
  private server: Server | null = null;
  private provider: Provider | null = null;
  issuer = '';
  readonly clientId = 'switchyard';
  readonly clientSecret = 'test-client-secret-0123456789';

  constructor(readonly accounts: Record<string, TestOidcAccount>) {}

  /** Listens first, so that the issuer URL is known before Switchyard starts. */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      if (!this.provider) {
        res.statusCode = 503;
        res.end('provider not configured yet');
        return;
      }
      this.provider.callback()(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.issuer;
  }

  /** Registers Switchyard's redirect URL as the one client. */
  configure(redirectUri: string): void {
    this.provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      findAccount: async (_ctx, id) => {
        const account = this.accounts[id];
        if (!account) return undefined;
        return {
          accountId: id,
          claims: async () => ({
            sub: id,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
            groups: account.groups,
          }),
        };
      },
      pkce: { required: () => true },
      cookies: { keys: ['oidc-test-cookie-key'] },
      features: { devInteractions: { enabled: true } },
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Cookie jars per port (127.0.0.1 and localhost share them, as the public URL is http://localhost:PORT). */
export class RedirectWalker {
  private jars = new Map<string, Map<string, string>>();

  private jar(url: URL): Map<string, string> {
    let jar = this.jars.get(url.port);
    if (!jar) this.jars.set(url.port, (jar = new Map()));
    return jar;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(new URL(url)).get(name);
  }

  /** One request, no redirect followed; keeps the cookies it sets. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
    const jar = this.jar(target);
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` while they stay off `stopAt`'s path; returns the last response and its URL. */
  async follow(url: string, stop: (url: URL) => boolean, init: { method?: string; form?: Record<string, string> } = {}) {
    let current = url;
    let res = await this.request(current, init);
    for (let hops = 0; hops < 15 && res.status >= 300 && res.status < 400; hops++) {
      const next = new URL(res.headers.get('location')!, current);
      if (stop(next)) return { res, url: next };
      current = next.toString();
      res = await this.request(current);
    }
    return { res, url: new URL(current) };
  }
}

/**
 * Starts at Switchyard's `/api/auth/oidc/start`, signs in as `accountId` at the provider's own login
 * and consent pages, and returns Switchyard's answer to the callback.
 */
export async function signInAtProvider(baseUrl: string, walker: RedirectWalker, accountId: string): Promise<Response> {
  const start = await walker.request(`${baseUrl}/api/auth/oidc/start?next=/workflows`);
  if (start.status !== 302) throw new Error(`/api/auth/oidc/start answered ${start.status}: ${await start.text()}`);
  let location = new URL(start.headers.get('location')!);
  for (let hops = 0; hops < 12 && location.pathname !== '/api/auth/oidc/callback'; hops++) {
    let res: Response;
    if (location.pathname.startsWith('/interaction/')) {
      const page = await (await walker.request(location.toString())).text();
      const form: Record<string, string> = page.includes('name="prompt" value="login"')
        ? { prompt: 'login', login: accountId, password: 'any' }
        : { prompt: 'consent' };
      res = await walker.request(location.toString(), { method: 'POST', form });
    } else {
      res = await walker.request(location.toString());
    }
    if (res.status < 300 || res.status >= 400) throw new Error(`${location} answered ${res.status}`);
    location = new URL(res.headers.get('location')!, location);
  }
  return walker.request(location.toString());
}
