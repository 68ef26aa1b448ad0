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

const wallTime = (field: string, allow24: boolean) =>
  z
    .string()
    .regex(allow24 ? /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/ : /^([01]\d|2[0-3]):[0-5]\d$/, `must be a time of day HH:MM (e.g. ${field})`);

export const EXPECTED_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * When requests are expected, for the quiet alert: only this time counts towards `quietHours`.
 * Either weekly windows (`days`, `from`-`to` wall time, `to` after `from`, `24:00` for midnight) or a
 * 5-field `cron` pattern whose every matching minute is expected time; both in `timezone` (IANA).
 */
export const expectedScheduleSchema = z
  .strictObject({
    timezone: z.string().min(1, 'must be an IANA time zone (e.g. Europe/Paris)').default('UTC'),
    days: z
      .array(z.enum(EXPECTED_DAYS, { error: `must be one of ${EXPECTED_DAYS.join(', ')}` }))
      .min(1, 'must have at least one day')
      .optional(),
    from: wallTime('08:00', false).optional(),
    to: wallTime('18:00', true).optional(),
    cron: z.string().min(1, 'must be a 5-field cron pattern (e.g. * 8-17 * * 1-5)').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.cron !== undefined) {
      for (const key of ['days', 'from', 'to'] as const) {
        if (value[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be combined with cron' });
      }
      return;
    }
    if (value.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required (or give cron)' });
    if (value.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required (or give cron)' });
    if (value.from !== undefined && value.to !== undefined && value.to <= value.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
    }
  });
export type ExpectedSchedule = z.infer<typeof expectedScheduleSchema>;

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
  /** Only the time inside this schedule counts towards quietHours (weekdays 08:00-18:00 in Europe/Paris, ...). */
  quietSchedule: expectedScheduleSchema.optional(),
  refusedSpike: refusedSpikeSchema.optional(),
});
export type AlertSettings = z.infer<typeof alertsSchema>;
