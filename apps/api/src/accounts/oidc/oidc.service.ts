import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { ApiError } from '../../common/api-error';
import { newId } from '../../common/ids';
import { LOGGER, type Logger } from '../../common/logger';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema';
import { DEFAULT_WORKSPACE_ID } from '../../database/entities/workspace.entity';
import { AuditService } from '../audit.service';
import { AuthService, type NewSession } from '../auth.service';
import { domainAllowed, type OidcSettings, roleFromGroups } from './oidc-settings';
import { SsoConfig } from './sso-config';

/** What the browser keeps (in an httpOnly cookie) between the redirect to the provider and the callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** OpenID Connect sign-in: authorization code + PKCE + state + nonce, just-in-time membership, group -> role. */
@Injectable()
export class OidcService {
  private discovered: { key: string; configuration: Promise<client.Configuration> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly sso: SsoConfig,
  ) {}

  /** The settings in effect: stored in Settings, else the environment's (SsoConfig). */
  get settings(): OidcSettings | null {
    return this.sso.current().oidc;
  }

  /** The redirect URL to register at the provider. */
  get redirectUri(): string {
    return new URL('/api/auth/oidc/callback', this.config.publicUrl).toString();
  }

  private require(): OidcSettings {
    const settings = this.settings;
    if (!settings) throw new ApiError(404, 'sso_not_configured', 'Single sign-on is not configured on this server');
    return settings;
  }

  /** The provider's discovered configuration, found again when the settings change (in any process). */
  private configuration(): Promise<client.Configuration> {
    const s = this.require();
    const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret ?? null]);
    if (this.discovered?.key !== key) {
      const configuration = (async () => {
        const issuer = new URL(s.issuer);
        // Plain http only for a provider on this machine (tests, a local Keycloak).
        const insecure = issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname);
        return client.discovery(
          issuer,
          s.clientId,
          s.clientSecret,
          s.clientSecret ? client.ClientSecretPost(s.clientSecret) : client.None(),
          insecure ? { execute: [client.allowInsecureRequests] } : undefined,
        );
      })().catch((err: Error) => {
        if (this.discovered?.key === key) this.discovered = null;
        this.logger.warn({ err: err.message, issuer: s.issuer }, 'OpenID Connect discovery failed');
        throw new ApiError(502, 'sso_unavailable', `The sign-on provider could not be reached: ${err.message}`);
      });
      this.discovered = { key, configuration };
    }
    return this.discovered.configuration;
  }

  /** The provider's authorization URL and what the callback must check. */
  async start(next: string): Promise<{ url: string; pending: PendingSignIn }> {
    const configuration = await this.configuration();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.toString(), pending };
  }

  /** Exchanges the code, checks state, nonce and PKCE, then finds or creates the user and starts a session. */
  async finish(callbackQuery: string, pending: PendingSignIn | null): Promise<NewSession> {
    const s = this.require();
    if (!pending) throw new ApiError(400, 'sso_state_missing', 'The sign-on attempt expired or was started in another browser: try again');
    const configuration = await this.configuration();
    const current = new URL(this.redirectUri);
    current.search = callbackQuery;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new ApiError(401, 'sso_failed', `The sign-on provider's answer was refused: ${(err as Error).message}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new ApiError(401, 'sso_failed', 'The sign-on provider sent no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    if (!claims.email || claims[s.groupsClaim] === undefined) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, String(idClaims.sub)).catch(() => null);
      if (info) claims = { ...info, ...claims, [s.groupsClaim]: claims[s.groupsClaim] ?? info[s.groupsClaim] };
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email) throw new ApiError(403, 'sso_no_email', 'The sign-on provider did not share an e-mail address (scope "email")');
    if (claims.email_verified === false)
      throw new ApiError(403, 'sso_email_unverified', `The e-mail ${email} is not verified at the provider`);
    if (!domainAllowed(email, s.allowedDomains)) {
      throw new ApiError(403, 'sso_domain_refused', `E-mail addresses at ${email.slice(email.indexOf('@') + 1)} may not sign in here`);
    }
    const name = typeof claims.name === 'string' && claims.name ? claims.name : email.split('@')[0];
    const mappedRole = roleFromGroups(claims[s.groupsClaim], s.groupRoles);
    const user = await this.upsertUser(String(idClaims.sub), email, name, mappedRole);
    return this.auth.startSession(this.dataSource.manager, user);
  }

  private async upsertUser(subject: string, email: string, name: string, mappedRole: ReturnType<typeof roleFromGroups>) {
    const s = this.require();
    return this.dataSource.transaction(async (tx) => {
      let [row] = await tx.query(`SELECT id, email, name FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2`, [s.issuer, subject]);
      let created = false;
      if (!row) {
        [row] = await tx.query(`SELECT id, email, name FROM users WHERE email = $1 FOR UPDATE`, [email]);
        if (row) {
          await tx.query(`UPDATE users SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1`, [row.id, s.issuer, subject]);
        } else {
          row = { id: newId(), email, name };
          await tx.query(
            `INSERT INTO users (id, email, name, password_hash, oidc_issuer, oidc_subject) VALUES ($1, $2, $3, NULL, $4, $5)`,
            [row.id, email, name, s.issuer, subject],
          );
          created = true;
        }
      }
      const [member] = await tx.query(`SELECT role FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`, [
        DEFAULT_WORKSPACE_ID,
        row.id,
      ]);
      const actor = { type: 'user' as const, id: row.id, email: row.email, name: row.name, sessionId: '' };
      const target = { type: 'user', id: row.id, name: row.email };
      if (!member) {
        const role = mappedRole ?? s.defaultRole;
        await tx.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)`, [
          DEFAULT_WORKSPACE_ID,
          row.id,
          role,
        ]);
        await this.audit.record(
          { workspaceId: DEFAULT_WORKSPACE_ID, actor, action: 'member.added', target, after: { role, via: 'sso' } },
          tx,
        );
      } else if (mappedRole && member.role !== mappedRole && member.role !== 'owner') {
        // The provider's groups decide the role on every sign-in; an owner is never demoted by it.
        await tx.query(`UPDATE workspace_members SET role = $3 WHERE workspace_id = $1 AND user_id = $2`, [
          DEFAULT_WORKSPACE_ID,
          row.id,
          mappedRole,
        ]);
        await this.audit.record(
          {
            workspaceId: DEFAULT_WORKSPACE_ID,
            actor,
            action: 'member.role-changed',
            target,
            before: { role: member.role },
            after: { role: mappedRole, via: 'sso' },
          },
          tx,
        );
      }
      await this.audit.record(
        { workspaceId: DEFAULT_WORKSPACE_ID, actor, action: 'user.signed-in-sso', target, after: { issuer: s.issuer, created } },
        tx,
      );
      return { id: row.id as string, email: row.email as string, name: row.name as string };
    });
  }
}
