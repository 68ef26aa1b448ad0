import { SUBWORKFLOW_MAX_DEPTH, walkSteps, type WorkflowDefinition } from '@switchyard/engine';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';

interface CallReference {
  /** Where the step's `workflowId` is: `steps[2].workflowId`. */
  path: string;
  stepId: string;
  workflowId: string;
}

/** The `subworkflow` steps of a definition (nested ones included) and the workflows they call. */
export function findCalls(steps: ReadonlyArray<unknown>): CallReference[] {
  return walkSteps(steps as WorkflowDefinition['steps'])
    .filter(({ entry }) => entry.type === 'subworkflow')
    .map(({ entry, path }) => ({ path: `${path}.workflowId`, stepId: entry.id, workflowId: (entry as { workflowId: string }).workflowId }));
}

class CallProblem extends Error {}

/**
 * Refuses a definition whose `subworkflow` steps call a workflow that is not in the workspace, call
 * back into this workflow (directly or through others: a cycle), or make a chain of calls deeper
 * than SUBWORKFLOW_MAX_DEPTH, following the published versions of the workflows called. The error
 * names the step's field (ADR 0022). Runs check the same at run time, against what they really call.
 */
export async function assertCallsAllowed(
  manager: EntityManager,
  workspaceId: string,
  workflowId: string,
  definition: Pick<WorkflowDefinition, 'steps'>,
): Promise<void> {
  const calls = findCalls(definition.steps);
  if (calls.length === 0) return;
  const known = new Map<string, { name: string; calls: CallReference[] }>();
  const load = async (ids: string[]) => {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const rows: Array<{ id: string; name: string; definition: { steps?: unknown[] } | null }> = await manager.query(
      `SELECT w.id, w.name, v.definition FROM workflows w LEFT JOIN workflow_versions v ON v.id = w.current_version_id
        WHERE w.workspace_id = $1 AND w.id = ANY($2::uuid[])`,
      [workspaceId, missing],
    );
    for (const row of rows) known.set(row.id, { name: row.name, calls: findCalls(row.definition?.steps ?? []) });
  };
  /** How many calls deep a run of `id` goes (1: it calls nothing); throws on a cycle back into `chain`. */
  const depthOf = async (id: string, chain: string[]): Promise<number> => {
    if (chain.includes(id)) {
      throw new CallProblem(
        id === workflowId ? 'calls back into this workflow (a cycle)' : `leads to a cycle through “${known.get(id)?.name}”`,
      );
    }
    if (chain.length > SUBWORKFLOW_MAX_DEPTH) return 1;
    const node = known.get(id);
    if (!node) return 1;
    await load(node.calls.map((c) => c.workflowId));
    let deepest = 0;
    for (const call of node.calls) deepest = Math.max(deepest, await depthOf(call.workflowId, [...chain, id]));
    return 1 + deepest;
  };
  await load(calls.map((c) => c.workflowId));
  const details: Array<{ path: string; message: string }> = [];
  for (const call of calls) {
    if (call.workflowId === workflowId) {
      details.push({ path: call.path, message: 'calls this workflow itself (a cycle)' });
      continue;
    }
    const target = known.get(call.workflowId);
    if (!target) {
      details.push({ path: call.path, message: `workflow ${call.workflowId} does not exist in this workspace` });
      continue;
    }
    try {
      const depth = await depthOf(call.workflowId, [workflowId]);
      if (depth > SUBWORKFLOW_MAX_DEPTH) {
        details.push({
          path: call.path,
          message: `calls “${target.name}”, a chain of ${depth} calls: at most ${SUBWORKFLOW_MAX_DEPTH} are allowed`,
        });
      }
    } catch (err) {
      if (!(err instanceof CallProblem)) throw err;
      details.push({ path: call.path, message: `calls “${target.name}”, which ${err.message}` });
    }
  }
  if (details.length > 0) {
    const stepId = calls.find((c) => c.path === details[0].path)?.stepId;
    throw new ApiError(
      400,
      'validation_failed',
      `The workflow is invalid: ${details[0].path} (step ${stepId}) ${details[0].message}`,
      details,
    );
  }
}

/** An error workflow must be another workflow of the same workspace. */
export async function assertErrorWorkflow(
  manager: EntityManager,
  workspaceId: string,
  workflowId: string,
  errorWorkflowId: string | null | undefined,
): Promise<void> {
  if (!errorWorkflowId) return;
  const fail = (message: string) => {
    throw new ApiError(400, 'validation_failed', `The workflow is invalid: errorWorkflowId ${message}`, [
      { path: 'errorWorkflowId', message },
    ]);
  };
  if (errorWorkflowId === workflowId) fail('must be another workflow: a workflow cannot be its own error workflow');
  const rows: unknown[] = await manager.query(`SELECT 1 FROM workflows WHERE id = $1 AND workspace_id = $2`, [
    errorWorkflowId,
    workspaceId,
  ]);
  if (rows.length === 0) fail(`workflow ${errorWorkflowId} does not exist in this workspace`);
}
