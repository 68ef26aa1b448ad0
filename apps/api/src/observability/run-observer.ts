import type { EnginePorts, StepResult } from '@switchyard/engine';
import type { ClaimedRun } from '../runtime/ledger/run-ledger.types';
import type { Metrics } from './metrics';

/** How an execution of a run ended: the status it left the run in, and whether a step retry was scheduled. */
export interface ExecutionEnd {
  status: string;
  retryScheduled: boolean;
}

/**
 * What watches one execution of a run (metrics, traces): told each step as it finishes and the end;
 * it may wrap the engine's ports (traces add `traceparent` to outbound calls). Never throws.
 */
export interface RunObservation {
  ports(ports: EnginePorts): EnginePorts;
  stepFinished(result: StepResult): void;
  finished(end: ExecutionEnd): void;
  /** The execution stopped without an outcome (released by a shutdown, or an error). */
  abandoned(err: unknown): void;
}

export type RunObserver = (run: ClaimedRun) => RunObservation;

export const NO_OBSERVATION: RunObservation = {
  ports: (ports) => ports,
  stepFinished: () => undefined,
  finished: () => undefined,
  abandoned: () => undefined,
};

/** Several observers as one, in order (the first wraps the ports innermost). */
export function combineObservers(observers: RunObserver[]): RunObserver {
  if (observers.length === 0) return () => NO_OBSERVATION;
  if (observers.length === 1) return observers[0];
  return (run) => {
    const all = observers.map((o) => o(run));
    return {
      ports: (ports) => all.reduce((p, o) => o.ports(p), ports),
      stepFinished: (result) => all.forEach((o) => o.stepFinished(result)),
      finished: (end) => all.forEach((o) => o.finished(end)),
      abandoned: (err) => all.forEach((o) => o.abandoned(err)),
    };
  };
}

/** Counts runs and times steps into the Prometheus metrics. */
export function metricsObserver(metrics: Metrics): RunObserver {
  return (run) => {
    metrics.runsStarted.inc(metrics.wf(run.workflowId));
    let lastFailedType = 'unknown';
    return {
      ports: (ports) => ports,
      stepFinished(result) {
        if (result.status === 'failed') lastFailedType = result.type;
        metrics.stepDuration.observe(
          { type: result.type, status: result.status },
          Math.max(0, result.finishedAt - result.startedAt) / 1000,
        );
      },
      finished(end) {
        metrics.runsFinished.inc(metrics.wf(run.workflowId, { status: end.status }));
        if (end.retryScheduled) metrics.stepRetries.inc({ type: lastFailedType });
        if (end.status !== 'waiting')
          metrics.runDuration.observe({ status: end.status }, Math.max(0, Date.now() - run.startedAt.getTime()) / 1000);
      },
      abandoned: () => undefined,
    };
  };
}
