import { Inject, Injectable } from '@nestjs/common';
import { nextScheduleTimes } from '@switchyard/engine';
import type { UpcomingTriggers } from '@switchyard/contract';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/database.module';
import { VersionStore } from '../../versions/version-store';

const UPCOMING_SQL = `
SELECT t.workflow_id, w.name, t.version_id, t.kind, t.next_fire_at, t.last_fired_at, t.last_error, v.definition
  FROM trigger_timers t JOIN workflows w ON w.id = t.workflow_id JOIN workflow_versions v ON v.id = t.version_id
 WHERE t.workspace_id = $1
 ORDER BY t.next_fire_at, t.workflow_id
 LIMIT 500`;

/** The Upcoming view: every timer of the workspace, soonest first, with its next five times. */
@Injectable()
export class UpcomingService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly versions: VersionStore,
  ) {}

  async list(workspaceId: string): Promise<UpcomingTriggers> {
    const { rows } = await this.pool.query<{
      workflow_id: string;
      name: string;
      version_id: string;
      kind: string;
      next_fire_at: Date;
      last_fired_at: Date | null;
      last_error: string | null;
      definition: Record<string, unknown>;
    }>(UPCOMING_SQL, [workspaceId]);
    const items: UpcomingTriggers['items'] = [];
    for (const row of rows) {
      const trigger = this.versions.decode(row.version_id, row.definition).trigger;
      const nextAt = row.next_fire_at.getTime();
      const base = {
        workflowId: row.workflow_id,
        workflowName: row.name,
        nextAt: row.next_fire_at.toISOString(),
        lastFiredAt: row.last_fired_at?.toISOString() ?? null,
        lastError: row.last_error,
      };
      if (trigger.type === 'schedule') {
        const later = nextScheduleTimes({ cron: trigger.cron, timezone: trigger.timezone, after: nextAt, count: 4 });
        items.push({
          ...base,
          type: 'schedule',
          nextTimes: [nextAt, ...later].map((t) => new Date(t).toISOString()),
          cron: trigger.cron,
          timezone: trigger.timezone,
          intervalMinutes: null,
        });
      } else if (trigger.type === 'poll') {
        const step = trigger.intervalMinutes * 60_000;
        items.push({
          ...base,
          type: 'poll',
          nextTimes: [0, 1, 2, 3, 4].map((i) => new Date(nextAt + i * step).toISOString()),
          cron: null,
          timezone: null,
          intervalMinutes: trigger.intervalMinutes,
        });
      }
    }
    return { items };
  }
}
