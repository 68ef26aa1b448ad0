import type { ClaimedRun } from '../runtime/ledger/run-ledger.types';
import { traceIdOf } from './traceparent';

/** The fields every log line about a run carries: run, workflow, request and (tracing on) trace ids. */
export function runLogFields(run: Pick<ClaimedRun, 'id' | 'workflowId' | 'requestId' | 'traceParent'>): Record<string, string> {
  const traceId = traceIdOf(run.traceParent);
  return { runId: run.id, workflowId: run.workflowId, requestId: run.requestId, ...(traceId ? { traceId } : {}) };
}
