import { type AlertSettings, HEALTH_REFUSED_VERDICTS } from '@switchyard/contract';
import { expectedTimeBetween } from './expected-time';

export { HEALTH_REFUSED_VERDICTS };

export type WatchKind = 'quiet' | 'refused_spike';

/** What a watch found for one workflow and kind: whether its condition holds, and the figures to report. */
export interface WatchFinding {
  kind: WatchKind;
  holds: boolean;
  details: Record<string, unknown>;
}

/**
 * Quiet: no request accepted for `quietHours`, counted from the last accepted one (or the workflow's
 * creation). With a `quietSchedule`, only the time inside it counts (a night or a weekend outside
 * the expected hours does not make a workflow quiet).
 */
export function quietFinding(params: {
  settings: AlertSettings;
  now: Date;
  lastAcceptedAt: Date | null;
  createdAt: Date;
}): WatchFinding | null {
  const hours = params.settings.quietHours;
  if (hours === undefined) return null;
  const since = params.lastAcceptedAt ?? params.createdAt;
  const schedule = params.settings.quietSchedule;
  const threshold = hours * 3_600_000;
  const quietMs = schedule
    ? expectedTimeBetween(schedule, since.getTime(), params.now.getTime(), threshold)
    : params.now.getTime() - since.getTime();
  return {
    kind: 'quiet',
    holds: quietMs >= threshold,
    details: {
      quietHours: hours,
      lastAcceptedAt: params.lastAcceptedAt?.toISOString() ?? null,
      quietForHours: round(quietMs / 3_600_000),
      ...(schedule ? { quietSchedule: schedule } : {}),
    },
  };
}

/** Spike: at least `count` refused requests within the last `minutes`. */
export function spikeFinding(params: { settings: AlertSettings; refused: Record<string, number> }): WatchFinding | null {
  const spike = params.settings.refusedSpike;
  if (!spike) return null;
  const count = Object.values(params.refused).reduce((a, b) => a + b, 0);
  return {
    kind: 'refused_spike',
    holds: count >= spike.count,
    details: { count, threshold: spike.count, minutes: spike.minutes, byVerdict: params.refused },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
