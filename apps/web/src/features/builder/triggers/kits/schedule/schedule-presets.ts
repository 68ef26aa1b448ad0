/** Schedules people ask for most, as cron patterns; "Custom" is any other pattern. */
export const SCHEDULE_PRESETS = [
  { label: 'Every 5 minutes', cron: '*/5 * * * *' },
  { label: 'Every 15 minutes', cron: '*/15 * * * *' },
  { label: 'Every hour', cron: '0 * * * *' },
  { label: 'Every day at 09:00', cron: '0 9 * * *' },
  { label: 'Every weekday at 09:00', cron: '0 9 * * 1-5' },
  { label: 'Every Monday at 08:00', cron: '0 8 * * 1' },
  { label: 'First day of the month at 00:00', cron: '0 0 1 * *' },
] as const;

/** The preset a pattern is, or null (custom). */
export function presetOf(cron: string): string | null {
  return SCHEDULE_PRESETS.find((preset) => preset.cron === cron.trim())?.cron ?? null;
}
