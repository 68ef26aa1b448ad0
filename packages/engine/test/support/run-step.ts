import { executeStep, type ExecutedStep } from '../../src/runner/run-workflow';
import type { EnginePorts } from '../../src/runner/ports';
import type { TriggerData } from '../../src/runner/step-handler';
import { validateDefinition } from '../../src/validation/validate-definition';
import { recordingHttp, steppingClock } from './fake-ports';

export const TEST_NOW = Date.UTC(2024, 4, 1, 12);

export function testTrigger(body: unknown = {}): TriggerData {
  return { body, headers: {}, query: {}, method: 'POST', receivedAt: new Date(TEST_NOW).toISOString() };
}

/** Validates one step as a client sends it and executes it with `executeStep`. */
export async function runStep(
  step: Record<string, unknown>,
  options: {
    body?: unknown;
    steps?: Record<string, unknown>;
    ports?: Partial<EnginePorts>;
    runId?: string;
    bindings?: Record<string, unknown>;
  } = {},
): Promise<ExecutedStep> {
  const validation = validateDefinition({ trigger: { type: 'webhook' }, steps: [step] });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return executeStep({
    step: validation.definition.steps[0],
    context: { trigger: testTrigger(options.body), steps: options.steps ?? {} },
    ports: { http: recordingHttp(), clock: steppingClock(TEST_NOW, 0), ...options.ports },
    now: TEST_NOW,
    runId: options.runId,
    bindings: options.bindings,
  });
}
