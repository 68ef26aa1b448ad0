import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { DEFAULT_WORKSPACE_ID } from '../database/entities/workspace.entity';
import { type AuthUser, changePasswordSchema, loginSchema, setupSchema, type WorkspaceMembership } from '@switchyard/contract';
import { cookieSecure } from './cookies';
import { SsoConfig } from './oidc/sso-config';
import { DEFAULT_LOCKOUT_POLICY, failureDelayMs, type LockoutPolicy, lockoutFor } from './lockout-policy';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { apiKeyPrefix, csrfTokenFor, randomToken, sha256 } from './tokens';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
export const LOCKOUT_POLICY = Symbol('LOCKOUT_POLICY');

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

/** One of a user's workspaces and their role in it. */
export type Membership = WorkspaceMembership;

export interface NewSession {
  token: string;
  csrfToken: string;
  maxAgeSeconds: number;
  user: AuthUser;
}

/** 429 `account_locked` with the time the lock ends (the controller adds Retry-After). */
export class LockedError extends ApiError {
  constructor(readonly lockedUntil: Date) {
    super(429, 'account_locked', `Too many failed sign-ins: try again after ${lockedUntil.toISOString()}`);
  }

  override toBody() {
    const body = super.toBody();
    return { error: { ...body.error, lockedUntil: this.lockedUntil.toISOString() } };
  }

  retryAfterSeconds(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.lockedUntil.getTime() - now) / 1000));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Accounts: the owner's setup, sign-in with lockout, sessions, password changes. */
@Injectable()
export class AuthService {
  private usersExist = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sso: SsoConfig,
    @Inject(LOCKOUT_POLICY) private readonly lockout: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
  ) {}

  get secureCookies(): boolean {
    return cookieSecure(this.config.SWITCHYARD_COOKIE_SECURE, this.config.publicUrl);
  }

  /** True once any user exists; asked of PostgreSQL until then, so a setup in another process counts. */
  async hasUsers(): Promise<boolean> {
    if (this.usersExist) return true;
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM users) AS e`);
    this.usersExist = row.e === true;
    return this.usersExist;
  }

  /** Automated setup from SWITCHYARD_OWNER_EMAIL/PASSWORD and SWITCHYARD_OWNER_API_KEY. */
  async seedFromEnvironment(): Promise<void> {
    const { SWITCHYARD_OWNER_EMAIL: email, SWITCHYARD_OWNER_PASSWORD: password, SWITCHYARD_OWNER_API_KEY: apiKey } = this.config;
    if (email && password) {
      const created = await this.createOwner(email.trim().toLowerCase(), password, 'Owner');
      if (created) this.logger.info({ email }, 'owner account created from SWITCHYARD_OWNER_EMAIL');
    }
    if (apiKey) {
      await this.dataSource.query(
        `INSERT INTO api_keys (id, workspace_id, name, prefix, key_hash, role, created_by) VALUES ($1, $2, 'SWITCHYARD_OWNER_API_KEY', $3, $4, 'owner', NULL)
         ON CONFLICT (key_hash) DO NOTHING`,
        [newId(), DEFAULT_WORKSPACE_ID, apiKeyPrefix(apiKey), sha256(apiKey)],
      );
    }
  }

  /** Creates the first user as owner of the default workspace; null when a user exists already. */
  private async createOwner(email: string, password: string, name: string): Promise<{ id: string; email: string; name: string } | null> {
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (tx) => {
      // One setup wins, even with several api processes starting at once.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('switchyard:setup'))`);
      const [exists] = await tx.query(`SELECT EXISTS (SELECT 1 FROM users) AS e`);
      if (exists.e) return null;
      const id = newId();
      await tx.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)`, [id, email, name, passwordHash]);
      await tx.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [DEFAULT_WORKSPACE_ID, id]);
      return { id, email, name };
    });
    if (user) this.usersExist = true;
    return user;
  }

  async setup(body: unknown): Promise<NewSession> {
    const input = parseInput(setupSchema, body);
    const user = await this.createOwner(input.email, input.password, input.name ?? input.email.split('@')[0]);
    if (!user) throw new ApiError(409, 'setup_done', 'The owner account exists already: sign in instead');
    return this.startSession(this.dataSource.manager, user);
  }

  /** Checks email and password, slowing down and locking repeated failures (per email and per IP). */
  async login(body: unknown, ip: string): Promise<NewSession> {
    const input = parseInput(loginSchema, body);
    if (!this.passwordSignInAllowed(input.email)) {
      throw new ApiError(403, 'password_signin_disabled', 'Password sign-in is turned off on this server: use single sign-on');
    }
    const keys = [`email:${input.email}`, `ip:${ip}`];
    const now = new Date();
    const failures = await this.recentFailures(keys, now);
    const lock = this.lockState(failures, keys, now);
    if (lock) throw this.lockedError(lock);

    const [row] = await this.dataSource.query(`SELECT id, email, name, password_hash FROM users WHERE email = $1`, [input.email]);
    const ok = row?.password_hash
      ? await verifyPassword(row.password_hash, input.password)
      : (await burnPasswordCheck(input.password), false);
    if (!ok) {
      await this.dataSource.query(`INSERT INTO login_attempts (id, key, at) SELECT gen_random_uuid(), k, $2 FROM unnest($1::text[]) k`, [
        keys,
        now,
      ]);
      const emailFailures = [...(failures.get(keys[0]) ?? []), now];
      const ipFailures = [...(failures.get(keys[1]) ?? []), now];
      await sleep(failureDelayMs(emailFailures.length, this.lockout));
      const after = this.lockState(
        new Map([
          [keys[0], emailFailures],
          [keys[1], ipFailures],
        ]),
        keys,
        now,
      );
      if (after) throw this.lockedError(after);
      throw new ApiError(401, 'invalid_credentials', 'The email or the password is wrong');
    }
    await this.dataSource.query(`DELETE FROM login_attempts WHERE key = $1`, [keys[0]]);
    if (!this.sso.current().passwordSignIn) {
      // The break-glass account must (still) be an owner somewhere to use its password.
      const [owner] = await this.dataSource.query(`SELECT 1 FROM workspace_members WHERE user_id = $1 AND role = 'owner' LIMIT 1`, [
        row.id,
      ]);
      if (!owner) throw new ApiError(403, 'password_signin_disabled', 'Password sign-in is turned off on this server: use single sign-on');
    }
    return this.startSession(this.dataSource.manager, { id: row.id, email: row.email, name: row.name });
  }

  /** Password sign-in turned off (Settings or SWITCHYARD_PASSWORD_SIGNIN=off) leaves passwords only to the break-glass owner. */
  private passwordSignInAllowed(email: string): boolean {
    const sso = this.sso.current();
    if (sso.passwordSignIn) return true;
    return sso.breakGlassEmail !== null && sso.breakGlassEmail === email;
  }

  /** What the sign-in page offers besides passwords; undefined without single sign-on. */
  ssoOffer(): { name: string; passwordSignIn: boolean } | undefined {
    const sso = this.sso.current();
    if (!sso.oidc) return undefined;
    return { name: sso.oidc.name, passwordSignIn: sso.passwordSignIn };
  }

  private lockState(failures: Map<string, Date[]>, keys: string[], now: Date): Date | null {
    const byEmail = lockoutFor(failures.get(keys[0]) ?? [], this.lockout.maxFailuresPerEmail, this.lockout, now);
    const byIp = lockoutFor(failures.get(keys[1]) ?? [], this.lockout.maxFailuresPerIp, this.lockout, now);
    const until = [byEmail.lockedUntil, byIp.lockedUntil].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    return until ?? null;
  }

  private lockedError(until: Date): LockedError {
    return new LockedError(until);
  }

  private async recentFailures(keys: string[], now: Date): Promise<Map<string, Date[]>> {
    const rows: Array<{ key: string; at: Date }> = await this.dataSource.query(
      `SELECT key, at FROM login_attempts WHERE key = ANY($1::text[]) AND at > $2`,
      [keys, new Date(now.getTime() - this.lockout.windowMs)],
    );
    const map = new Map<string, Date[]>();
    for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), new Date(r.at)]);
    return map;
  }

  async startSession(manager: EntityManager, user: { id: string; email: string; name: string }): Promise<NewSession> {
    const token = randomToken();
    await manager.query(`INSERT INTO sessions (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      newId(),
      user.id,
      sha256(token),
      new Date(Date.now() + SESSION_TTL_MS),
    ]);
    return { token, csrfToken: csrfTokenFor(token), maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000), user };
  }

  /** The user behind a session cookie, or null when it is unknown or expired. */
  async userForSession(token: string): Promise<SessionUser | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.id AS session_id, u.id, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [sha256(token)],
    );
    return row ? { id: row.id, email: row.email, name: row.name, sessionId: row.session_id } : null;
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  /** Ends every session of the user. */
  async logoutAll(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }

  /** Changes the password and signs out every other session of the user. */
  async changePassword(user: SessionUser, body: unknown): Promise<void> {
    const input = parseInput(changePasswordSchema, body);
    const [row] = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
      throw new ApiError(400, 'validation_failed', 'The current password is wrong', [{ path: 'currentPassword', message: 'is wrong' }]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, passwordHash]);
      await tx.query(`DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, [user.id, user.sessionId]);
    });
  }

  /** The user's workspaces, oldest membership first (the first is the default for requests without a header). */
  async memberships(userId: string): Promise<Membership[]> {
    return this.dataSource.query(
      `SELECT w.id, w.name, m.role FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = $1 ORDER BY m.created_at, w.id`,
      [userId],
    );
  }

  /** Deletes expired sessions and old failed sign-ins (called now and then). */
  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE expires_at < now()`);
    await this.dataSource.query(`DELETE FROM login_attempts WHERE at < $1`, [
      new Date(Date.now() - Math.max(this.lockout.windowMs, this.lockout.lockMs) * 2),
    ]);
  }
}
