import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, patchWorkflow, queryKeys, type Workflow } from '../../api';
import { Button, Card, Field } from '../../ui';
import { useCan } from '../workspaces/use-role';
import { useWorkflows } from './use-workflows';

/**
 * The error workflow of a workflow (docs/triggers.md#error-workflow): started once, with the failed
 * run's summary as input, when a run finally fails. Read-only for viewers.
 */
export function ErrorWorkflowSetting({ workflow }: { workflow: Workflow }) {
  const queryClient = useQueryClient();
  const canEdit = useCan('workflow.edit');
  const workflows = useWorkflows();
  const [choice, setChoice] = useState(workflow.errorWorkflowId ?? '');
  useEffect(() => setChoice(workflow.errorWorkflowId ?? ''), [workflow]);
  const save = useMutation({
    mutationFn: () => patchWorkflow({ id: workflow.id, patch: { errorWorkflowId: choice || null } }),
    onSuccess: (saved) =>
      queryClient.setQueryData(queryKeys.workflow(workflow.id), (old: Workflow | undefined) => (old ? { ...old, ...saved } : saved)),
  });
  const errors = save.error instanceof ApiError ? save.error.details.map((d) => d.message) : save.error ? [save.error.message] : [];
  const others = (workflows.data ?? []).filter((w) => w.id !== workflow.id);
  return (
    <Card
      id="workflow-error-workflow"
      title="Error workflow"
      description="When a run finally fails (after its retries and auto-replays), start this workflow with the failed run’s summary."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canEdit) save.mutate();
        }}
      >
        <fieldset disabled={!canEdit} className="sy-workflow__reliability-fields">
          <Field label="Start on failure" htmlFor="error-workflow" errors={errors}>
            <select id="error-workflow" className="sy-select" value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value="">None</option>
              {others.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save error workflow
            </Button>
            {save.isSuccess ? <span className="sy-muted"> Saved.</span> : null}
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
