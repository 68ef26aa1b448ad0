import { createHash } from 'node:crypto';
import { evaluateExpression, HTTP_AUTH_CREDENTIAL_TYPES, MAX_ITEMS_PER_POLL, type PollTrigger, type Trigger } from '@switchyard/engine';
import type { Pool } from 'pg';
import type { Logger } from '../../common/logger';
import { checkoutClient } from '../../database/checkout-client';
import type { GuardedHttpInvoker } from '../../adapters/http-invoker';
import type { HostCredentialResolver } from '../../credentials/credential-resolver';
import type { RunLedger } from '../../runtime/ledger/run-ledger';
import type { VersionStore } from '../../versions/version-store';
import { recordFiring, recordRequest } from '../record-firing';
import type { TimerHandler } from '../schedule/trigger-scheduler';

/** How long a process may hold a poll before another may take it over. */
const POLL_LEASE_MS = 5 * 60_000;
const POLL_TIMEOUT_MS = 30_000;
const CLAIM_BATCH = 20;
/** Keys longer than this are stored as their SHA-256. */
const MAX_KEY_LENGTH = 200;

const CLAIM_SQL = `
UPDATE trigger_timers t SET lease_until = $2, leased_by = $3
  FROM workflow_versions v
 WHERE v.id = t.version_id AND t.workflow_id IN (
   SELECT workflow_id FROM trigger_timers
    WHERE kind = 'poll' AND next_fire_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
    ORDER BY next_fire_at LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED)
RETURNING t.workflow_id, t.workspace_id, t.version_id, t.seeded, v.definition`;

interface ClaimedPoll {
  workflow_id: string;
  workspace_id: string;
  version_id: string;
  seeded: boolean;
  definition: Record<string, unknown>;
}

/** What one poll found: the items with their keys, in the order the service listed them. */
interface PollResult {
  items: Array<{ key: string; item: unknown }>;
}

function storedKey(key: string): string {
  return key.length > MAX_KEY_LENGTH ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (contentType?.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * The poll trigger's timer handler. Due polls are claimed with a lease (the call can take seconds);
 * each one calls the URL through the egress guard, picks the items and their keys with JSONata, and,
 * in one transaction that first checks the lease is still its own, records the keys: the first poll
 * only seeds them, later polls start one `polled` run per key never seen. A failure is recorded as a
 * `poll_failed` request with its reason and the poll is tried again at the next interval; an empty
 * list forgets nothing.
 */
export class Poller implements TimerHandler {
  constructor(
    private readonly pool: Pool,
    private readonly ledger: RunLedger,
    private readonly versions: VersionStore,
    private readonly http: GuardedHttpInvoker,
    private readonly credentials: HostCredentialResolver,
    private readonly logger: Logger,
    private readonly owner: string,
  ) {}

  firstFireAt(_trigger: Trigger, now: number): number {
    return now;
  }

  async fireDue(now: number): Promise<string[]> {
    const { rows } = await this.pool.query<ClaimedPoll>(CLAIM_SQL, [new Date(now), new Date(now + POLL_LEASE_MS), this.owner]);
    const runIds: string[] = [];
    for (const row of rows) runIds.push(...(await this.pollOne(row, now)));
    return runIds;
  }

  private async pollOne(row: ClaimedPoll, now: number): Promise<string[]> {
    const trigger = this.versions.decode(row.version_id, row.definition).trigger;
    if (trigger.type !== 'poll') return [];
    let result: PollResult | null = null;
    let failure: string | null = null;
    try {
      result = await this.call(row.workspace_id, trigger, now);
    } catch (err) {
      failure = (err as Error).message || String(err);
    }
    return this.record(row, trigger, now, result, failure);
  }

  private async call(workspaceId: string, trigger: PollTrigger, now: number): Promise<PollResult> {
    const headers: Record<string, string> = { accept: 'application/json', ...trigger.headers };
    if (trigger.credentialId) {
      const credential = await this.credentials.resolve(workspaceId, trigger.credentialId, HTTP_AUTH_CREDENTIAL_TYPES);
      Object.assign(headers, credential.headers);
    }
    const response = await this.http.send({
      method: trigger.method,
      url: trigger.endpoint,
      headers,
      body: trigger.method === 'POST' ? trigger.body : undefined,
      timeoutMs: POLL_TIMEOUT_MS,
    });
    if (response.status < 200 || response.status >= 300) throw new Error(`The URL answered ${response.status}`);
    const body = parseBody(response.body, response.headers['content-type']);
    const listed = await evaluateExpression(trigger.items, { status: response.status, headers: response.headers, body }, { now });
    const list = listed === undefined || listed === null ? [] : Array.isArray(listed) ? listed : [listed];
    const items: PollResult['items'] = [];
    for (const [index, item] of list.entries()) {
      const key = await evaluateExpression(trigger.key, item, { now });
      if (key === undefined || key === null || key === '' || typeof key === 'object') {
        throw new Error(`The key expression gave no usable key for item ${index} (it must give text or a number)`);
      }
      items.push({ key: storedKey(String(key)), item });
    }
    return { items };
  }

  private async record(
    row: ClaimedPoll,
    trigger: PollTrigger,
    now: number,
    result: PollResult | null,
    failure: string | null,
  ): Promise<string[]> {
    const { client, release } = await checkoutClient(this.pool);
    let error: unknown;
    try {
      await client.query('BEGIN');
      const next = new Date(now + trigger.intervalMinutes * 60_000);
      const mine = await client.query(
        `UPDATE trigger_timers SET next_fire_at = $3, lease_until = NULL, leased_by = NULL, last_error = $4, updated_at = $5,
                seeded = seeded OR $6, last_fired_at = CASE WHEN $4::text IS NULL THEN $5 ELSE last_fired_at END
          WHERE workflow_id = $1 AND leased_by = $2 AND version_id = $7`,
        [row.workflow_id, this.owner, next, failure, new Date(now), result !== null, row.version_id],
      );
      if (mine.rowCount === 0) {
        // The lease passed to another process, or the trigger changed meanwhile: this poll counts for nothing.
        await client.query('ROLLBACK');
        return [];
      }
      const base = { workspaceId: row.workspace_id, workflowId: row.workflow_id, versionId: row.version_id, receivedAt: new Date(now) };
      const runIds: string[] = [];
      if (failure !== null || result === null) {
        await recordRequest(client, {
          ...base,
          verdict: 'poll_failed',
          reason: `Poll of ${trigger.endpoint} failed: ${failure ?? 'unknown error'}`,
          method: trigger.method,
          body: { url: trigger.endpoint, error: failure },
        });
        this.logger.warn({ workflowId: row.workflow_id, err: failure }, 'poll failed');
      } else if (result.items.length > 0) {
        const { rows: fresh } = await client.query<{ key: string }>(
          `INSERT INTO poll_seen_keys (workflow_id, key, first_seen_at) SELECT $1, k, $3 FROM unnest($2::text[]) AS k
           ON CONFLICT DO NOTHING RETURNING key`,
          [row.workflow_id, [...new Set(result.items.map((i) => i.key))], new Date(now)],
        );
        if (row.seeded) {
          const isNew = new Set(fresh.map((r) => r.key));
          const started = new Set<string>();
          for (const { key, item } of result.items) {
            if (!isNew.has(key) || started.has(key)) continue;
            if (started.size >= MAX_ITEMS_PER_POLL) {
              // Past the cap the key is forgotten again so that the next poll starts it.
              await client.query('DELETE FROM poll_seen_keys WHERE workflow_id = $1 AND key = $2', [row.workflow_id, key]);
              continue;
            }
            started.add(key);
            const fired = await recordFiring(client, this.ledger, {
              ...base,
              verdict: 'polled',
              reason: `New item ${key.length > 80 ? `${key.slice(0, 80)}…` : key} at ${trigger.endpoint}`,
              method: trigger.method,
              body: item,
            });
            runIds.push(fired.runId);
          }
        }
      }
      await client.query('COMMIT');
      return runIds;
    } catch (err) {
      error = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(error);
    }
  }
}
