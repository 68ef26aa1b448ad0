import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.schema';
import type { Logger } from '../common/logger';

/** How long a process trusts what it read; a change made in another process is seen within this. */
export const SETTINGS_TTL_MS = 2_000;

export interface StoredInstanceSettings {
  publicUrl: string | null;
  updatedAt: Date | null;
}

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
  private instance: StoredInstanceSettings = { publicUrl: null, updatedAt: null };
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
    const { rows } = await this.pool.query(`SELECT public_url, updated_at FROM instance_settings WHERE id = 1`);
    this.instance = rows[0] ? { publicUrl: rows[0].public_url, updatedAt: rows[0].updated_at } : { publicUrl: null, updatedAt: null };
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
