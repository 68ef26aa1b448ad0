import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HEALTH_REFUSED_VERDICTS, type WorkflowHealth, workflowHealthQuerySchema } from '@switchyard/contract';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { uuidV7Floor } from '../common/uuid-v7-floor';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { WatchClock } from './watch-clock';

const HOUR = 3_600_000;
const REFUSED = new Set<string>(HEALTH_REFUSED_VERDICTS);

/**
 * A workflow's health view: its requests per hour (accepted, refused, other) and the totals by
 * verdict, its runs by status, the last accepted request and the last success, and where its watch
 * alerts stand. Rows are selected by their time-ordered ids, so the primary-key indexes serve it.
 */
@Injectable()
export class WorkflowHealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: WatchClock,
  ) {}

  async health(workspaceId: string, workflowId: string, query: unknown): Promise<WorkflowHealth> {
    const { days } = parseInput(workflowHealthQuerySchema, query, 'query string');
    const exists = await this.dataSource.getRepository(WorkflowEntity).existsBy({ id: workflowId, workspaceId });
    if (!exists) throw ApiError.notFound('Workflow', workflowId);
    const now = this.clock.now().getTime();
    const to = Math.floor(now / HOUR) * HOUR + HOUR;
    const from = to - days * 24 * HOUR;
    const since = uuidV7Floor(from);
    const db = this.dataSource;
    const [perHour, runs, lastAccepted, lastSuccess, alerts] = await Promise.all([
      db.query<Array<{ hour: Date; verdict: string; count: number }>>(
        `SELECT date_trunc('hour', received_at) AS hour, verdict, count(*)::int AS count FROM inbound_requests
          WHERE workflow_id = $1 AND id >= $2 GROUP BY 1, 2`,
        [workflowId, since],
      ),
      db.query<Array<{ status: string; count: number }>>(
        `SELECT status, count(*)::int AS count FROM runs WHERE workflow_id = $1 AND id >= $2 GROUP BY 1`,
        [workflowId, since],
      ),
      db.query<Array<{ at: Date }>>(
        `SELECT received_at AS at FROM inbound_requests WHERE workflow_id = $1 AND verdict = 'accepted' ORDER BY id DESC LIMIT 1`,
        [workflowId],
      ),
      db.query<Array<{ at: Date }>>(
        `SELECT COALESCE(finished_at, created_at) AS at FROM runs WHERE workflow_id = $1 AND status = 'succeeded' ORDER BY id DESC LIMIT 1`,
        [workflowId],
      ),
      db.query<Array<{ kind: 'quiet' | 'refused_spike'; active_since: Date | null; last_sent_at: Date | null }>>(
        `SELECT kind, active_since, last_sent_at FROM workflow_alert_state WHERE workflow_id = $1 ORDER BY kind`,
        [workflowId],
      ),
    ]);
    const hours = new Map<number, { accepted: number; refused: number; other: number }>();
    for (let t = from; t < to; t += HOUR) hours.set(t, { accepted: 0, refused: 0, other: 0 });
    const verdicts: Record<string, number> = {};
    for (const row of perHour) {
      verdicts[row.verdict] = (verdicts[row.verdict] ?? 0) + row.count;
      const bucket = hours.get(new Date(row.hour).getTime());
      if (!bucket) continue;
      const key = row.verdict === 'accepted' ? 'accepted' : REFUSED.has(row.verdict) ? 'refused' : 'other';
      bucket[key] += row.count;
    }
    const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      hours: [...hours].map(([hour, counts]) => ({ hour: new Date(hour).toISOString(), ...counts })),
      verdicts,
      runs: Object.fromEntries(runs.map((r) => [r.status, r.count])),
      lastAcceptedAt: iso(lastAccepted[0]?.at),
      lastSuccessAt: iso(lastSuccess[0]?.at),
      alerts: alerts.map((a) => ({ kind: a.kind, activeSince: iso(a.active_since), lastSentAt: iso(a.last_sent_at) })),
    };
  }
}
