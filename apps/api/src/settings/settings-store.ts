import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.schema';
import type { Logger } from '../common/logger';

/** How long a process trusts what it read; a change made in another process is seen within this. */
export const SETTINGS_TTL_MS = 2_000;

/** Single sign-on as stored in Settings (the client secret apart, sealed). */
export interface StoredSso {
  issuer: string;
  clientId: string;
  name: string;
  allowedDomains: string[];
  defaultRole: 'viewer' | 'editor' | 'admin';
  groupsClaim: string;
  groupRoles: Array<{ group: string; role: 'viewer' | 'editor' | 'admin' }>;
  passwordSignIn: boolean;
  breakGlassEmail: string | null;
}

export interface StoredInstanceSettings {
  publicUrl: string | null;
  /** Single sign-on configured in Settings, or null (the environment's applies). */
  sso: StoredSso | null;
  /** The client secret, sealed with the master key (associated data SSO_SECRET_AAD). */
  ssoClientSecret: Buffer | null;
  updatedAt: Date | null;
}

/** Binds the sealed client secret to its place. */
export const SSO_SECRET_AAD = 'instance_settings:sso_client_secret';

const EMPTY_INSTANCE: StoredInstanceSettings = { publicUrl: null, sso: null, ssoClientSecret: null, updatedAt: null };

export interface StoredWorkspaceSettings {
  egressAllow: string[];
  updatedAt: Date | null;
}

/**
 * Settings kept in PostgreSQL, read through a short-TTL cache so that every process (api and
 * worker, on any machine) applies a change within SETTINGS_TTL_MS without a restart. The process
 * that writes a change drops its own cache at once.
 *
 * The instance's public base URL is applied to `config.publicUrl`, which every consumer of trigger,
 * invite and run links reads: the stored value when set, the environment's (`environmentPublicUrl`)
 * otherwise. A timer refreshes it in every process.
 */
export class SettingsStore {
  private readonly workspaces = new Map<string, { at: number; value: Promise<StoredWorkspaceSettings> }>();
  private instance: StoredInstanceSettings = EMPTY_INSTANCE;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly config: AppConfig,
    private readonly logger: Logger,
    private readonly ttlMs = SETTINGS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The base of trigger URLs the environment gives (SWITCHYARD_PUBLIC_URL or http://localhost:PORT). */
  get environmentPublicUrl(): string {
    return this.config.environmentPublicUrl ?? this.config.publicUrl;
  }

  async start(): Promise<void> {
    this.config.environmentPublicUrl ??= this.config.publicUrl;
    await this.refreshInstance();
    this.timer = setInterval(() => {
      this.refreshInstance().catch((err: Error) => this.logger.warn({ err: err.message }, 'could not refresh the instance settings'));
    }, this.ttlMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  instanceSettings(): StoredInstanceSettings {
    return this.instance;
  }

  async refreshInstance(): Promise<StoredInstanceSettings> {
    const { rows } = await this.pool.query(`SELECT public_url, sso, sso_client_secret, updated_at FROM instance_settings WHERE id = 1`);
    this.instance = rows[0]
      ? { publicUrl: rows[0].public_url, sso: rows[0].sso, ssoClientSecret: rows[0].sso_client_secret, updatedAt: rows[0].updated_at }
      : EMPTY_INSTANCE;
    this.applyPublicUrl();
    return this.instance;
  }

  /** Sets `config.publicUrl` from the stored value or the environment's; bootstrap calls it again once the port is known. */
  applyPublicUrl(): void {
    this.config.publicUrl = this.instance.publicUrl ?? this.environmentPublicUrl;
  }

  async saveInstance(publicUrl: string | null): Promise<StoredInstanceSettings> {
    await this.pool.query(
      `INSERT INTO instance_settings (id, public_url, updated_at) VALUES (1, $1, now())
       ON CONFLICT (id) DO UPDATE SET public_url = EXCLUDED.public_url, updated_at = EXCLUDED.updated_at`,
      [publicUrl],
    );
    return this.refreshInstance();
  }

  /**
   * Stores (or with null removes) the single sign-on settings. `clientSecret`: a sealed new one,
   * null to remove it, undefined to keep the stored one.
   */
  async saveSso(sso: StoredSso | null, clientSecret: Buffer | null | undefined): Promise<StoredInstanceSettings> {
    await this.pool.query(
      `INSERT INTO instance_settings (id, sso, sso_client_secret, updated_at) VALUES (1, $1::jsonb, $2, now())
       ON CONFLICT (id) DO UPDATE SET sso = EXCLUDED.sso,
         sso_client_secret = CASE WHEN $3 THEN instance_settings.sso_client_secret ELSE EXCLUDED.sso_client_secret END,
         updated_at = EXCLUDED.updated_at`,
      [sso === null ? null : JSON.stringify(sso), sso === null ? null : (clientSecret ?? null), sso !== null && clientSecret === undefined],
    );
    return this.refreshInstance();
  }

  /** A read of the settings' database (checks beside a change). */
  query(sql: string, params: unknown[]) {
    return this.pool.query(sql, params);
  }

  /** The workspace's settings, at most SETTINGS_TTL_MS old. */
  workspace(workspaceId: string): Promise<StoredWorkspaceSettings> {
    const cached = this.workspaces.get(workspaceId);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.value;
    const value = this.readWorkspace(workspaceId);
    this.workspaces.set(workspaceId, { at: this.now(), value });
    value.catch(() => this.workspaces.delete(workspaceId));
    return value;
  }

  async saveWorkspace(workspaceId: string, egressAllow: string[]): Promise<StoredWorkspaceSettings> {
    await this.pool.query(
      `INSERT INTO workspace_settings (workspace_id, egress_allow, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (workspace_id) DO UPDATE SET egress_allow = EXCLUDED.egress_allow, updated_at = EXCLUDED.updated_at`,
      [workspaceId, JSON.stringify(egressAllow)],
    );
    this.workspaces.delete(workspaceId);
    return this.workspace(workspaceId);
  }

  private async readWorkspace(workspaceId: string): Promise<StoredWorkspaceSettings> {
    const { rows } = await this.pool.query(`SELECT egress_allow, updated_at FROM workspace_settings WHERE workspace_id = $1`, [
      workspaceId,
    ]);
    if (!rows[0]) return { egressAllow: [], updatedAt: null };
    return { egressAllow: rows[0].egress_allow as string[], updatedAt: rows[0].updated_at };
  }
}
