import { describe, expect, it } from 'vitest';
import {
  canMove,
  CLAIMABLE_SQL,
  FINISHED_RUN_STATUSES,
  INITIAL_RUN_STATUS,
  isTerminal,
  RUN_STATUSES,
  RUN_TRANSITIONS,
  TERMINAL_RUN_STATUSES,
} from './run-status';

describe('run statuses', () => {
  it('keeps the v1 contract list', () => {
    expect(RUN_STATUSES).toEqual(['queued', 'running', 'succeeded', 'failed', 'filtered', 'waiting', 'cancelled']);
  });

  it('moves nothing out of a terminal status', () => {
    for (const status of TERMINAL_RUN_STATUSES) {
      expect(RUN_TRANSITIONS[status]).toEqual([]);
      expect(isTerminal(status)).toBe(true);
    }
    for (const status of RUN_STATUSES.filter((s) => !TERMINAL_RUN_STATUSES.includes(s))) expect(isTerminal(status)).toBe(false);
  });

  it('starts queued and reaches running only by a claim of a queued, running or waiting run', () => {
    expect(INITIAL_RUN_STATUS).toBe('queued');
    const intoRunning = RUN_STATUSES.filter((s) => canMove(s, 'running'));
    expect(intoRunning).toEqual(['queued', 'running', 'waiting']);
    for (const status of intoRunning) expect(CLAIMABLE_SQL).toContain(`status = '${status}'`);
  });

  it('finishes only from running, to a verdict or to waiting', () => {
    for (const to of FINISHED_RUN_STATUSES) {
      expect(RUN_STATUSES.filter((from) => canMove(from, to))).toEqual(['running']);
    }
    expect(canMove('running', 'cancelled')).toBe(false);
    expect(canMove('waiting', 'succeeded')).toBe(false);
  });

  it('lets every non-terminal status move somewhere, and every status be reached but the reserved cancelled', () => {
    for (const status of RUN_STATUSES) {
      if (!isTerminal(status)) expect(RUN_TRANSITIONS[status].length).toBeGreaterThan(0);
      const reached = status === INITIAL_RUN_STATUS || RUN_STATUSES.some((from) => canMove(from, status));
      expect(reached).toBe(status !== 'cancelled');
    }
  });
});
