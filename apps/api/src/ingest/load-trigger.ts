import { DEFAULT_TRIGGER_METHODS, type WebhookTrigger } from '@switchyard/engine';
import type { Pool } from 'pg';
import type { Logger } from '../common/logger';
import type { TriggerSecretsService } from '../secrets/trigger-secrets.service';
import type { VersionStore } from '../versions/version-store';
import type { TriggerInfo } from './trigger-cache';
import { compileIpAllowList } from './verification/ip-allow';

/**
 * Loads what the ingest path needs about a trigger URL: the current version's trigger (upgraded and
 * validated by the version store) and its decrypted secrets.
 */
export async function loadTrigger(
  pool: Pool,
  secrets: TriggerSecretsService,
  versions: VersionStore,
  logger: Logger,
  token: string,
): Promise<TriggerInfo | null> {
  const { rows } = await pool.query(
    `SELECT w.id, w.workspace_id, w.active, w.current_version_id, v.definition, s.ciphertext
       FROM workflows w JOIN workflow_versions v ON v.id = w.current_version_id
       LEFT JOIN trigger_secrets s ON s.workflow_id = w.id
      WHERE w.token = $1`,
    [token],
  );
  const row = rows[0];
  if (!row) return null;
  let trigger: WebhookTrigger;
  try {
    const decoded = versions.decode(row.current_version_id, row.definition).trigger;
    // Schedules, polls, forms and manual workflows have no webhook URL: their token is unknown here.
    if (decoded.type !== 'webhook') return null;
    trigger = decoded;
  } catch (err) {
    logger.error({ workflowId: row.id, err: (err as Error).message }, 'stored trigger does not match the schema; using its methods only');
    trigger = { type: 'webhook', methods: row.definition?.trigger?.methods };
  }
  let decrypted: string[] = [];
  let secretsError: string | null = null;
  if (row.ciphertext) {
    try {
      decrypted = secrets.decrypt(row.id, row.ciphertext);
    } catch (err) {
      secretsError = `The trigger's secrets could not be decrypted: ${(err as Error).message}`;
      logger.error({ workflowId: row.id, err }, secretsError);
    }
  }
  return {
    workflowId: row.id,
    workspaceId: row.workspace_id,
    versionId: row.current_version_id,
    active: row.active,
    methods: Array.isArray(trigger.methods) ? trigger.methods : DEFAULT_TRIGGER_METHODS,
    trigger,
    secrets: decrypted,
    secretsError,
    ipAllow: trigger.ipAllow?.length ? compileIpAllowList(trigger.ipAllow) : null,
  };
}
