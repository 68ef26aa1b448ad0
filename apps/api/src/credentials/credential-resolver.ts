import type { CredentialResolver, ResolvedCredential } from '@switchyard/engine';
import type { Pool } from 'pg';
import { isUuid } from '../common/ids';
import type { SecretBoxProvider } from '../secrets/trigger-secrets.service';
import { CredentialError } from './credential-error';
import { staticCredentialHeaders } from './credential-headers';
import { openCredentialSecrets } from './credential-seal';
import type { OAuth2ClientFields, OAuth2TokenCache } from './oauth2-token-cache';

interface CredentialRow {
  id: string;
  type: string;
  public_fields: Record<string, string>;
  ciphertext: Buffer;
  updated_at: Date;
}

/**
 * The engine's credential port, on the host: loads a credential of the run's workspace, decrypts it
 * and builds its headers (fetching OAuth2 tokens through the guarded HTTP invoker).
 */
export class HostCredentialResolver {
  constructor(
    private readonly pool: Pool,
    private readonly box: SecretBoxProvider,
    private readonly tokens: OAuth2TokenCache,
  ) {}

  /** The port for the runs and step tests of one workspace: credentials of other workspaces do not exist for it. */
  forWorkspace(workspaceId: string, options: { offline?: boolean } = {}): CredentialResolver {
    return { resolve: (credentialId, expectedTypes) => this.resolve(workspaceId, credentialId, expectedTypes, options) };
  }

  /** `offline` (dry runs): an OAuth2 credential gives a placeholder token instead of fetching one from its token endpoint. */
  async resolve(
    workspaceId: string,
    credentialId: string,
    expectedTypes?: ReadonlyArray<string>,
    options: { offline?: boolean } = {},
  ): Promise<ResolvedCredential> {
    const row = isUuid(credentialId)
      ? (
          await this.pool.query<CredentialRow>(
            `SELECT id, type, public_fields, ciphertext, updated_at FROM credentials WHERE id = $1 AND workspace_id = $2`,
            [credentialId, workspaceId],
          )
        ).rows[0]
      : undefined;
    if (!row)
      throw new CredentialError(
        'CREDENTIAL_NOT_FOUND',
        `credential ${credentialId} does not exist (deleted, or in another workspace)`,
        false,
      );
    if (expectedTypes && expectedTypes.length > 0 && !expectedTypes.includes(row.type)) {
      throw new CredentialError(
        'CREDENTIAL_TYPE',
        `credential ${credentialId} is a ${row.type} credential; this step needs ${expectedTypes.join(' or ')}`,
        false,
      );
    }
    let secret: Record<string, string>;
    try {
      secret = openCredentialSecrets(this.box(), row.id, row.ciphertext);
    } catch (err) {
      throw new CredentialError(
        'CREDENTIAL_UNREADABLE',
        `credential ${credentialId} cannot be decrypted: ${(err as Error).message}`,
        false,
        'system',
      );
    }
    const fields = { ...row.public_fields, ...secret };
    if (row.type === 'oauth2-client-credentials' && options.offline) {
      return { type: row.type, headers: { authorization: 'Bearer (an OAuth2 token, fetched when the request is really sent)' }, fields };
    }
    if (row.type === 'oauth2-client-credentials') {
      const token = await this.tokens.token(`${row.id}:${row.updated_at.getTime()}`, fields as unknown as OAuth2ClientFields);
      return { type: row.type, headers: { authorization: `Bearer ${token}` }, fields };
    }
    return { type: row.type, headers: staticCredentialHeaders(row.type, fields), fields };
  }
}
