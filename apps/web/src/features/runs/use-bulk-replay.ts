import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { bulkReplayRuns, getRun, type ReplayOptions, type RunFilters, type RunStatus } from '../../api';
import { isRunFinished } from './run-status';

const POLL_MS = 1500;
const CONCURRENCY = 8;

export type BulkReplayTarget = { runIds: string[] } | { filter: RunFilters & { includeResolved?: boolean } };

export function useBulkReplay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: ReplayOptions & { target: BulkReplayTarget }) =>
      bulkReplayRuns({ from: params.from, version: params.version, freshIdempotencyKeys: params.freshIdempotencyKeys, ...params.target }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['runs'] }).then(() => queryClient.invalidateQueries({ queryKey: ['workflows'] })),
  });
}

export interface BulkProgress {
  total: number;
  finished: number;
  byStatus: Partial<Record<RunStatus | string, number>>;
  done: boolean;
}

/** Tallies the statuses of the runs a bulk replay created, polling those not finished yet. */
export function summariseProgress(statuses: Map<string, string>, runIds: string[]): BulkProgress {
  const byStatus: Record<string, number> = {};
  let finished = 0;
  for (const id of runIds) {
    const status = statuses.get(id) ?? 'queued';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (isRunFinished(status)) finished += 1;
  }
  return { total: runIds.length, finished, byStatus, done: finished === runIds.length };
}

export function useBulkProgress(runIds: string[] | null): BulkProgress | null {
  const [statuses, setStatuses] = useState<Map<string, string>>(() => new Map());
  const latest = useRef(statuses);
  latest.current = statuses;

  useEffect(() => {
    if (!runIds || runIds.length === 0) return;
    setStatuses(new Map());
    latest.current = new Map();
    let stopped = false;
    let timer: number | undefined;
    const controller = new AbortController();

    async function poll() {
      const pending = runIds!.filter((id) => !isRunFinished(latest.current.get(id) ?? 'queued'));
      const next = new Map(latest.current);
      for (let index = 0; index < pending.length && !stopped; index += CONCURRENCY) {
        const batch = pending.slice(index, index + CONCURRENCY);
        const results = await Promise.allSettled(batch.map((id) => getRun({ id, signal: controller.signal })));
        results.forEach((result, offset) => {
          if (result.status === 'fulfilled') next.set(batch[offset], result.value.status);
        });
      }
      if (stopped) return;
      setStatuses(next);
      latest.current = next;
      if (runIds!.some((id) => !isRunFinished(next.get(id) ?? 'queued'))) timer = window.setTimeout(() => void poll(), POLL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [runIds]);

  return runIds ? summariseProgress(statuses, runIds) : null;
}
