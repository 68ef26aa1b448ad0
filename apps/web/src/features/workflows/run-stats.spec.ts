import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../api';
import { computeRunStats } from './run-stats';

const now = Date.parse('2025-03-10T12:00:00.000Z');
function run(id: string, hoursAgo: number, status: RunSummary['status'] = 'succeeded'): RunSummary {
  const createdAt = new Date(now - hoursAgo * 3600 * 1000).toISOString();
  return {
    id,
    workflowId: 'w',
    status,
    replayOf: null,
    resolvedBy: null,
    createdAt,
    startedAt: createdAt,
    finishedAt: null,
    durationMs: null,
    resumeAt: null,
    error: null,
    deadLetter: false,
    deadLetteredAt: null,
    autoReplayAt: null,
    autoReplayAttempt: 0,
  };
}

describe('computeRunStats', () => {
  it('reads the newest run and counts the last 24 hours', () => {
    const stats = computeRunStats({ runs: [run('a', 1, 'failed'), run('b', 23), run('c', 25)], now, pageSize: 100, hasMore: false });
    expect(stats).toEqual({ lastRun: { id: 'a', status: 'failed', createdAt: run('a', 1).createdAt }, runs24h: 2, capped: false });
  });

  it('says when the count is a lower bound', () => {
    const runs = [run('a', 1), run('b', 2)];
    expect(computeRunStats({ runs, now, pageSize: 2, hasMore: true }).capped).toBe(true);
    expect(computeRunStats({ runs: [], now, pageSize: 2, hasMore: false })).toEqual({ lastRun: null, runs24h: 0, capped: false });
  });
});
