import { Inject, Injectable } from '@nestjs/common';
import {
  type TestStepResult,
  testStepSchema,
  type TestWorkflowResult,
  testWorkflowSchema,
  type triggerSampleInputSchema,
} from '@switchyard/contract';
import {
  createRecordingPorts,
  dryRunWorkflow,
  executeStep,
  formatPath,
  runWorkflow,
  sideEffectsOf,
  stepSchema,
  validateDefinition,
  type TriggerData,
} from '@switchyard/engine';
import type { z } from 'zod';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { EnginePortsFactory } from '../runtime/engine-ports';
import { DraftsService } from '../versions/drafts.service';

function toTrigger(sample: z.output<typeof triggerSampleInputSchema>, now: number): TriggerData {
  return {
    body: sample.body ?? null,
    headers: sample.headers,
    query: sample.query,
    method: sample.method,
    receivedAt: sample.receivedAt ?? new Date(now).toISOString(),
  };
}

/**
 * "Test this step" and "Test workflow" from the builder, on the sample data; nothing is recorded as
 * a run. By default the engine runs for real (HTTP calls, messages and e-mails are sent, through
 * the same egress guard); with `dryRun` it runs on the recording ports and answers what each step
 * would have sent, and nothing leaves the machine.
 */
@Injectable()
export class BuilderTestService {
  constructor(
    @Inject(EnginePortsFactory) private readonly ports: EnginePortsFactory,
    @Inject(DraftsService) private readonly drafts: DraftsService,
  ) {}

  async testStep(body: unknown, workspaceId: string): Promise<TestStepResult> {
    const input = parseInput(testStepSchema, body);
    const validation = validateDefinition({ trigger: { type: 'webhook' }, steps: [input.step] });
    if (!validation.ok) {
      const details: ErrorDetail[] = validation.issues.map((i) => ({ ...i, path: i.path.replace(/^steps\[0\]/, 'step') }));
      throw new ApiError(400, 'validation_failed', `The step is invalid: ${details[0].path} ${details[0].message}`, details);
    }
    const step = stepSchema.parse(validation.definition.steps[0]);
    const now = Date.now();
    const recording = input.dryRun
      ? createRecordingPorts({
          clock: { now: () => Date.now() },
          credentials: this.ports.dryRunCredentials(workspaceId),
          connections: this.ports.dryRunConnections(workspaceId),
        })
      : undefined;
    const { result, halt, nested } = await executeStep({
      step,
      context: { trigger: toTrigger(input.context.trigger, now), steps: input.context.steps },
      bindings: input.context.bindings,
      ports: recording?.ports ?? this.ports.forWorkspace(workspaceId),
      now,
    });
    const dryRun = recording ? { dryRun: true, wouldSend: sideEffectsOf([...nested.filter((n) => n !== result), result]) } : {};
    return {
      ...dryRun,
      status: result.status === 'succeeded' && halt?.reason === 'filtered' ? 'filtered' : result.status,
      halt: halt ?? null,
      output: result.output,
      input: result.input,
      error: result.error,
      durationMs: result.finishedAt - result.startedAt,
    };
  }

  async testWorkflow(body: unknown, workspaceId: string): Promise<TestWorkflowResult> {
    const input = parseInput(testWorkflowSchema, body);
    const validation = validateDefinition({ trigger: input.trigger ?? { type: 'webhook' }, steps: input.steps });
    if (!validation.ok) {
      const details: ErrorDetail[] = validation.issues.map((i) => ({ ...i, path: i.path || formatPath([]) }));
      throw new ApiError(400, 'validation_failed', `The workflow is invalid: ${details[0].path} ${details[0].message}`, details);
    }
    const now = Date.now();
    const trigger = toTrigger(input.sample, now);
    const dry = input.dryRun
      ? await dryRunWorkflow({
          definition: validation.definition,
          trigger,
          now,
          credentials: this.ports.dryRunCredentials(workspaceId),
          connections: this.ports.dryRunConnections(workspaceId),
        })
      : undefined;
    const verdict =
      dry?.verdict ?? (await runWorkflow({ definition: validation.definition, trigger, ports: this.ports.forWorkspace(workspaceId), now }));
    if (input.workflowId) await this.drafts.recordTest(workspaceId, input.workflowId, verdict.status);
    return {
      ...(dry ? { dryRun: true, wouldSend: dry.wouldSend } : {}),
      status: verdict.status,
      error: verdict.error ?? null,
      steps: verdict.steps.map((s) => ({
        id: s.stepId,
        type: s.type,
        status: s.status,
        output: s.output,
        input: s.input,
        error: s.error,
        durationMs: s.finishedAt - s.startedAt,
      })),
    };
  }
}
