import { useMutation, useQueryClient } from '@tanstack/react-query';
import { validateDefinition } from '@switchyard/engine';
import {
  ApiError,
  discardDraft,
  type Draft,
  getDraft,
  patchWorkflow,
  queryKeys,
  saveDraft,
  updateWorkflow,
  type Workflow,
} from '../../../api';
import { issuesFromDetails } from '../state/builder-issues';
import type { BuilderStore } from '../state/builder-store';
import { draftToRequest } from '../state/workflow-draft';

export type SaveOutcome = { ok: true; workflow: Workflow } | { ok: false; reason: 'invalid' | 'failed'; error?: unknown };

/**
 * Saves the open workflow. The definition is first checked in the browser with the engine's own
 * validation, so a broken expression is never sent; API errors land next to the field they name.
 * A live workflow (switched on) saves to its draft: the trigger keeps running the published
 * version until Publish. A workflow that is off has nothing live to protect: saving publishes it.
 */
export function useSaveWorkflow(params: { store: BuilderStore; workflowId: string; live: boolean }) {
  const { store, workflowId, live } = params;
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (body: ReturnType<typeof draftToRequest>): Promise<Workflow> => {
      if (!live) {
        const workflow = await updateWorkflow({ id: workflowId, workflow: body });
        queryClient.setQueryData(queryKeys.workflowDraft(workflowId), await discardDraft({ workflowId }));
        void queryClient.invalidateQueries({ queryKey: queryKeys.workflowVersions(workflowId) });
        return workflow;
      }
      let workflow = queryClient.getQueryData<Workflow>(queryKeys.workflow(workflowId));
      if (!workflow || workflow.name !== body.name)
        workflow = (await patchWorkflow({ id: workflowId, patch: { name: body.name } })) as Workflow;
      const current = queryClient.getQueryData<Draft>(queryKeys.workflowDraft(workflowId)) ?? (await getDraft({ workflowId }));
      const saved = await saveDraft({ workflowId, draft: { revision: current.revision, trigger: body.trigger, steps: body.steps } });
      queryClient.setQueryData(queryKeys.workflowDraft(workflowId), saved);
      return workflow;
    },
  });

  async function save(): Promise<SaveOutcome> {
    const { draft } = store.getState();
    const body = draftToRequest(draft);
    const nameIssues = body.name.trim() ? [] : [{ path: 'name', message: 'Give the workflow a name' }];
    const local = validateDefinition({ trigger: body.trigger, steps: body.steps });
    const details = [...nameIssues, ...(local.ok ? [] : local.issues)];
    if (details.length > 0) {
      store.dispatch({ type: 'setIssues', issues: issuesFromDetails({ details, draft }) });
      return { ok: false, reason: 'invalid' };
    }
    try {
      const workflow = await mutation.mutateAsync(body);
      queryClient.setQueryData(queryKeys.workflow(workflowId), workflow);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflows(), exact: true });
      // Only what was sent is saved: edits made while saving stay unsaved.
      store.dispatch({ type: 'saved', savedDraft: draft });
      return { ok: true, workflow };
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0 && error.status !== 409) {
        store.dispatch({ type: 'setIssues', issues: issuesFromDetails({ details: error.details, draft }) });
        return { ok: false, reason: 'invalid', error };
      }
      return { ok: false, reason: 'failed', error };
    }
  }

  return { save, isSaving: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
