import type { AlertSettings, Workflow, WorkflowPatch } from '../../api';

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
    if (spike) alerts.refusedSpike = { count: Number(spike), minutes: Number(form.spikeMinutes || 10) };
  }
  return {
    concurrency: form.concurrency.trim() ? Number(form.concurrency) : null,
    autoReplay: { enabled: form.autoReplay, schedule: words(form.schedule) },
    alerts,
  };
}
