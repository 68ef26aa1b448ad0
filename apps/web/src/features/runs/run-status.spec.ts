import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../api';
import { isRunFinished, runStatusPresentation, stepStatusPresentation } from './run-status';

describe('runStatusPresentation', () => {
  it('maps each contract status to a labelled badge', () => {
    expect(RUN_STATUSES.map((status) => [status, runStatusPresentation(status).tone])).toEqual([
      ['queued', 'neutral'],
      ['running', 'info'],
      ['succeeded', 'success'],
      ['failed', 'danger'],
      ['filtered', 'accent'],
      ['waiting', 'warning'],
      ['cancelled', 'neutral'],
    ]);
    expect(runStatusPresentation('succeeded').label).toBe('Succeeded');
  });

  it('animates only states that still change', () => {
    expect(RUN_STATUSES.filter((status) => runStatusPresentation(status).live)).toEqual(['queued', 'running', 'waiting']);
  });

  it('renders statuses it does not know instead of failing', () => {
    expect(runStatusPresentation('dead_lettered')).toMatchObject({ label: 'Dead_lettered', tone: 'neutral', live: false });
    expect(runStatusPresentation('toString').label).toBe('ToString');
  });
});

describe('stepStatusPresentation', () => {
  it('maps step statuses', () => {
    expect(stepStatusPresentation('failed').tone).toBe('danger');
    expect(stepStatusPresentation('skipped').label).toBe('Skipped');
    expect(stepStatusPresentation('pending').live).toBe(true);
  });
});

describe('isRunFinished', () => {
  it('is true for terminal states only', () => {
    expect(RUN_STATUSES.filter(isRunFinished)).toEqual(['succeeded', 'failed', 'filtered', 'cancelled']);
  });
});
