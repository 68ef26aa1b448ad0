import { z } from 'zod';

/** The schedule a workflow gets when auto-replay is switched on without one. */
export const DEFAULT_AUTO_REPLAY_SCHEDULE = ['1m', '10m', '1h', '6h'];

const DURATION = /^(\d{1,6})(s|m|h|d)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30s`, `10m`, `1h`, `1d` in milliseconds. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const duration = z
  .string()
  .regex(DURATION, 'must be a duration such as 30s, 10m, 1h or 1d')
  // Zod runs this check even when the pattern failed: only measure what parses.
  .refine((d) => !DURATION.test(d) || parseDuration(d) <= 30 * UNIT_MS.d, 'must be at most 30 days');

/**
 * Auto-replay: a run that failed (after its step retries) is replayed from its failed step after
 * each delay of `schedule` in turn, counted from the failure before it; when the schedule is used up
 * the last failed run is a dead letter.
 */
export const autoReplaySchema = z.strictObject({
  enabled: z.boolean(),
  schedule: z
    .array(duration)
    .min(1, 'must have at least one delay')
    .max(20, 'must have at most 20 delays')
    .default(DEFAULT_AUTO_REPLAY_SCHEDULE),
});
export type AutoReplaySettings = z.infer<typeof autoReplaySchema>;

const address = z.string().trim().email('must be an e-mail address');

/**
 * Alert when refused requests spike: at least `count` requests refused (bad signature, address not
 * allowed, wrong method, too large, invalid body, rate limited) within `minutes`.
 */
export const refusedSpikeSchema = z.strictObject({
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000'),
  minutes: z.number().int('must be a whole number of minutes').min(1, 'must be at least 1').max(1440, 'must be at most 1440 (a day)'),
});
export type RefusedSpikeSettings = z.infer<typeof refusedSpikeSchema>;

/**
 * Who is told, and when: a JSON POST to `webhookUrl` and/or an e-mail to `email` (one address or a
 * list, sent through the server's SWITCHYARD_SMTP_URL) when a run is dead-lettered, at most once per
 * `minIntervalMinutes` per workflow; and, when set, once per episode when no request was accepted
 * for `quietHours` hours, or when refused requests spike (`refusedSpike`), each kind at most once
 * per `minIntervalMinutes`.
 */
export const alertsSchema = z.strictObject({
  email: z
    .preprocess(
      (v) => (typeof v === 'string' ? [v] : v),
      z
        .array(address, { error: 'must be an e-mail address or a list of them' })
        .min(1, 'must have at least one address')
        .max(10, 'must have at most 10 addresses'),
    )
    .optional(),
  webhookUrl: z
    .string()
    .url('must be an absolute URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL')
    .optional(),
  minIntervalMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(0, 'must be at least 0')
    .max(10_080, 'must be at most 10080 (a week)')
    .default(60),
  /** Alert when no request was accepted for this many hours (the workflow active). */
  quietHours: z.number().min(0.25, 'must be at least 0.25 (15 minutes)').max(720, 'must be at most 720 (30 days)').optional(),
  refusedSpike: refusedSpikeSchema.optional(),
});
export type AlertSettings = z.infer<typeof alertsSchema>;
