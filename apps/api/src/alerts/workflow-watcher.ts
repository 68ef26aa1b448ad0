import type { AlertSettings } from '@switchyard/contract';
import type { HttpInvoker } from '@switchyard/engine';
import type { Pool } from 'pg';
import type { Logger } from '../common/logger';
import { uuidV7Floor } from '../common/uuid-v7-floor';
import type { ServerMailer } from '../mail/server-mailer';
import type { WatchClock } from './watch-clock';
import { quietFinding, HEALTH_REFUSED_VERDICTS, spikeFinding, type WatchFinding } from './watch-conditions';

const ALERT_TIMEOUT_MS = 10_000;

interface WatchedWorkflow {
  id: string;
  name: string;
  alerts: AlertSettings;
  created_at: Date;
}

/** What one evaluation did for a workflow and kind (for tests and logs). */
export interface WatchOutcome {
  workflowId: string;
  kind: WatchFinding['kind'];
  action: 'sent' | 'rate_limited' | 'ongoing' | 'cleared' | 'calm';
}

/**
 * Quiet-workflow and refused-spike alerts (docs/reliability.md#watch-alerts). A periodic job reads
 * the request log of every active workflow that asks for them, at the time its clock says, and
 * alerts once per episode: the first evaluation that finds the condition claims the episode (a
 * conditional upsert, so that one process alerts however many run the job); it ends when an
 * evaluation finds the condition gone. Each kind alerts at most once per `minIntervalMinutes`.
 * Delivery uses the dead-letter alert channels: a POST to `webhookUrl` through the egress guard,
 * and e-mail through the server's SMTP relay.
 */
export class WorkflowWatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<WatchOutcome[]> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly http: HttpInvoker,
    private readonly mailer: ServerMailer,
    private readonly clock: WatchClock,
    private readonly intervalMs: number,
    private readonly publicUrl: string,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.evaluate().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One evaluation of every watched workflow; overlapping calls share the one in progress. */
  evaluate(): Promise<WatchOutcome[]> {
    this.running ??= this.evaluateAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async evaluateAll(): Promise<WatchOutcome[]> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<WatchedWorkflow>(
      `SELECT id, name, alerts, created_at FROM workflows
        WHERE active AND alerts IS NOT NULL AND (alerts ? 'quietHours' OR alerts ? 'refusedSpike')`,
    );
    const outcomes: WatchOutcome[] = [];
    for (const workflow of rows) {
      try {
        for (const finding of await this.findings(workflow, now)) outcomes.push(await this.settle(workflow, finding, now));
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, workflowId: workflow.id }, 'could not evaluate the alerts of a workflow');
      }
    }
    return outcomes;
  }

  private async findings(workflow: WatchedWorkflow, now: Date): Promise<WatchFinding[]> {
    const settings = workflow.alerts;
    const upTo = uuidV7Floor(now.getTime() + 1);
    const found: Array<WatchFinding | null> = [];
    if (settings.quietHours !== undefined) {
      const { rows } = await this.pool.query<{ received_at: Date }>(
        `SELECT received_at FROM inbound_requests
          WHERE workflow_id = $1 AND id < $2 AND verdict = 'accepted' ORDER BY id DESC LIMIT 1`,
        [workflow.id, upTo],
      );
      found.push(quietFinding({ settings, now, lastAcceptedAt: rows[0]?.received_at ?? null, createdAt: workflow.created_at }));
    }
    if (settings.refusedSpike) {
      const from = uuidV7Floor(now.getTime() - settings.refusedSpike.minutes * 60_000);
      const { rows } = await this.pool.query<{ verdict: string; count: number }>(
        `SELECT verdict, count(*)::int AS count FROM inbound_requests
          WHERE workflow_id = $1 AND id >= $2 AND id < $3 AND verdict = ANY($4::text[]) GROUP BY verdict`,
        [workflow.id, from, upTo, [...HEALTH_REFUSED_VERDICTS]],
      );
      found.push(spikeFinding({ settings, refused: Object.fromEntries(rows.map((r) => [r.verdict, r.count])) }));
    }
    return found.filter((f): f is WatchFinding => f !== null);
  }

  private async settle(workflow: WatchedWorkflow, finding: WatchFinding, now: Date): Promise<WatchOutcome> {
    const outcome = (action: WatchOutcome['action']): WatchOutcome => ({ workflowId: workflow.id, kind: finding.kind, action });
    if (!finding.holds) {
      const { rowCount } = await this.pool.query(
        `UPDATE workflow_alert_state SET active_since = NULL WHERE workflow_id = $1 AND kind = $2 AND active_since IS NOT NULL`,
        [workflow.id, finding.kind],
      );
      return outcome(rowCount ? 'cleared' : 'calm');
    }
    // Claims the episode: only the evaluation that moves active_since from NULL alerts.
    const claimed = await this.pool.query<{ last_sent_at: Date | null }>(
      `INSERT INTO workflow_alert_state (workflow_id, kind, active_since) VALUES ($1, $2, $3)
       ON CONFLICT (workflow_id, kind) DO UPDATE SET active_since = EXCLUDED.active_since WHERE workflow_alert_state.active_since IS NULL
       RETURNING last_sent_at`,
      [workflow.id, finding.kind, now],
    );
    if (!claimed.rowCount) return outcome('ongoing');
    const lastSent = claimed.rows[0].last_sent_at;
    const minInterval = workflow.alerts.minIntervalMinutes * 60_000;
    if (lastSent && now.getTime() - lastSent.getTime() < minInterval) {
      await this.record(workflow.id, finding.kind, {
        at: now.toISOString(),
        skipped: `rate-limited: at most one ${finding.kind} alert every ${workflow.alerts.minIntervalMinutes} minutes`,
      });
      return outcome('rate_limited');
    }
    const [webhook, email] = await Promise.all([
      workflow.alerts.webhookUrl ? this.post(workflow, finding, now) : undefined,
      workflow.alerts.email?.length ? this.mail(workflow, finding, now) : undefined,
    ]);
    await this.record(workflow.id, finding.kind, { at: now.toISOString(), ...webhook, ...(email ? { email } : {}) }, now);
    this.logger.warn({ workflowId: workflow.id, kind: finding.kind, ...finding.details }, 'workflow alert sent');
    return outcome('sent');
  }

  private async record(workflowId: string, kind: string, result: Record<string, unknown>, sentAt?: Date): Promise<void> {
    await this.pool.query(
      `UPDATE workflow_alert_state SET last_result = $3, last_sent_at = COALESCE($4, last_sent_at) WHERE workflow_id = $1 AND kind = $2`,
      [workflowId, kind, JSON.stringify(result), sentAt ?? null],
    );
  }

  private event(workflow: WatchedWorkflow, finding: WatchFinding, now: Date) {
    return {
      event: finding.kind === 'quiet' ? 'workflow.quiet' : 'workflow.refused_spike',
      workflow: { id: workflow.id, name: workflow.name, url: `${this.publicUrl}/workflows/${workflow.id}` },
      at: now.toISOString(),
      ...finding.details,
    };
  }

  private async post(workflow: WatchedWorkflow, finding: WatchFinding, now: Date): Promise<Record<string, unknown>> {
    const url = workflow.alerts.webhookUrl as string;
    try {
      const res = await this.http.send({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Switchyard',
          'idempotency-key': `${finding.kind}:${workflow.id}:${now.getTime()}`,
        },
        body: JSON.stringify(this.event(workflow, finding, now)),
        timeoutMs: ALERT_TIMEOUT_MS,
      });
      return { url, status: res.status };
    } catch (err) {
      return { url, error: (err as Error).message };
    }
  }

  private async mail(workflow: WatchedWorkflow, finding: WatchFinding, now: Date): Promise<Record<string, unknown>> {
    const to = workflow.alerts.email as string[];
    if (!this.mailer.configured) return { to, error: 'No SMTP server is configured (SWITCHYARD_SMTP_URL)' };
    const d = finding.details as Record<string, unknown>;
    const subject =
      finding.kind === 'quiet'
        ? `Switchyard: no request accepted by ${workflow.name} for ${String(d.quietHours)} hours`
        : `Switchyard: ${String(d.count)} refused requests to ${workflow.name} in ${String(d.minutes)} minutes`;
    const lines =
      finding.kind === 'quiet'
        ? [
            d.quietSchedule
              ? `The workflow "${workflow.name}" has accepted no request for ${String(d.quietForHours)} hours of the time requests are expected (alert after ${String(d.quietHours)}).`
              : `The workflow "${workflow.name}" has accepted no request for ${String(d.quietForHours)} hours (alert after ${String(d.quietHours)}).`,
            `Last accepted request: ${d.lastAcceptedAt ? String(d.lastAcceptedAt) : 'none yet'}.`,
            'Check that the sender still calls its trigger URL, and the request log for refused requests.',
          ]
        : [
            `${String(d.count)} requests to the workflow "${workflow.name}" were refused in the last ${String(d.minutes)} minutes (alert at ${String(d.threshold)}).`,
            `By verdict: ${Object.entries(d.byVerdict as Record<string, number>)
              .map(([v, n]) => `${v} ${n}`)
              .join(', ')}.`,
            'Bad signatures often mean the secret was rotated at the sender: add the new one to the trigger.',
          ];
    try {
      const receipt = await this.mailer.send({
        to,
        subject,
        text: [...lines, '', `Workflow: ${this.publicUrl}/workflows/${workflow.id}`, `At: ${now.toISOString()}`].join('\n'),
        messageId: `<${finding.kind}.${workflow.id}.${now.getTime()}@switchyard>`,
      });
      return { to, messageId: receipt.messageId };
    } catch (err) {
      return { to, error: (err as Error).message };
    }
  }
}
