import type { AlertSettings, Workflow, WorkflowPatch } from '../../api';

type ExpectedSchedule = NonNullable<AlertSettings['quietSchedule']>;
type Day = NonNullable<ExpectedSchedule['days']>[number];
const DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The reliability settings as the form edits them: text fields, parsed on save. */
export interface ReliabilityForm {
  concurrency: string;
  autoReplay: boolean;
  schedule: string;
  alertUrl: string;
  /** Alert addresses, separated by commas or spaces. */
  alertEmail: string;
  alertInterval: string;
  /** Watch alerts (blank = off): hours without an accepted request, and refused requests in minutes. */
  quietHours: string;
  /** When requests are expected: `08:00-18:00 mon-fri` (days optional) or a cron pattern; blank = always. */
  quietExpected: string;
  /** The expected schedule's IANA time zone; blank = UTC. */
  quietTimezone: string;
  spikeCount: string;
  spikeMinutes: string;
}

export function reliabilityForm(
  workflow: Pick<Workflow, 'concurrency' | 'alerts'> & { autoReplay?: Workflow['autoReplay'] },
): ReliabilityForm {
  return {
    concurrency: workflow.concurrency ? String(workflow.concurrency) : '',
    autoReplay: workflow.autoReplay?.enabled ?? false,
    schedule: (workflow.autoReplay?.schedule ?? ['1m', '10m', '1h', '6h']).join(', '),
    alertUrl: workflow.alerts?.webhookUrl ?? '',
    alertEmail: (workflow.alerts?.email ?? []).join(', '),
    alertInterval: String(workflow.alerts?.minIntervalMinutes ?? 60),
    quietHours: workflow.alerts?.quietHours !== undefined ? String(workflow.alerts.quietHours) : '',
    quietExpected: expectedText(workflow.alerts?.quietSchedule),
    quietTimezone: workflow.alerts?.quietSchedule?.timezone ?? '',
    spikeCount: workflow.alerts?.refusedSpike ? String(workflow.alerts.refusedSpike.count) : '',
    spikeMinutes: workflow.alerts?.refusedSpike ? String(workflow.alerts.refusedSpike.minutes) : '10',
  };
}

const words = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The PATCH body; blank concurrency = no limit, blank alert URL, e-mail and watch fields = no alerts.
 * The API checks the values (watch alerts without a URL or e-mail are refused, naming the field).
 */
export function reliabilityPatch(form: ReliabilityForm): WorkflowPatch {
  const url = form.alertUrl.trim();
  const email = words(form.alertEmail);
  const quiet = form.quietHours.trim();
  const spike = form.spikeCount.trim();
  let alerts: AlertSettings | null = null;
  if (url || email.length > 0 || quiet || spike) {
    alerts = { minIntervalMinutes: Number(form.alertInterval || 60) };
    if (url) alerts.webhookUrl = url;
    if (email.length > 0) alerts.email = email;
    if (quiet) alerts.quietHours = Number(quiet);
    const expected = expectedSchedule(form.quietExpected, form.quietTimezone);
    if (quiet && expected) alerts.quietSchedule = expected;
    if (spike) alerts.refusedSpike = { count: Number(spike), minutes: Number(form.spikeMinutes || 10) };
  }
  return {
    concurrency: form.concurrency.trim() ? Number(form.concurrency) : null,
    autoReplay: { enabled: form.autoReplay, schedule: words(form.schedule) },
    alerts,
  };
}

/** `08:00-18:00 mon-fri`, `09:00-17:00` (every day) or the cron pattern; blank without a schedule. */
export function expectedText(schedule: ExpectedSchedule | undefined): string {
  if (!schedule) return '';
  if (schedule.cron !== undefined) return schedule.cron;
  const days = schedule.days && schedule.days.length < 7 ? ` ${dayRanges(schedule.days)}` : '';
  return `${schedule.from}-${schedule.to}${days}`;
}

function dayRanges(days: Day[]): string {
  const sorted = DAYS.filter((d) => days.includes(d));
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && DAYS.indexOf(sorted[j + 1]) === DAYS.indexOf(sorted[j]) + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(' '));
    i = j + 1;
  }
  return parts.join(' ');
}

const WINDOW = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})(?:\s+(.+))?$/;
const pad = (hhmm: string) => (hhmm.length === 4 ? `0${hhmm}` : hhmm);

/**
 * The expected schedule the text says: a window with optional days (`mon-fri`, `sat sun`), or else a
 * cron pattern; undefined when blank. The API checks the values and names the field.
 */
export function expectedSchedule(text: string, timezone: string): ExpectedSchedule | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const tz = timezone.trim() || 'UTC';
  const window = WINDOW.exec(value);
  if (!window) return { timezone: tz, cron: value };
  const schedule: ExpectedSchedule = { timezone: tz, from: pad(window[1]), to: pad(window[2]) };
  if (window[3]) {
    const days = new Set<Day>();
    for (const word of words(window[3].toLowerCase())) {
      const [a, b] = word.split('-').map((d) => d.slice(0, 3) as Day);
      const from = DAYS.indexOf(a);
      const to = b === undefined ? from : DAYS.indexOf(b);
      if (from < 0 || to < 0) return { ...schedule, days: [word as Day] }; // the API names the bad day
      for (let i = from; ; i = (i + 1) % 7) {
        days.add(DAYS[i]);
        if (i === to) break;
      }
    }
    schedule.days = DAYS.filter((d) => days.has(d));
  }
  return schedule;
}
