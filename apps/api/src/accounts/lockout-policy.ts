/** How failed sign-ins are slowed down and locked (per email address, and more loosely per IP). */
export interface LockoutPolicy {
  windowMs: number;
  /** Failures within the window that lock an email address. */
  maxFailuresPerEmail: number;
  /** Failures within the window that lock an IP address (higher: several people may share one). */
  maxFailuresPerIp: number;
  /** How long a lock lasts after the failure that caused it. */
  lockMs: number;
  /** Delay added to the answer of the n-th failure: base * 2^(n-1), capped. */
  delayBaseMs: number;
  delayMaxMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  windowMs: 15 * 60_000,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 20,
  lockMs: 15 * 60_000,
  delayBaseMs: 200,
  delayMaxMs: 3_000,
};

export interface LockoutDecision {
  locked: boolean;
  lockedUntil: Date | null;
}

/**
 * Whether a key is locked at `now`, given its failure times (any order). Locked once `max` failures
 * fall within one window, until `lockMs` after the latest of them.
 */
export function lockoutFor(failures: Date[], max: number, policy: LockoutPolicy, now: Date): LockoutDecision {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < policy.windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < max) return { locked: false, lockedUntil: null };
  const until = new Date(recent[recent.length - 1].getTime() + policy.lockMs);
  return until > now ? { locked: true, lockedUntil: until } : { locked: false, lockedUntil: null };
}

/** The delay before answering the `failureCount`-th recent failure (progressive, capped). */
export function failureDelayMs(failureCount: number, policy: LockoutPolicy): number {
  if (failureCount <= 1) return 0;
  return Math.min(policy.delayBaseMs * 2 ** (failureCount - 2), policy.delayMaxMs);
}
