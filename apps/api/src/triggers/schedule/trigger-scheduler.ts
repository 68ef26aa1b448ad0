import {
  DEFAULT_CATCH_UP_LIMIT,
  nextScheduleTimes,
  type ScheduleTrigger,
  scheduleTimesBetween,
  type Trigger,
  type TriggerType,
} from '@switchyard/engine';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../../common/logger';
import { checkoutClient } from '../../database/checkout-client';
import type { Dispatcher } from '../../runtime/dispatch/dispatcher';
import type { RunLedger } from '../../runtime/ledger/run-ledger';
import type { VersionStore } from '../../versions/version-store';
import { recordFiring } from '../record-firing';
import { planFirings } from './catch-up';

/** The clock port of the scheduler: tests move time by hand. */
export interface SchedulerClock {
  now(): number;
}
export const SYSTEM_CLOCK: SchedulerClock = { now: () => Date.now() };

/** Timers of one kind fire through a handler; `schedule` is built in, `poll` comes from the poller. */
export interface TimerHandler {
  /** The first fire time of a new or changed trigger. */
  firstFireAt(trigger: Trigger, now: number): number;
  /** Fires the due timers it can claim; returns the runs to dispatch. */
  fireDue(now: number): Promise<string[]>;
}

const TIMED_TYPES: TriggerType[] = ['schedule', 'poll'];
/** Most timers one tick handles per kind: the rest wait for the next tick. */
const BATCH = 100;

const TIMERS_TO_SET_SQL = `
SELECT w.id AS workflow_id, w.workspace_id, w.current_version_id AS version_id, v.definition
  FROM workflows w JOIN workflow_versions v ON v.id = w.current_version_id
  LEFT JOIN trigger_timers t ON t.workflow_id = w.id
 WHERE w.active AND v.definition->'trigger'->>'type' = ANY($1::text[])
   AND (t.workflow_id IS NULL OR t.version_id <> w.current_version_id)`;

// A timer whose workflow is off, deleted, or no longer has that kind of trigger is removed.
const STALE_TIMERS_SQL = `
DELETE FROM trigger_timers t
 WHERE NOT EXISTS (
   SELECT 1 FROM workflows w JOIN workflow_versions v ON v.id = w.current_version_id
    WHERE w.id = t.workflow_id AND w.active AND v.definition->'trigger'->>'type' = t.kind)`;

// A changed trigger of the same kind keeps what it knew (a poll stays seeded); a new kind starts over.
const SET_TIMER_SQL = `
INSERT INTO trigger_timers (workflow_id, workspace_id, version_id, kind, next_fire_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (workflow_id) DO UPDATE
   SET version_id = EXCLUDED.version_id, next_fire_at = EXCLUDED.next_fire_at, updated_at = EXCLUDED.updated_at,
       lease_until = NULL, leased_by = NULL, last_error = NULL,
       seeded = CASE WHEN trigger_timers.kind = EXCLUDED.kind THEN trigger_timers.seeded ELSE false END,
       kind = EXCLUDED.kind
 WHERE trigger_timers.version_id <> EXCLUDED.version_id`;

// One due schedule at a time, locked: another process skips it and, once this one commits, no longer sees it due.
const NEXT_DUE_SCHEDULE_SQL = `
SELECT t.workflow_id, t.workspace_id, t.version_id, t.next_fire_at, v.definition
  FROM trigger_timers t JOIN workflow_versions v ON v.id = t.version_id
 WHERE t.kind = 'schedule' AND t.next_fire_at <= $1
 ORDER BY t.next_fire_at
 LIMIT 1
   FOR UPDATE OF t SKIP LOCKED`;

/**
 * Fires schedules (and, through its handler, polls) from durable next-fire times in PostgreSQL
 * (`trigger_timers`). Every tick: timers are set for active workflows whose published trigger is
 * timed and removed for the others; then each due schedule is claimed under a row lock (`FOR UPDATE
 * SKIP LOCKED`), its firings are written as `scheduled` requests with their runs and its next fire
 * time is moved on, all in one transaction, so with several processes each time fires exactly once.
 * Missed times (downtime) follow the trigger's catch-up policy. Time comes from a clock port.
 */
export class TriggerScheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<string[]> | null = null;
  private readonly handlers = new Map<string, TimerHandler>();

  constructor(
    private readonly pool: Pool,
    private readonly ledger: RunLedger,
    private readonly versions: VersionStore,
    private readonly dispatcher: Dispatcher,
    private readonly logger: Logger,
    private readonly clock: SchedulerClock,
    private readonly intervalMs: number,
  ) {
    this.handlers.set('schedule', {
      firstFireAt: (trigger, now) => this.nextAfter(trigger as ScheduleTrigger, now),
      fireDue: (now) => this.fireDueSchedules(now),
    });
  }

  /** Adds the handler of another timed trigger kind (the poller). */
  register(kind: TriggerType | 'flow', handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick().catch(() => undefined), this.intervalMs);
    this.timer.unref();
    void this.tick().catch(() => undefined);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => undefined);
  }

  /** One pass at `now` (the clock's by default): set timers, fire what is due, dispatch. Returns the runs started. */
  async tick(now = this.clock.now()): Promise<string[]> {
    if (this.ticking) return [];
    this.ticking = this.pass(now);
    try {
      return await this.ticking;
    } finally {
      this.ticking = null;
    }
  }

  private async pass(now: number): Promise<string[]> {
    try {
      await this.setTimers(now);
      const runIds: string[] = [];
      for (const handler of this.handlers.values()) runIds.push(...(await handler.fireDue(now)));
      if (runIds.length > 0) this.dispatcher.dispatch(runIds);
      return runIds;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'scheduler tick failed');
      throw err;
    }
  }

  private async setTimers(now: number): Promise<void> {
    await this.pool.query(STALE_TIMERS_SQL);
    const kinds = [...this.handlers.keys()].filter((kind) => TIMED_TYPES.includes(kind as TriggerType));
    const { rows } = await this.pool.query<{
      workflow_id: string;
      workspace_id: string;
      version_id: string;
      definition: Record<string, unknown>;
    }>(TIMERS_TO_SET_SQL, [kinds]);
    for (const row of rows) {
      try {
        const trigger = this.versions.decode(row.version_id, row.definition).trigger;
        const handler = this.handlers.get(trigger.type);
        if (!handler) continue;
        const first = handler.firstFireAt(trigger, now);
        await this.pool.query(SET_TIMER_SQL, [
          row.workflow_id,
          row.workspace_id,
          row.version_id,
          trigger.type,
          new Date(first),
          new Date(now),
        ]);
      } catch (err) {
        this.logger.error({ workflowId: row.workflow_id, err: (err as Error).message }, 'could not set the trigger timer');
      }
    }
  }

  private nextAfter(trigger: ScheduleTrigger, now: number): number {
    const [next] = nextScheduleTimes({ cron: trigger.cron, timezone: trigger.timezone, after: now, count: 1 });
    // A pattern that never fires again (a date in the past) parks the timer far away.
    return next ?? Date.parse('9999-01-01T00:00:00Z');
  }

  private async fireDueSchedules(now: number): Promise<string[]> {
    const runIds: string[] = [];
    for (let i = 0; i < BATCH; i++) {
      const fired = await this.fireOneSchedule(now);
      if (fired === null) break;
      runIds.push(...fired);
    }
    return runIds;
  }

  /** Claims one due schedule and fires it; null when none is due (or all are taken by other processes). */
  private async fireOneSchedule(now: number): Promise<string[] | null> {
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        workflow_id: string;
        workspace_id: string;
        version_id: string;
        next_fire_at: Date;
        definition: Record<string, unknown>;
      }>(NEXT_DUE_SCHEDULE_SQL, [new Date(now)]);
      const row = rows[0];
      if (!row) {
        await client.query('COMMIT');
        return null;
      }
      const runIds = await this.fireSchedule(client, row, now);
      await client.query('COMMIT');
      return runIds;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(failure);
    }
  }

  private async fireSchedule(
    client: PoolClient,
    row: { workflow_id: string; workspace_id: string; version_id: string; next_fire_at: Date; definition: Record<string, unknown> },
    now: number,
  ): Promise<string[]> {
    const trigger = this.versions.decode(row.version_id, row.definition).trigger;
    if (trigger.type !== 'schedule') {
      await client.query('DELETE FROM trigger_timers WHERE workflow_id = $1', [row.workflow_id]);
      return [];
    }
    const policy = trigger.catchUp?.policy ?? 'skip';
    const limit = trigger.catchUp?.limit ?? DEFAULT_CATCH_UP_LIMIT;
    const { times, total } = scheduleTimesBetween({
      cron: trigger.cron,
      timezone: trigger.timezone,
      after: row.next_fire_at.getTime() - 1,
      until: now,
      max: limit + 1,
    });
    const plan = planFirings({ due: times, total, now, policy, limit });
    const runIds: string[] = [];
    for (const firing of plan) {
      const scheduledFor = new Date(firing.scheduledFor).toISOString();
      const late = now - firing.scheduledFor > 60_000;
      const reason =
        firing.covers > 0
          ? `Catch-up (once) for ${firing.covers + 1} times missed, the last scheduled for ${scheduledFor} (${trigger.timezone})`
          : late
            ? `Catch-up (each) for ${scheduledFor} (${trigger.timezone})`
            : `Scheduled for ${scheduledFor} (${trigger.timezone})`;
      const recorded = await recordFiring(client, this.ledger, {
        workspaceId: row.workspace_id,
        workflowId: row.workflow_id,
        versionId: row.version_id,
        verdict: 'scheduled',
        reason,
        method: 'SCHEDULE',
        body: { scheduledFor, firedAt: new Date(now).toISOString(), cron: trigger.cron, timezone: trigger.timezone, missed: firing.covers },
        receivedAt: new Date(now),
      });
      runIds.push(recorded.runId);
    }
    if (plan.length < total) {
      this.logger.info({ workflowId: row.workflow_id, due: total, fired: plan.length, policy }, 'schedule caught up after missed times');
    }
    await client.query(
      'UPDATE trigger_timers SET next_fire_at = $2, last_fired_at = CASE WHEN $4 THEN $3 ELSE last_fired_at END, updated_at = $3 WHERE workflow_id = $1',
      [row.workflow_id, new Date(this.nextAfter(trigger, now)), new Date(now), plan.length > 0],
    );
    return runIds;
  }
}
