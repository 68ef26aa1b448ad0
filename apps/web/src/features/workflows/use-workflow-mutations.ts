import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  patchWorkflow,
  queryKeys,
  type WorkflowInput,
  type WorkflowList,
  type Workflow,
} from '../../api';
import { definitionTrigger } from '../builder/state/definition-trigger';

function useReplaceInCache() {
  const queryClient = useQueryClient();
  return (workflow: Workflow) => {
    queryClient.setQueryData(queryKeys.workflow(workflow.id), (old: Workflow | undefined) => (old ? { ...old, ...workflow } : workflow));
    queryClient.setQueryData(queryKeys.workflows(), (old: WorkflowList | undefined) =>
      old ? { ...old, items: old.items.map((item) => (item.id === workflow.id ? { ...item, ...workflow } : item)) } : old,
    );
  };
}

/** Turns a workflow on or off: its trigger URL starts or stops starting runs. */
export function useSetWorkflowActive() {
  const replace = useReplaceInCache();
  return useMutation({
    mutationFn: (params: { id: string; active: boolean }) => patchWorkflow({ id: params.id, patch: { active: params.active } }),
    onSuccess: replace,
  });
}

export function useRenameWorkflow() {
  const replace = useReplaceInCache();
  return useMutation({
    mutationFn: (params: { id: string; name: string }) => patchWorkflow({ id: params.id, patch: { name: params.name } }),
    onSuccess: replace,
  });
}

export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workflow: WorkflowInput) => createWorkflow({ workflow }),
    onSuccess: (workflow) => {
      queryClient.setQueryData(queryKeys.workflow(workflow.id), workflow);
      return queryClient.invalidateQueries({ queryKey: queryKeys.workflows(), exact: true });
    },
  });
}

/** Copies a workflow's definition into a new workflow, created off so it does not run twice. */
export function useDuplicateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (params: { id: string }) => {
      const source = await getWorkflow({ id: params.id });
      return createWorkflow({
        workflow: {
          name: `${source.name} (copy)`.slice(0, 200),
          trigger: definitionTrigger(source.trigger),
          steps: source.steps,
          active: false,
        },
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.workflows(), exact: true }),
  });
}

export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string }) => deleteWorkflow(params),
    onSuccess: (_result, params) => {
      queryClient.setQueryData(queryKeys.workflows(), (old: WorkflowList | undefined) =>
        old ? { ...old, items: old.items.filter((item) => item.id !== params.id) } : old,
      );
      queryClient.removeQueries({ queryKey: queryKeys.workflow(params.id) });
    },
  });
}
