import type { RunStatus, RunSummary } from '../../api';

export interface RunStats {
  lastRun: { id: string; status: RunStatus; createdAt: string } | null;
  /** Runs created in the 24 hours before `now`. */
  runs24h: number;
  /** True when the page of runs read was full, so the count may be higher. */
  capped: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** Last run and runs of the last 24 h from the newest page of a workflow's runs. */
export function computeRunStats(params: {
  runs: Array<Pick<RunSummary, 'id' | 'status' | 'createdAt' | 'startedAt'>>;
  now: number;
  pageSize: number;
  hasMore: boolean;
}): RunStats {
  const { runs, now, pageSize, hasMore } = params;
  const first = runs[0];
  const recent = runs.filter((run) => now - Date.parse(run.createdAt) < DAY_MS).length;
  return {
    lastRun: first ? { id: first.id, status: first.status, createdAt: first.startedAt ?? first.createdAt } : null,
    runs24h: recent,
    capped: hasMore && recent >= pageSize,
  };
}
