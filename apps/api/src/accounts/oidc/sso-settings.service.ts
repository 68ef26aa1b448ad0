import { Inject, Injectable } from '@nestjs/common';
import { type SsoDiscoveryResult, type SsoSettings, ssoDiscoveryRequestSchema, updateSsoSettingsSchema } from '@switchyard/contract';
import { ApiError } from '../../common/api-error';
import { parseInput } from '../../common/parse-input';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema';
import { DEFAULT_WORKSPACE_ID } from '../../database/entities/workspace.entity';
import { SettingsStore, type StoredInstanceSettings, type StoredSso } from '../../settings/settings-store';
import { WorkspaceHttp } from '../../settings/workspace-http';
import { AuditService } from '../audit.service';
import type { Actor } from '../auth-context';
import type { Role } from '../roles';
import { SsoConfig } from './sso-config';

const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Single sign-on configured by an owner in Settings (docs/accounts.md "Single sign-on"): stored in
 * `instance_settings` with the client secret sealed, every change audited, applied by every process
 * within the settings store's refresh; the environment's SWITCHYARD_OIDC_* remain the fallback.
 */
@Injectable()
export class SsoSettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly sso: SsoConfig,
    private readonly http: WorkspaceHttp,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(workspaceId: string, role: Role | undefined): Promise<SsoSettings> {
    this.requireDefault(workspaceId);
    return this.dto(await this.store.refreshInstance(), workspaceId, role);
  }

  async update(workspaceId: string, role: Role | undefined, actor: Actor, body: unknown): Promise<SsoSettings> {
    this.requireDefault(workspaceId);
    const input = parseInput(updateSsoSettingsSchema, body);
    const before = await this.store.refreshInstance();
    const sso: StoredSso = {
      issuer: input.issuer.replace(/\/+$/, ''),
      clientId: input.clientId,
      name: input.name,
      allowedDomains: [...new Set(input.allowedDomains)],
      defaultRole: input.defaultRole,
      groupsClaim: input.groupsClaim,
      groupRoles: input.groupRoles,
      passwordSignIn: input.passwordSignIn,
      breakGlassEmail: input.breakGlassEmail,
    };
    if (!sso.passwordSignIn) await this.requireBreakGlassOwner(sso.breakGlassEmail as string);
    const secret = input.clientSecret === undefined ? undefined : input.clientSecret === null ? null : this.sso.seal(input.clientSecret);
    const after = await this.store.saveSso(sso, secret);
    await this.audit.record({
      workspaceId,
      actor,
      action: 'settings.sso-updated',
      target: { type: 'settings', id: 'sso', name: 'Single sign-on' },
      before: auditView(before),
      after: { ...auditView(after), clientSecret: secret === undefined ? 'kept' : secret === null ? 'removed' : 'replaced' },
    });
    return this.dto(after, workspaceId, role);
  }

  async remove(workspaceId: string, role: Role | undefined, actor: Actor): Promise<SsoSettings> {
    this.requireDefault(workspaceId);
    const before = await this.store.refreshInstance();
    const after = await this.store.saveSso(null, null);
    await this.audit.record({
      workspaceId,
      actor,
      action: 'settings.sso-removed',
      target: { type: 'settings', id: 'sso', name: 'Single sign-on' },
      before: auditView(before),
      after: null,
    });
    return this.dto(after, workspaceId, role);
  }

  /** Reads `<issuer>/.well-known/openid-configuration` through the egress guard and checks what sign-in needs. */
  async discovery(workspaceId: string, body: unknown): Promise<SsoDiscoveryResult> {
    this.requireDefault(workspaceId);
    const { issuer } = parseInput(ssoDiscoveryRequestSchema, body);
    const base = issuer.replace(/\/+$/, '');
    const url = `${base}/.well-known/openid-configuration`;
    let doc: Record<string, unknown>;
    try {
      const res = await this.http.forWorkspace(DEFAULT_WORKSPACE_ID).send({
        method: 'GET',
        url,
        headers: { accept: 'application/json', 'user-agent': 'Switchyard' },
        timeoutMs: DISCOVERY_TIMEOUT_MS,
      });
      if (res.status !== 200) return { ok: false, url, problem: `the issuer answered ${res.status}, not 200` };
      doc = JSON.parse(res.body) as Record<string, unknown>;
    } catch (err) {
      return { ok: false, url, problem: (err as Error).message };
    }
    const problem =
      typeof doc !== 'object' || doc === null
        ? 'the answer is not a JSON object'
        : doc.issuer !== base && doc.issuer !== `${base}/`
          ? `the document names the issuer ${JSON.stringify(doc.issuer)}, not ${base}`
          : typeof doc.authorization_endpoint !== 'string'
            ? 'the document has no authorization_endpoint'
            : typeof doc.token_endpoint !== 'string'
              ? 'the document has no token_endpoint'
              : undefined;
    return {
      ok: problem === undefined,
      url,
      ...(problem ? { problem } : {}),
      ...(typeof doc?.authorization_endpoint === 'string' ? { authorizationEndpoint: doc.authorization_endpoint } : {}),
      ...(typeof doc?.token_endpoint === 'string' ? { tokenEndpoint: doc.token_endpoint } : {}),
      ...(Array.isArray(doc?.scopes_supported) ? { scopesSupported: doc.scopes_supported.map(String) } : {}),
    };
  }

  private requireDefault(workspaceId: string): void {
    if (workspaceId !== DEFAULT_WORKSPACE_ID) {
      throw new ApiError(
        403,
        'forbidden',
        'Single sign-on is kept by the owners of the Default workspace; switch to it to see or change it',
      );
    }
  }

  /** Turning passwords off must leave an owner who can still sign in with one. */
  private async requireBreakGlassOwner(email: string): Promise<void> {
    const { rows } = await this.store.query(
      `SELECT 1 FROM users u JOIN workspace_members m ON m.user_id = u.id
        WHERE u.email = $1 AND u.password_hash IS NOT NULL AND m.role = 'owner' LIMIT 1`,
      [email],
    );
    if (rows.length === 0) {
      throw new ApiError(400, 'validation_failed', 'The request body is invalid', [
        { path: 'breakGlassEmail', message: 'must be an owner who has a password (else nobody could sign in if the provider fails)' },
      ]);
    }
  }

  private dto(stored: StoredInstanceSettings, workspaceId: string, role: Role | undefined): SsoSettings {
    const effective = this.sso.current();
    return {
      source: effective.source,
      redirectUrl: new URL('/api/auth/oidc/callback', this.config.publicUrl).toString(),
      settings: stored.sso ? { ...stored.sso, clientSecretSet: stored.ssoClientSecret !== null } : null,
      environment: this.sso.environmentValues(),
      canEdit: workspaceId === DEFAULT_WORKSPACE_ID && role === 'owner',
      updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
    };
  }
}

/** What the audit log keeps: everything but the secret, which is only said to be set. */
function auditView(stored: StoredInstanceSettings): Record<string, unknown> | null {
  return stored.sso ? { ...stored.sso, clientSecretSet: stored.ssoClientSecret !== null } : null;
}
