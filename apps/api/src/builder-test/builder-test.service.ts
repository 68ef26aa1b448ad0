import { Inject, Injectable } from '@nestjs/common';
import {
  type TestStepResult,
  testStepSchema,
  type TestWorkflowResult,
  testWorkflowSchema,
  type triggerSampleInputSchema,
} from '@switchyard/contract';
import { executeStep, formatPath, runWorkflow, stepSchema, validateDefinition, type TriggerData } from '@switchyard/engine';
import type { z } from 'zod';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { EnginePortsFactory } from '../runtime/engine-ports';

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
 * "Test this step" and "Test workflow" from the builder: the engine runs for real (HTTP calls are
 * made, through the same egress guard), on the sample data, and nothing is recorded.
 */
@Injectable()
export class BuilderTestService {
  constructor(@Inject(EnginePortsFactory) private readonly ports: EnginePortsFactory) {}

  async testStep(body: unknown, workspaceId: string): Promise<TestStepResult> {
    const input = parseInput(testStepSchema, body);
    const validation = validateDefinition({ trigger: { type: 'webhook' }, steps: [input.step] });
    if (!validation.ok) {
      const details: ErrorDetail[] = validation.issues.map((i) => ({ ...i, path: i.path.replace(/^steps\[0\]/, 'step') }));
      throw new ApiError(400, 'validation_failed', `The step is invalid: ${details[0].path} ${details[0].message}`, details);
    }
    const step = stepSchema.parse(validation.definition.steps[0]);
    const now = Date.now();
    const { result, halt } = await executeStep({
      step,
      context: { trigger: toTrigger(input.context.trigger, now), steps: input.context.steps },
      bindings: input.context.bindings,
      ports: this.ports.forWorkspace(workspaceId),
      now,
    });
    return {
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
    const verdict = await runWorkflow({
      definition: validation.definition,
      trigger: toTrigger(input.sample, now),
      ports: this.ports.forWorkspace(workspaceId),
      now,
    });
    return {
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
