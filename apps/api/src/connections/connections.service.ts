import type { Connection, ResponseOf } from '@switchyard/contract';
import {
  createConnectionSchema,
  fieldOptionsRequestSchema,
  dynamicFieldsRequestSchema,
  oauthCallbackQuerySchema,
  startOAuthSchema,
  updateConnectionSchema,
} from '@switchyard/contract';
import {
  AppUnauthorizedError,
  appNeedsConnection,
  findApp,
  findAppAction,
  findAppField,
  identifyConnection,
  loadFieldOptions,
  loadDynamicFields,
  NEEDS_RECONNECTING,
  StepError,
  type AppDefinition,
  type HttpInvoker,
  type ResolvedConnection,
} from '@switchyard/engine';
import type { Pool, PoolClient } from 'pg';
import type { Actor } from '../accounts/auth-context';
import type { AuditEntry } from '../accounts/audit.service';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { isUuid, newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import { CredentialError } from '../credentials/credential-error';
import type { ServerMailer } from '../mail/server-mailer';
import { maskSecret } from '../secrets/mask-secret';
import type { SecretBoxProvider } from '../secrets/trigger-secrets.service';
import { authorizeUrl, oauth2Of, pkcePair, randomState, requestTokens, TokenError } from './oauth2-client';

/** Tokens are refreshed when they expire within this margin. */
export const REFRESH_MARGIN_MS = 60_000;
/** How long a started sign-in waits for the provider's callback. */
const OAUTH_STATE_TTL = '15 minutes';

interface ConnectionRow {
  id: string;
  workspace_id: string;
  name: string;
  app: string;
  auth_kind: string;
  status: 'active' | 'pending' | 'needs-reconnecting';
  error: string | null;
  account: string | null;
  scopes: string[];
  public_fields: Record<string, string>;
  hints: Record<string, string>;
  ciphertext: Buffer;
  expires_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** What is sealed: secret connection fields, the OAuth client secret, tokens, the PKCE verifier of a sign-in under way. */
type Sealed = Record<string, string>;

const ad = (id: string) => `connection:${id}`;

const RECONNECT_HINT = 'reconnect it on the Connections page';
const needsReconnecting = (appName: string, name: string) => `the ${appName} connection "${name}" needs reconnecting`;

type UsedBy = Connection['usedBy'];

function toDto(row: ConnectionRow, usedBy: UsedBy = []): Connection {
  return {
    id: row.id,
    name: row.name,
    app: row.app,
    authKind: row.auth_kind,
    status: row.status,
    error: row.error,
    account: row.account,
    scopes: row.scopes,
    public: row.public_fields,
    hints: row.hints,
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    usedBy,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function html(title: string, message: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>${esc(message)}</p><p>You can close this window.</p></body></html>`;
}

/**
 * App connections of a workspace: pasted keys and OAuth 2 sign-ins (authorization code with PKCE),
 * sealed with the master key; the engine's connection port (tokens refreshed under a row lock);
 * "Test connection" and live lists through the app's definition.
 */
export class ConnectionsService {
  constructor(
    private readonly pool: Pool,
    private readonly box: SecretBoxProvider,
    private readonly http: HttpInvoker,
    private readonly publicUrl: string,
    private readonly clock: () => number = () => Date.now(),
    /** Writes an audit row (renames, deletions, a connection that needs reconnecting). */
    private readonly audit: (entry: AuditEntry) => Promise<void> = async () => undefined,
    /** The server's e-mail, for telling owners that a connection needs reconnecting. */
    private readonly mailer?: Pick<ServerMailer, 'configured' | 'send'>,
  ) {}

  redirectUrl(): string {
    return `${this.publicUrl.replace(/\/+$/, '')}/api/connections/oauth/callback`;
  }

  async list(workspaceId: string): Promise<Connection[]> {
    const { rows } = await this.pool.query<ConnectionRow>(`SELECT * FROM connections WHERE workspace_id = $1 ORDER BY name`, [workspaceId]);
    const usage = await this.usage(this.pool, workspaceId);
    return rows.map((row) => toDto(row, usage.get(row.id)));
  }

  /** Workflows whose current version uses each connection, with how many steps (nested ones included) do. */
  private async usage(db: Pool | PoolClient, workspaceId: string, connectionId?: string): Promise<Map<string, UsedBy>> {
    const { rows } = await db.query<{ connection_id: string; id: string; name: string; steps: number }>(
      `SELECT ref.connection_id, w.id, w.name, count(*)::int AS steps
         FROM workflows w
         JOIN workflow_versions v ON v.id = w.current_version_id
         CROSS JOIN LATERAL (
           SELECT r #>> '{}' AS connection_id FROM jsonb_path_query(v.definition, 'strict $.steps.**.connectionId', '{}', true) r
         ) ref
        WHERE w.workspace_id = $1 AND ($2::text IS NULL OR ref.connection_id = $2)
        GROUP BY ref.connection_id, w.id, w.name
        ORDER BY w.name, w.id`,
      [workspaceId, connectionId ?? null],
    );
    const usage = new Map<string, UsedBy>();
    for (const r of rows) usage.set(r.connection_id, [...(usage.get(r.connection_id) ?? []), { id: r.id, name: r.name, steps: r.steps }]);
    return usage;
  }

  /** Renames a connection (names are unique in a workspace). */
  async rename(workspaceId: string, id: string, body: unknown, actor?: Actor): Promise<Connection> {
    const input = parseInput(updateConnectionSchema, body);
    const before = await this.row(this.pool, workspaceId, id);
    try {
      await this.pool.query(`UPDATE connections SET name = $3, updated_at = now() WHERE id = $1 AND workspace_id = $2`, [
        id,
        workspaceId,
        input.name,
      ]);
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new ApiError(409, 'conflict', `A connection named ${input.name} exists`, [{ path: 'name', message: 'is taken' }]);
      throw err;
    }
    await this.audit({
      workspaceId,
      actor,
      action: 'connection.renamed',
      target: { type: 'connection', id, name: input.name },
      before: { name: before.name },
      after: { name: input.name },
    });
    return this.get(workspaceId, id);
  }

  /** A connection with a key, token or login: checked with the app's identity call, which also names the account. */
  async create(workspaceId: string, body: unknown): Promise<Connection> {
    const input = parseInput(createConnectionSchema, body);
    const app = this.appOf(input.app);
    if (oauth2Of(app))
      throw new ApiError(400, 'validation_failed', `${app.name} signs in with OAuth 2`, [
        { path: 'app', message: 'use POST /api/connections/oauth/start' },
      ]);
    const { publicFields, secrets } = this.splitFields(app, input.data);
    const id = newId();
    const connection: ResolvedConnection = { app: app.key, values: { ...publicFields, ...secrets }, secrets: Object.values(secrets) };
    let account: string | null = null;
    try {
      account = (await identifyConnection({ app, connection, ports: { http: this.http }, evaluate: {} })).account;
    } catch (err) {
      if (err instanceof AppUnauthorizedError)
        throw new ApiError(400, 'validation_failed', `${app.name} refused these credentials`, [
          { path: 'data', message: err.message.replace(/^connectionId: /, '') },
        ]);
    }
    await this.insert({ id, workspaceId, name: input.name, app, status: 'active', publicFields, sealed: secrets, account });
    return this.get(workspaceId, id);
  }

  async get(workspaceId: string, id: string): Promise<Connection> {
    const row = await this.row(this.pool, workspaceId, id);
    return toDto(row, (await this.usage(this.pool, workspaceId, id)).get(id));
  }

  /** Deletes a connection, or refuses (409, naming the workflows) while the current version of a workflow uses it. */
  async remove(workspaceId: string, id: string, actor?: Actor): Promise<void> {
    if (!isUuid(id)) throw ApiError.notFound('connection', id);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const row = (
        await client.query<ConnectionRow>(`SELECT * FROM connections WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [id, workspaceId])
      ).rows[0];
      if (!row) throw ApiError.notFound('connection', id);
      const workflows = (await this.usage(client, workspaceId, id)).get(id) ?? [];
      if (workflows.length > 0) {
        const steps = workflows.reduce((n, w) => n + w.steps, 0);
        const message = `connection "${row.name}" is used by ${steps} step${steps === 1 ? '' : 's'} in ${workflows.length} workflow${workflows.length === 1 ? '' : 's'}: ${workflows.map((w) => w.name).join(', ')}; change those steps first`;
        throw new ApiError(409, 'connection_in_use', message, [{ path: 'workflows', message }], { workflows });
      }
      await client.query(`DELETE FROM connections WHERE id = $1`, [id]);
      await client.query('COMMIT');
      await this.audit({
        workspaceId,
        actor,
        action: 'connection.deleted',
        target: { type: 'connection', id, name: row.name },
        before: { name: row.name, app: row.app, account: row.account },
      });
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Starts a sign-in: a pending connection (or the one to reconnect) with a state and a PKCE verifier, and the consent URL. */
  async startOAuth(workspaceId: string, body: unknown): Promise<ResponseOf<'POST /api/connections/oauth/start'>> {
    const input = parseInput(startOAuthSchema, body);
    const app = this.appOf(input.app);
    const auth = oauth2Of(app);
    if (!auth)
      throw new ApiError(400, 'validation_failed', `${app.name} does not sign in with OAuth 2`, [
        { path: 'app', message: 'use POST /api/connections' },
      ]);
    const { publicFields, secrets } = this.splitFields(app, input.data);
    const state = randomState();
    const pkce = auth.pkce ? pkcePair() : undefined;
    const sealed: Sealed = { ...secrets };
    if (input.clientSecret) sealed.clientSecret = input.clientSecret;
    if (pkce) sealed.code_verifier = pkce.verifier;
    const pub = { ...publicFields, clientId: input.clientId };
    let id = input.connectionId;
    if (id) {
      const existing = await this.row(this.pool, workspaceId, id);
      if (existing.app !== app.key)
        throw new ApiError(400, 'validation_failed', 'The connection belongs to another app', [
          { path: 'connectionId', message: `is a ${existing.app} connection` },
        ]);
      const old = this.open(existing);
      if (!input.clientSecret && old.clientSecret) sealed.clientSecret = old.clientSecret;
      await this.pool.query(
        `UPDATE connections SET public_fields = $3, ciphertext = $4, hints = $5, oauth_state = $6, oauth_started_at = now(), error = NULL, updated_at = now()
          WHERE id = $1 AND workspace_id = $2`,
        [id, workspaceId, pub, this.seal(id, sealed), this.hints(sealed), state],
      );
    } else {
      id = newId();
      await this.insert({ id, workspaceId, name: input.name, app, status: 'pending', publicFields: pub, sealed, account: null, state });
    }
    const url = await authorizeUrl({
      auth,
      connection: pub,
      clientId: input.clientId,
      redirectUrl: this.redirectUrl(),
      state,
      challenge: pkce?.challenge,
    });
    return { connectionId: id, authorizeUrl: url, redirectUrl: this.redirectUrl() };
  }

  /** The provider's redirect after consent: exchanges the code for tokens (with the PKCE verifier) and stores them. */
  async callback(query: unknown): Promise<{ status: number; html: string }> {
    const input = parseInput(oauthCallbackQuerySchema, query, 'query');
    if (!input.state) return { status: 400, html: html('Sign-in failed', 'The provider did not return a state.') };
    const { rows } = await this.pool.query<ConnectionRow>(
      `UPDATE connections SET oauth_state = NULL WHERE oauth_state = $1 AND oauth_started_at > now() - interval '${OAUTH_STATE_TTL}' RETURNING *`,
      [input.state],
    );
    const row = rows[0];
    if (!row)
      return { status: 400, html: html('Sign-in failed', 'This sign-in expired or was already used: start it again from Switchyard.') };
    const app = this.appOf(row.app);
    const auth = oauth2Of(app)!;
    if (input.error || !input.code) {
      const reason = `${app.name} did not grant access: ${[input.error, input.error_description].filter(Boolean).join(': ') || 'no code'}`;
      await this.pool.query(`UPDATE connections SET error = $2, updated_at = now() WHERE id = $1`, [row.id, reason]);
      return { status: 400, html: html('Sign-in failed', reason) };
    }
    const sealed = this.open(row);
    let account: string | null = null;
    try {
      const tokens = await requestTokens({
        http: this.http,
        auth,
        connection: row.public_fields,
        clientId: row.public_fields.clientId,
        clientSecret: sealed.clientSecret,
        form: {
          grant_type: 'authorization_code',
          code: input.code,
          redirect_uri: this.redirectUrl(),
          ...(sealed.code_verifier ? { code_verifier: sealed.code_verifier } : {}),
        },
        now: this.clock(),
      });
      delete sealed.code_verifier;
      sealed.access_token = tokens.accessToken;
      if (tokens.refreshToken) sealed.refresh_token = tokens.refreshToken;
      // Who signed in, before the connection shows as active (a dialog waiting for it then shows the account).
      const { clientSecret: _c, refresh_token: _r, ...usable } = sealed;
      const connection = { app: app.key, values: { ...row.public_fields, ...usable }, secrets: Object.values(sealed) };
      account = await identifyConnection({ app, connection, ports: { http: this.http }, evaluate: {} })
        .then((r) => r.account)
        .catch(() => null);
      await this.pool.query(
        `UPDATE connections SET status = 'active', error = NULL, account = $6, ciphertext = $2, hints = $3, expires_at = $4, scopes = $5, updated_at = now() WHERE id = $1`,
        [row.id, this.seal(row.id, sealed), this.hints(sealed), tokens.expiresAt, tokens.scopes ?? auth.scopes, account],
      );
    } catch (err) {
      const reason = err instanceof TokenError ? err.message : (err as Error).message;
      await this.pool.query(`UPDATE connections SET error = $2, updated_at = now() WHERE id = $1`, [row.id, reason]);
      return { status: 502, html: html('Sign-in failed', reason) };
    }
    return { status: 200, html: html(`Connected to ${app.name}`, account ? `Signed in as ${account}.` : 'The connection is saved.') };
  }

  /** "Test connection": the identity call through the connection (refreshing its token if needed). */
  async test(workspaceId: string, id: string): Promise<ResponseOf<'POST /api/connections/:id/test'>> {
    await this.row(this.pool, workspaceId, id);
    try {
      return { ok: true, account: await this.identify(workspaceId, id) };
    } catch (err) {
      const message = (err as Error).message.replace(/^connectionId: /, '');
      if (err instanceof AppUnauthorizedError) await this.reportUnauthorized(workspaceId, id, message);
      return { ok: false, account: null, error: message };
    }
  }

  /** A live list of a dynamic-choice field, through the connection. */
  async options(workspaceId: string, body: unknown): Promise<ResponseOf<'POST /api/apps/options'>> {
    const input = parseInput(fieldOptionsRequestSchema, body);
    const app = this.appOf(input.app);
    const action = findAppAction(app, input.action);
    if (!action)
      throw new ApiError(400, 'validation_failed', 'Unknown action', [
        { path: 'action', message: `${app.name} has no action ${input.action}` },
      ]);
    const field = findAppField(action, input.field);
    if (!field?.options)
      throw new ApiError(400, 'validation_failed', 'Not a live list', [
        { path: 'field', message: `${input.field} is not a dynamic-choice field of ${action.label}` },
      ]);
    let connection: ResolvedConnection | undefined;
    if (appNeedsConnection(app)) {
      if (!input.connectionId)
        throw new ApiError(400, 'validation_failed', 'A connection is needed', [
          { path: 'connectionId', message: `connect a ${app.name} account first` },
        ]);
      connection = await this.resolveForApi(workspaceId, input.connectionId, app.key);
    }
    try {
      return await loadFieldOptions({
        app,
        field,
        input: input.input,
        connection,
        ports: { http: this.http },
        evaluate: {},
        search: input.search,
      });
    } catch (err) {
      throw await this.apiErrorOf(workspaceId, input.connectionId, err);
    }
  }

  /** The fields a dynamic-fields field reads from the app (a Notion database's properties), through the connection. */
  async dynamicFields(workspaceId: string, body: unknown): Promise<ResponseOf<'POST /api/apps/fields'>> {
    const input = parseInput(dynamicFieldsRequestSchema, body);
    const app = this.appOf(input.app);
    const action = findAppAction(app, input.action);
    if (!action)
      throw new ApiError(400, 'validation_failed', 'Unknown action', [
        { path: 'action', message: `${app.name} has no action ${input.action}` },
      ]);
    const field = findAppField(action, input.field);
    if (!field?.fields)
      throw new ApiError(400, 'validation_failed', 'Not dynamic fields', [
        { path: 'field', message: `${input.field} is not a dynamic-fields field of ${action.label}` },
      ]);
    let connection: ResolvedConnection | undefined;
    if (appNeedsConnection(app)) {
      if (!input.connectionId)
        throw new ApiError(400, 'validation_failed', 'A connection is needed', [
          { path: 'connectionId', message: `connect a ${app.name} account first` },
        ]);
      connection = await this.resolveForApi(workspaceId, input.connectionId, app.key);
    }
    try {
      return await loadDynamicFields({ app, field, input: input.input, connection, ports: { http: this.http }, evaluate: {} });
    } catch (err) {
      throw await this.apiErrorOf(workspaceId, input.connectionId, err);
    }
  }

  /**
   * The engine's port for the runs of one workspace; `offline` for dry runs and rehearsals: stored
   * values only (no token refresh, no "last used", refusals not reported).
   */
  portFor(workspaceId: string, options: { offline?: boolean } = {}) {
    if (options.offline)
      return {
        resolve: (connectionId: string, app: string) => this.resolve(workspaceId, connectionId, app, { offline: true }),
        reportUnauthorized: async () => undefined,
      };
    return {
      resolve: (connectionId: string, app: string) => this.resolve(workspaceId, connectionId, app),
      reportUnauthorized: (connectionId: string, reason: string) => this.reportUnauthorized(workspaceId, connectionId, reason),
    };
  }

  /**
   * A connection's values for a call: refused when it needs reconnecting; an OAuth 2 access token
   * that expires within a minute is refreshed first, under the row's lock, so concurrent runs
   * refresh it once (the others wait and read the new token). A refused refresh marks the
   * connection "needs reconnecting". `offline` (dry runs): the stored values as they are, nothing
   * refreshed or written.
   */
  async resolve(
    workspaceId: string,
    connectionId: string,
    appKey: string,
    options: { offline?: boolean } = {},
  ): Promise<ResolvedConnection> {
    let row = isUuid(connectionId)
      ? (await this.pool.query<ConnectionRow>(`SELECT * FROM connections WHERE id = $1 AND workspace_id = $2`, [connectionId, workspaceId]))
          .rows[0]
      : undefined;
    if (!row)
      throw new CredentialError(
        'CONNECTION_NOT_FOUND',
        `connection ${connectionId} does not exist (deleted, or in another workspace)`,
        false,
      );
    if (row.app !== appKey)
      throw new CredentialError('CONNECTION_APP', `connection ${row.name} is a ${row.app} connection, not ${appKey}`, false);
    this.assertUsable(row);
    const app = this.appOf(row.app);
    if (!options.offline) {
      if (oauth2Of(app) && this.expiresSoon(row)) row = await this.refresh(workspaceId, connectionId, app);
      await this.pool.query(
        `UPDATE connections SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.id],
      );
    }
    const sealed = this.open(row);
    const { clientSecret: _c, refresh_token: _r, code_verifier: _v, ...usable } = sealed;
    const values = { ...row.public_fields, ...usable };
    return { app: row.app, name: row.name, values, secrets: Object.values(sealed).filter((v) => v.length > 0) };
  }

  /** The app refused the connection: it needs reconnecting (the owners are told once, when it turns so). */
  async reportUnauthorized(workspaceId: string, connectionId: string, reason: string): Promise<void> {
    if (!isUuid(connectionId)) return;
    const { rows } = await this.pool.query<ConnectionRow>(
      `UPDATE connections SET status = 'needs-reconnecting', error = $3, updated_at = now()
        WHERE id = $1 AND workspace_id = $2 AND status <> 'needs-reconnecting' RETURNING *`,
      [connectionId, workspaceId, reason.replace(/^connectionId: /, '').slice(0, 500)],
    );
    if (rows[0]) await this.tellOwners(rows[0]);
  }

  /**
   * A connection just turned "needs reconnecting" (one caller only: the one whose update changed
   * its status): e-mails the workspace owners and writes an audit row. Reconnecting makes it
   * active again, so a later failure is a new episode and alerts again.
   */
  private async tellOwners(row: ConnectionRow): Promise<void> {
    const app = findApp(row.app);
    const appName = app?.name ?? row.app;
    const { rows: owners } = await this.pool.query<{ email: string }>(
      `SELECT u.email FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.role = 'owner' ORDER BY u.email`,
      [row.workspace_id],
    );
    const to = owners.map((o) => o.email);
    let alert: Record<string, unknown>;
    if (to.length === 0) alert = { skipped: 'the workspace has no owner with an e-mail address' };
    else if (!this.mailer?.configured) alert = { to, error: 'No SMTP server is configured (SWITCHYARD_SMTP_URL)' };
    else {
      const base = this.publicUrl.replace(/\/+$/, '');
      try {
        const receipt = await this.mailer.send({
          to,
          subject: `Switchyard: the ${appName} connection "${row.name}" needs reconnecting`,
          text: [
            `The ${appName} connection "${row.name}"${row.account ? ` (${row.account})` : ''} stopped working: ${row.error ?? 'the app refused it'}.`,
            'Steps that use it fail until it is reconnected. Reconnect it on the Connections page:',
            `${base}/connections`,
          ].join('\n'),
          messageId: `<connection.${row.id}.${row.updated_at.getTime()}@switchyard>`,
        });
        alert = { to, messageId: receipt.messageId };
      } catch (err) {
        alert = { to, error: (err as Error).message };
      }
    }
    await this.audit({
      workspaceId: row.workspace_id,
      actor: undefined,
      action: 'connection.needs_reconnecting',
      target: { type: 'connection', id: row.id, name: row.name },
      after: { app: row.app, reason: row.error, alert },
    });
  }

  private async refresh(workspaceId: string, connectionId: string, app: AppDefinition): Promise<ConnectionRow> {
    const auth = oauth2Of(app)!;
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const row = (
        await client.query<ConnectionRow>(`SELECT * FROM connections WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [
          connectionId,
          workspaceId,
        ])
      ).rows[0];
      if (!row) throw new CredentialError('CONNECTION_NOT_FOUND', `connection ${connectionId} does not exist`, false);
      this.assertUsable(row);
      if (!this.expiresSoon(row)) {
        await client.query('COMMIT');
        return row;
      }
      const sealed = this.open(row);
      const fail = async (reason: string): Promise<never> => {
        const changed = await client.query<ConnectionRow>(
          `UPDATE connections SET status = 'needs-reconnecting', error = $2, updated_at = now() WHERE id = $1 RETURNING *`,
          [row.id, reason],
        );
        await client.query('COMMIT');
        await this.tellOwners(changed.rows[0]).catch(() => undefined);
        throw new CredentialError(NEEDS_RECONNECTING, `${needsReconnecting(app.name, row.name)}: ${reason}; ${RECONNECT_HINT}`, false);
      };
      if (!sealed.refresh_token) return await fail('its access token expired and the provider gave no refresh token');
      let tokens;
      try {
        tokens = await requestTokens({
          http: this.http,
          auth,
          connection: row.public_fields,
          clientId: row.public_fields.clientId,
          clientSecret: sealed.clientSecret,
          form: { grant_type: 'refresh_token', refresh_token: sealed.refresh_token },
          now: this.clock(),
        });
      } catch (err) {
        if (err instanceof TokenError && err.refused) return await fail(`refreshing its token failed (${err.message})`);
        await client.query('ROLLBACK');
        throw new CredentialError('CONNECTION_REFRESH', `refreshing the ${app.name} token failed: ${(err as Error).message}`, true);
      }
      sealed.access_token = tokens.accessToken;
      if (tokens.refreshToken) sealed.refresh_token = tokens.refreshToken;
      const updated = (
        await client.query<ConnectionRow>(
          `UPDATE connections SET ciphertext = $2, hints = $3, expires_at = $4, status = 'active', error = NULL, updated_at = now() WHERE id = $1 RETURNING *`,
          [row.id, this.seal(row.id, sealed), this.hints(sealed), tokens.expiresAt],
        )
      ).rows[0];
      await client.query('COMMIT');
      return updated;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async identify(workspaceId: string, id: string): Promise<string | null> {
    const row = await this.row(this.pool, workspaceId, id);
    const app = this.appOf(row.app);
    const connection = await this.resolve(workspaceId, id, app.key);
    const { account } = await identifyConnection({ app, connection, ports: { http: this.http }, evaluate: {} });
    await this.pool.query(`UPDATE connections SET account = $2, status = 'active', error = NULL, updated_at = now() WHERE id = $1`, [
      id,
      account,
    ]);
    return account;
  }

  private async resolveForApi(workspaceId: string, connectionId: string, appKey: string): Promise<ResolvedConnection> {
    try {
      return await this.resolve(workspaceId, connectionId, appKey);
    } catch (err) {
      throw await this.apiErrorOf(workspaceId, connectionId, err);
    }
  }

  private async apiErrorOf(workspaceId: string, connectionId: string | undefined, err: unknown): Promise<ApiError> {
    if (err instanceof ApiError) return err;
    const info =
      err instanceof StepError ? err.info : { code: (err as CredentialError).code, message: (err as Error).message, field: undefined };
    const message = info.message.replace(/^connectionId: /, '');
    if (info.code === NEEDS_RECONNECTING) {
      if (connectionId && err instanceof AppUnauthorizedError) await this.reportUnauthorized(workspaceId, connectionId, message);
      return new ApiError(409, 'connection_needs_reconnecting', message, [{ path: 'connectionId', message: 'needs reconnecting' }]);
    }
    if (info.code === 'CONNECTION_NOT_FOUND' || info.code === 'CONNECTION_APP')
      return new ApiError(400, 'validation_failed', message, [{ path: 'connectionId', message }]);
    if (info.field?.startsWith('input.'))
      return new ApiError(400, 'validation_failed', message, [{ path: info.field, message: message.replace(`${info.field}: `, '') }]);
    return new ApiError(502, 'app_error', message);
  }

  private assertUsable(row: ConnectionRow): void {
    if (row.status === 'needs-reconnecting')
      throw new CredentialError(
        NEEDS_RECONNECTING,
        `${needsReconnecting(findApp(row.app)?.name ?? row.app, row.name)}: ${row.error ?? 'the app refused it'}; ${RECONNECT_HINT}`,
        false,
      );
    if (row.status === 'pending')
      throw new CredentialError('CONNECTION_PENDING', `the ${row.app} connection "${row.name}" has not finished signing in`, false);
  }

  private expiresSoon(row: ConnectionRow): boolean {
    return row.expires_at !== null && row.expires_at.getTime() - REFRESH_MARGIN_MS <= this.clock();
  }

  private appOf(key: string): AppDefinition {
    const app = findApp(key);
    if (!app) throw new ApiError(400, 'validation_failed', 'Unknown app', [{ path: 'app', message: `there is no app ${key}` }]);
    return app;
  }

  /** The app's connection fields from `data`: required ones present, no others; secret ones apart. */
  private splitFields(
    app: AppDefinition,
    data: Record<string, string>,
  ): { publicFields: Record<string, string>; secrets: Record<string, string> } {
    const details: ErrorDetail[] = [];
    const publicFields: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const name of Object.keys(data))
      if (!app.auth.fields.some((f) => f.name === name))
        details.push({ path: `data.${name}`, message: `is not a field of ${app.name} connections` });
    for (const field of app.auth.fields) {
      const value = (data[field.name] ?? '').trim();
      if (!value) {
        if (field.required) details.push({ path: `data.${field.name}`, message: `is required (${field.label})` });
        continue;
      }
      if (field.secret) secrets[field.name] = value;
      else publicFields[field.name] = value;
    }
    if (details.length > 0) throw new ApiError(400, 'validation_failed', `The ${app.name} connection is invalid`, details);
    return { publicFields, secrets };
  }

  private async insert(p: {
    id: string;
    workspaceId: string;
    name: string;
    app: AppDefinition;
    status: string;
    publicFields: Record<string, string>;
    sealed: Sealed;
    account: string | null;
    state?: string;
  }): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO connections (id, workspace_id, name, app, auth_kind, status, account, public_fields, hints, ciphertext, oauth_state, oauth_started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $11::text IS NULL THEN NULL ELSE now() END)`,
        [
          p.id,
          p.workspaceId,
          p.name,
          p.app.key,
          p.app.auth.kind,
          p.status,
          p.account,
          p.publicFields,
          this.hints(p.sealed),
          this.seal(p.id, p.sealed),
          p.state ?? null,
        ],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new ApiError(409, 'conflict', `A connection named ${p.name} exists`, [{ path: 'name', message: 'is taken' }]);
      throw err;
    }
  }

  private async row(db: Pool | PoolClient, workspaceId: string, id: string): Promise<ConnectionRow> {
    const row = isUuid(id)
      ? (await db.query<ConnectionRow>(`SELECT * FROM connections WHERE id = $1 AND workspace_id = $2`, [id, workspaceId])).rows[0]
      : undefined;
    if (!row) throw ApiError.notFound('connection', id);
    return row;
  }

  private seal(id: string, sealed: Sealed): Buffer {
    return this.box().encryptJson(sealed, ad(id));
  }

  private open(row: ConnectionRow): Sealed {
    return this.box().decryptJson<Sealed>(row.ciphertext, ad(row.id));
  }

  private hints(sealed: Sealed): Record<string, string> {
    return Object.fromEntries(
      Object.entries(sealed)
        .filter(([k]) => k !== 'code_verifier')
        .map(([k, v]) => [k, maskSecret(v)]),
    );
  }
}
