import type { WebhookTrigger } from '@switchyard/engine';
import { LRUCache } from 'lru-cache';
import type { IpMatcher } from './verification/ip-allow';

/** What the ingest path needs to know about a trigger URL. */
export interface TriggerInfo {
  workflowId: string;
  workspaceId: string;
  versionId: string;
  active: boolean;
  methods: ReadonlyArray<string>;
  /** The current version's trigger (without secrets). */
  trigger: WebhookTrigger;
  /** The decrypted secrets (kept in this process's memory only, for the cache's TTL). */
  secrets: string[];
  /** Why the secrets could not be decrypted, if they could not. */
  secretsError: string | null;
  ipAllow: IpMatcher | null;
}

type Loader = (token: string) => Promise<TriggerInfo | null>;

/**
 * Token -> trigger lookups, cached for a few seconds (unknown tokens too, so a flood of bad tokens
 * does not reach the database). Edits in this process invalidate at once; other api processes see
 * them within the TTL.
 */
export class TriggerCache {
  private readonly cache: LRUCache<string, { info: TriggerInfo | null }>;
  private readonly inflight = new Map<string, Promise<TriggerInfo | null>>();

  constructor(
    private readonly load: Loader,
    ttlMs = 5000,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: ttlMs });
  }

  async get(token: string): Promise<TriggerInfo | null> {
    const hit = this.cache.get(token);
    if (hit) return hit.info;
    let pending = this.inflight.get(token);
    if (!pending) {
      pending = this.load(token).finally(() => this.inflight.delete(token));
      this.inflight.set(token, pending);
    }
    const info = await pending;
    this.cache.set(token, { info });
    return info;
  }

  invalidate(token: string): void {
    this.cache.delete(token);
  }
}
