import { TERMINAL_RUN_STATUSES } from '@switchyard/contract';
import type { RunStatus, StepRunStatus as StepStatus } from '../../api';
import type { BadgeTone } from '../../ui/Badge';

export interface StatusPresentation {
  label: string;
  tone: BadgeTone;
  /** True while the state can still change on its own, so the badge animates. */
  live: boolean;
  /** One sentence for a tooltip, in the glossary's words. */
  description: string;
}

const RUN_STATUS: Record<RunStatus, StatusPresentation> = {
  queued: { label: 'Queued', tone: 'neutral', live: true, description: 'Waiting for a worker to pick the run up.' },
  running: { label: 'Running', tone: 'info', live: true, description: 'A worker is executing the steps.' },
  succeeded: { label: 'Succeeded', tone: 'success', live: false, description: 'Every step finished without error.' },
  failed: { label: 'Failed', tone: 'danger', live: false, description: 'A step failed after its retries.' },
  filtered: { label: 'Filtered', tone: 'accent', live: false, description: 'A filter stopped the run; later steps were skipped.' },
  waiting: { label: 'Waiting', tone: 'warning', live: true, description: 'Paused until a delay or an external event.' },
  cancelled: { label: 'Cancelled', tone: 'neutral', live: false, description: 'Stopped before it finished.' },
};

const STEP_STATUS: Record<StepStatus, StatusPresentation> = {
  succeeded: { label: 'Succeeded', tone: 'success', live: false, description: 'The step finished without error.' },
  failed: { label: 'Failed', tone: 'danger', live: false, description: 'The step failed after its retries.' },
  pending: { label: 'Pending', tone: 'neutral', live: true, description: 'The step has not finished yet.' },
  skipped: { label: 'Skipped', tone: 'neutral', live: false, description: 'An earlier step stopped the run before this one.' },
  running: { label: 'Running', tone: 'info', live: true, description: 'Steps inside it are still running.' },
  waiting: { label: 'Waiting', tone: 'warning', live: true, description: 'A delay inside it is waiting; the run resumes on its own.' },
};

function capitalise(value: string): string {
  return value ? value[0].toUpperCase() + value.slice(1) : 'Unknown';
}

function unknownStatus(status: string): StatusPresentation {
  return { label: capitalise(status), tone: 'neutral', live: false, description: `Status "${status}".` };
}

/** Badge label, tone and tooltip for a run status; unknown statuses from a newer API still render. */
export function runStatusPresentation(status: string): StatusPresentation {
  return Object.hasOwn(RUN_STATUS, status) ? RUN_STATUS[status as RunStatus] : unknownStatus(status);
}

export function stepStatusPresentation(status: string): StatusPresentation {
  return Object.hasOwn(STEP_STATUS, status) ? STEP_STATUS[status as StepStatus] : unknownStatus(status);
}

/** A run in one of these states will not change again unless someone replays it. */
export function isRunFinished(status: string): boolean {
  return (TERMINAL_RUN_STATUSES as readonly string[]).includes(status);
}
