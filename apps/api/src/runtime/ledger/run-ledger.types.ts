import type { StoredRequest } from '../../inbound/trigger-data';
import type { FinishedRunStatus, RunStatus } from './run-status';
import type { AlertSettings, AutoReplaySettings } from '../../workflows/auto-replay-settings';

/** A run a worker has claimed: what executing it needs. */
export interface ClaimedRun {
  id: string;
  workspaceId: string;
  workflowId: string;
  versionId: string;
  requestId: string;
  /** How many times the run was claimed, this claim included (above 1: it is resumed). */
  claims: number;
  replayOf: string | null;
  /** The run whose id goes into the idempotency keys of side-effecting steps (this run's own unless a replay kept its original's). */
  idempotencyRoot: string;
  /** Set at the first claim and kept on resume: the instant `$now()` returns in the run. */
  startedAt: Date;
  /** The workflow's concurrency limit, when it has one. */
  concurrency: number | null;
  /** W3C traceparent of the ingest request that queued the run (tracing on), else null. */
  traceParent: string | null;
  /** The stored request, when the claim returned it (a run claimed alone). */
  request?: StoredRequest;
}

/** How an execution ended: the engine's verdict, or `waiting` until `resumeAt` (a delay, a step retry). */
export interface RunOutcome {
  status: FinishedRunStatus;
  error?: unknown;
  /** `waiting` only: epoch milliseconds. */
  resumeAt?: number;
}

/** A run to create, `queued`. With `journalFrom`, the succeeded steps of that run are copied into its journal. */
export interface NewRun {
  id: string;
  workspaceId: string;
  workflowId: string;
  versionId: string;
  requestId: string;
  replayOf?: string | null;
  /** 0 for a run started by a request or by hand; n for the n-th automatic replay of a failed run. */
  autoReplayAttempt?: number;
  /** The run whose id its side-effecting steps put in their idempotency keys; unset: its own. */
  idempotencyRoot?: string | null;
  /** Replay from the failed step: that run's completed steps are reused (attempts 0), not executed again. */
  journalFrom?: string | null;
}

/** A run found in PostgreSQL for (re-)dispatch, with its claim count (BullMQ job id `<runId>-<claims>`). */
export interface DueRun {
  id: string;
  claims: number;
}

/** A failed run and its workflow's auto-replay and alert settings. */
export interface FailedRun {
  attempt: number;
  workflowId: string;
  workflowName: string;
  autoReplay: AutoReplaySettings | null;
  alerts: AlertSettings | null;
  error: unknown;
}

/** What a run in wait mode has to answer so far: the first `respond` step's output, and its status. */
export interface RunResponseState {
  id: string;
  status: RunStatus;
  response: unknown;
}

/** Anything that runs SQL: the pool, a checked-out client, or a TypeORM transaction's manager. */
export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<unknown>;
}
