import type { CatchUpPolicy } from '@switchyard/engine';

/** A due time fired this late is still on time; older ones were missed (the process was down). */
export const ON_TIME_GRACE_MS = 60_000;

export interface PlannedFiring {
  /** The scheduled time this firing stands for (epoch ms). */
  scheduledFor: number;
  /** Missed times this one firing covers (the `once` policy), besides itself. */
  covers: number;
}

/**
 * Which of the due times to fire. `due` are the times in `[next fire time, now]`, oldest first (at
 * most `limit`+1 of them, the most recent), `total` how many there were. A time within the grace is on
 * time and always fires; missed times follow the policy: `skip` fires none, `once` fires one run for
 * all of them (the most recent time), `each` fires each, the most recent `limit`.
 */
export function planFirings(params: { due: number[]; total: number; now: number; policy: CatchUpPolicy; limit: number }): PlannedFiring[] {
  const { due, now, policy, limit } = params;
  if (due.length === 0) return [];
  const last = due[due.length - 1];
  const onTime = now - last <= ON_TIME_GRACE_MS ? last : null;
  const missed = onTime === null ? due : due.slice(0, -1);
  const missedTotal = params.total - (onTime === null ? 0 : 1);
  const firings: PlannedFiring[] = [];
  if (missed.length > 0) {
    if (policy === 'once' && onTime === null) firings.push({ scheduledFor: missed[missed.length - 1], covers: missedTotal - 1 });
    if (policy === 'each') for (const time of missed.slice(-limit)) firings.push({ scheduledFor: time, covers: 0 });
  }
  if (onTime !== null) firings.push({ scheduledFor: onTime, covers: policy === 'once' ? missedTotal : 0 });
  return firings;
}
