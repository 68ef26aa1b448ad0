import type { ExpressionLimits } from '../expressions/expression-limits';
import type { WorkflowDefinition } from '../schema/workflow-definition.schema';
import type { ConnectionResolver, CredentialResolver, IdGenerator } from '../runner/ports';
import { runWorkflow } from '../runner/run-workflow';
import type { TriggerData } from '../runner/step-handler';
import type { RunVerdict, StepResult } from '../runner/step-result';
import { STEP_KITS } from '../steps/step-kits';
import { createRecordingPorts, type RecordedSend } from './recording-ports';

/** How many `delay` steps a dry run passes over before it stops (a loop of delays would never end). */
export const DRY_RUN_MAX_WAITS = 50;

/** A side effect a step would have had, in the order the steps finished. */
export interface WouldSend {
  /** The step's journal key. */
  stepId: string;
  type: string;
  /** `request`: a call, message or e-mail (the step's recorded input); `respond`: the answer; `wait`: a delay. */
  kind: 'request' | 'respond' | 'wait';
  /** What would have been sent (masked as the journal masks it), the answer, or `{ until }`. */
  detail: unknown;
}

export interface DryRunResult {
  /** The verdict after passing over every delay (never `waiting` unless {@link DRY_RUN_MAX_WAITS} was reached). */
  verdict: RunVerdict;
  /** Every step that would have sent, answered or waited, in order. */
  wouldSend: WouldSend[];
  /** What the recording ports were asked to send (HTTP requests and e-mails), in order: nothing was sent. */
  sent: RecordedSend[];
}

/** The side effects a journal stands for: calls, messages and e-mails (from outbound steps' inputs), answers, waits. */
export function sideEffectsOf(steps: ReadonlyArray<StepResult>): WouldSend[] {
  const effects: WouldSend[] = [];
  for (const step of steps) {
    if (STEP_KITS[step.type].outbound && step.input !== undefined) {
      effects.push({ stepId: step.stepId, type: step.type, kind: 'request', detail: step.input });
    } else if (step.type === 'respond' && step.status === 'succeeded') {
      effects.push({ stepId: step.stepId, type: step.type, kind: 'respond', detail: step.output });
    } else if (step.type === 'delay' && step.status === 'succeeded') {
      effects.push({
        stepId: step.stepId,
        type: step.type,
        kind: 'wait',
        detail: { until: (step.output as { resumeAt?: string })?.resumeAt },
      });
    }
  }
  return effects;
}

/**
 * Runs a workflow with side effects recorded, not performed (dry runs and rehearsals): HTTP calls,
 * app messages and e-mails go to recording ports, a `respond` step's answer is kept, and a `delay`
 * is passed over at once (the run goes on as if the time had come). Deterministic for a given
 * definition, trigger, `now` and credentials.
 */
export async function dryRunWorkflow(params: {
  definition: WorkflowDefinition;
  trigger: TriggerData;
  now: number;
  credentials?: CredentialResolver;
  /** App connections, resolved without leaving the machine (no token refresh). */
  connections?: ConnectionResolver;
  ids?: IdGenerator;
  limits?: Partial<ExpressionLimits>;
  /** Passed to steps as the run id (idempotency keys, message ids); default `dry-run`. */
  runId?: string;
}): Promise<DryRunResult> {
  let clockAt = params.now;
  const recording = createRecordingPorts({
    clock: { now: () => clockAt },
    ids: params.ids,
    credentials: params.credentials,
    connections: params.connections,
  });
  const journal: StepResult[] = [];
  let verdict: RunVerdict | undefined;
  for (let waits = 0; waits <= DRY_RUN_MAX_WAITS; waits++) {
    verdict = await runWorkflow({
      definition: params.definition,
      trigger: params.trigger,
      journal,
      ports: recording.ports,
      now: params.now,
      runId: params.runId ?? 'dry-run',
      limits: params.limits,
    });
    for (const step of verdict.steps) if (step.status === 'succeeded') journal.push(step);
    if (verdict.status !== 'waiting' || verdict.resumeAt === undefined) break;
    clockAt = Math.max(clockAt, verdict.resumeAt);
  }
  const final = { ...verdict!, steps: [...journal.filter((s) => !verdict!.steps.includes(s)), ...verdict!.steps] };
  return { verdict: final, wouldSend: sideEffectsOf(final.steps), sent: recording.sent };
}
