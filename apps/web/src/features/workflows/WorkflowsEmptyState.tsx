import { Link } from 'react-router';
import { ButtonLink, CodeBlock, EmptyState } from '../../ui';
import { useCan } from '../workspaces/use-role';
import { createWorkflowCurl } from './curl-examples';
import { NEW_WORKFLOW_PATH } from './workflow-paths';

export function WorkflowsEmptyState() {
  const canCreate = useCan('workflow.create');
  // The API example needs a key, which only admins and owners create (issue 19): editors get what they can use.
  const canKey = useCan('apiKeys.manage');
  if (!canCreate) {
    return (
      <EmptyState
        icon="workflow"
        title="No workflows yet"
        description="As a viewer you can read workflows and their runs; an editor, admin or owner creates them."
      />
    );
  }
  return (
    <EmptyState
      icon="workflow"
      title="Create your first workflow"
      description="A workflow starts when its trigger URL receives a webhook, then runs its steps in order: map the data, filter it, send it on. Start blank or from a template."
    >
      <div className="sy-workflows__empty-actions">
        <ButtonLink to={NEW_WORKFLOW_PATH} variant="primary" icon="plus">
          Create workflow
        </ButtonLink>
      </div>
      {canKey ? (
        <>
          <p className="sy-muted sy-workflows__empty-api">Prefer code? Create one over the API:</p>
          <CodeBlock label="Terminal" code={createWorkflowCurl({ origin: window.location.origin })} maxHeight={280} />
        </>
      ) : (
        <p className="sy-muted sy-workflows__empty-api">
          Prefer code? Import a workflow bundle (JSON) from <Link to="/workflows/import">Import</Link>; each workflow’s trigger URL accepts
          webhooks without a key. Scripts that call the API need an API key, which an admin or owner creates.
        </p>
      )}
    </EmptyState>
  );
}
