import { Link } from 'react-router';
import type { Credential } from '../../api';
import { Button, Dialog, ErrorState } from '../../ui';
import { workflowEditorPath } from '../workflows/workflow-paths';
import { workflowsInUse } from './credential-form';
import { useDeleteCredential } from './use-credentials';

/** Confirms a delete; while workflows use the credential the API refuses and we list them. */
export function DeleteCredentialDialog({ credential, onClose }: { credential: Credential; onClose: () => void }) {
  const remove = useDeleteCredential();
  const inUse = workflowsInUse(remove.error);
  return (
    <Dialog
      open
      tone="danger"
      title={`Delete “${credential.name}”?`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{inUse ? 'Close' : 'Cancel'}</Button>
          {inUse ? null : (
            <Button
              variant="danger"
              icon="trash"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id: credential.id }, { onSuccess: onClose })}
            >
              Delete credential
            </Button>
          )}
        </>
      }
    >
      {inUse ? (
        <div role="alert" className="sy-credential-in-use">
          <p>
            It cannot be deleted: {inUse.length === 1 ? 'this workflow uses it' : `these ${inUse.length} workflows use it`}. Choose another
            credential in their steps first.
          </p>
          <ul>
            {inUse.map((w) => (
              <li key={w.id}>
                <Link to={workflowEditorPath(w.id)}>{w.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          Steps can no longer use it, and its secret is erased. This cannot be undone.
          {remove.isError ? <ErrorState title="Could not delete" error={remove.error} /> : null}
        </>
      )}
    </Dialog>
  );
}
