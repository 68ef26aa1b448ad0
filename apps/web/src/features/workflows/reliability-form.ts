import type { PatchWorkflowRequest, Workflow } from '../../api';

/** The reliability settings as the form edits them: text fields, parsed on save. */
export interface ReliabilityForm {
  concurrency: string;
  autoReplay: boolean;
  schedule: string;
  alertUrl: string;
  alertInterval: string;
}

export function reliabilityForm(workflow: Pick<Workflow, 'concurrency' | 'autoReplay' | 'alerts'>): ReliabilityForm {
  return {
    concurrency: workflow.concurrency ? String(workflow.concurrency) : '',
    autoReplay: workflow.autoReplay?.enabled ?? false,
    schedule: (workflow.autoReplay?.schedule ?? ['1m', '10m', '1h', '6h']).join(', '),
    alertUrl: workflow.alerts?.webhookUrl ?? '',
    alertInterval: String(workflow.alerts?.minIntervalMinutes ?? 60),
  };
}

/** The PATCH body; blank concurrency = no limit, blank alert URL = no alerts. The API checks the values. */
export function reliabilityPatch(form: ReliabilityForm): PatchWorkflowRequest {
  const schedule = form.schedule
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    concurrency: form.concurrency.trim() ? Number(form.concurrency) : null,
    autoReplay: { enabled: form.autoReplay, schedule },
    alerts: form.alertUrl.trim() ? { webhookUrl: form.alertUrl.trim(), minIntervalMinutes: Number(form.alertInterval || 60) } : null,
  };
}
