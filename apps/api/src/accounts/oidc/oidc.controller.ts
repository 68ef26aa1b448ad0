import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../../common/api-error';
import { LOGGER, type Logger } from '../../common/logger';
import { AuthService } from '../auth.service';
import { serializeCookie, sessionCookies } from '../cookies';
import type { AuthedRequest } from '../auth-context';
import { readCookie } from '../tokens';
import { OidcService, type PendingSignIn } from './oidc.service';

export const OIDC_COOKIE = 'sy_oidc';
const PENDING_MAX_AGE_S = 600;

function safeNext(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

function readPending(cookieHeader: string | undefined): PendingSignIn | null {
  const raw = readCookie(cookieHeader, OIDC_COOKIE);
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return typeof value?.state === 'string' && typeof value.nonce === 'string' && typeof value.verifier === 'string'
      ? { state: value.state, nonce: value.nonce, verifier: value.verifier, next: safeNext(value.next) }
      : null;
  } catch {
    return null;
  }
}

/** Single sign-on with OpenID Connect (docs/accounts.md "Single sign-on"). Both answers are browser redirects. */
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly auth: AuthService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('start')
  async start(@Query('next') next: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { url, pending } = await this.oidc.start(safeNext(next));
    const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
    reply.header(
      'set-cookie',
      serializeCookie(OIDC_COOKIE, value, { secure: this.auth.secureCookies, httpOnly: true, maxAge: PENDING_MAX_AGE_S }),
    );
    reply.header('cache-control', 'no-store');
    reply.redirect(url, 302);
  }

  @Get('callback')
  async callback(@Req() request: AuthedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const pending = readPending(request.headers.cookie);
    const cleared = serializeCookie(OIDC_COOKIE, '', { secure: this.auth.secureCookies, httpOnly: true, maxAge: 0 });
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    reply.header('cache-control', 'no-store');
    try {
      const session = await this.oidc.finish(query, pending);
      reply.header('set-cookie', [
        cleared,
        ...sessionCookies(session.token, session.csrfToken, session.maxAgeSeconds, this.auth.secureCookies),
      ]);
      reply.redirect(pending?.next ?? '/', 302);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'sso_failed';
      this.logger.warn({ code, err: (err as Error).message }, 'single sign-on refused');
      reply.header('set-cookie', cleared);
      reply.redirect(`/sign-in?sso_error=${encodeURIComponent(code)}`, 302);
    }
  }
}
