import { LRUCache } from 'lru-cache';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-trigger token buckets held in this api process (not shared across processes: with N api
 * processes behind a balancer a trigger may receive up to N times its limit). A bucket holds one
 * minute's worth of requests and refills continuously.
 */
export class RateLimiter {
  private readonly buckets = new LRUCache<string, Bucket>({ max: 50_000 });

  /** Takes one token; returns 0 when allowed, otherwise the seconds to wait before retrying. */
  take(key: string, perMinute: number, now: number): number {
    const rate = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, updatedAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * rate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }
}
