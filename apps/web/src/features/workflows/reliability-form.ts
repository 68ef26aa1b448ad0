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
  };
}

const words = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The PATCH body; blank concurrency = no limit, blank alert URL and e-mail = no alerts. The API checks the values. */
export function reliabilityPatch(form: ReliabilityForm): WorkflowPatch {
  const url = form.alertUrl.trim();
  const email = words(form.alertEmail);
  let alerts: AlertSettings | null = null;
  if (url || email.length > 0) {
    alerts = { minIntervalMinutes: Number(form.alertInterval || 60) };
    if (url) alerts.webhookUrl = url;
    if (email.length > 0) alerts.email = email;
  }
  return {
    concurrency: form.concurrency.trim() ? Number(form.concurrency) : null,
    autoReplay: { enabled: form.autoReplay, schedule: words(form.schedule) },
    alerts,
  };
}
