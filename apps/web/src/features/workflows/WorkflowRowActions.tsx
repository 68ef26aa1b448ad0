import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { WorkflowListItem } from '../../api';
import { Button, ButtonLink, Dialog, ErrorState, Menu, TextInput } from '../../ui';
import { useCan } from '../workspaces/use-role';
import { useDeleteWorkflow, useDuplicateWorkflow, useRenameWorkflow } from './use-workflow-mutations';
import { workflowEditorPath } from './workflow-paths';

/** Edit, rename, duplicate and delete (with confirmation) for one workflow of the list. */
export function WorkflowRowActions({ workflow }: { workflow: WorkflowListItem }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const [name, setName] = useState(workflow.name);
  const rename = useRenameWorkflow();
  const duplicate = useDuplicateWorkflow();
  const remove = useDeleteWorkflow();
  const canEdit = useCan('workflow.edit');

  function close() {
    setDialog(null);
    rename.reset();
    remove.reset();
  }

  if (!canEdit) {
    return (
      <div className="sy-workflows__actions">
        <ButtonLink to={workflowEditorPath(workflow.id)} size="sm" icon="workflow" aria-label={`View the steps of ${workflow.name}`}>
          View
        </ButtonLink>
      </div>
    );
  }

  return (
    <div className="sy-workflows__actions">
      <ButtonLink to={workflowEditorPath(workflow.id)} size="sm" icon="pencil" aria-label={`Edit ${workflow.name}`}>
        Edit
      </ButtonLink>
      <Menu
        label={`More actions for ${workflow.name}`}
        items={[
          {
            label: 'Rename',
            icon: 'rename',
            onSelect: () => {
              setName(workflow.name);
              setDialog('rename');
            },
          },
          {
            label: duplicate.isPending ? 'Duplicating…' : 'Duplicate',
            icon: 'copy',
            disabled: duplicate.isPending,
            onSelect: () => duplicate.mutate({ id: workflow.id }, { onSuccess: (copy) => navigate(workflowEditorPath(copy.id)) }),
          },
          { label: 'Delete', icon: 'trash', tone: 'danger', onSelect: () => setDialog('delete') },
        ]}
      />

      <Dialog
        open={dialog === 'rename'}
        title="Rename workflow"
        onClose={close}
        actions={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form={`rename-${workflow.id}`} loading={rename.isPending} disabled={!name.trim()}>
              Rename
            </Button>
          </>
        }
      >
        <form
          id={`rename-${workflow.id}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) rename.mutate({ id: workflow.id, name: name.trim() }, { onSuccess: close });
          }}
        >
          <TextInput label="Name" value={name} onChange={setName} autoFocus maxLength={200} />
        </form>
        {rename.isError ? <ErrorState title="Could not rename" error={rename.error} /> : null}
      </Dialog>

      <Dialog
        open={dialog === 'delete'}
        tone="danger"
        title={`Delete “${workflow.name}”?`}
        onClose={close}
        actions={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="danger"
              icon="trash"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id: workflow.id }, { onSuccess: close })}
            >
              Delete workflow
            </Button>
          </>
        }
      >
        Its trigger URL stops working at once, and its runs and recorded requests are deleted with it. This cannot be undone.
        {remove.isError ? <ErrorState title="Could not delete" error={remove.error} /> : null}
      </Dialog>
      {duplicate.isError ? <span className="sy-field__errors">Could not duplicate</span> : null}
    </div>
  );
}
