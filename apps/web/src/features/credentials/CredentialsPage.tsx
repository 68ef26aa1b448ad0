import { useState } from 'react';
import { Link } from 'react-router';
import type { Credential, CredentialTypeDescriptor } from '../../api';
import { Button, Card, EmptyState, ErrorState, LoadingState, PageHeader, Table, type TableColumn } from '../../ui';
import { workflowEditorPath } from '../workflows/workflow-paths';
import { useCan } from '../workspaces/use-role';
import { CredentialDialog } from './CredentialDialog';
import { hintSummary } from './credential-form';
import { DeleteCredentialDialog } from './DeleteCredentialDialog';
import { useCredentials, useCredentialTypes } from './use-credentials';
import './CredentialsPage.css';

type Open = { kind: 'create' } | { kind: 'edit'; credential: Credential } | { kind: 'delete'; credential: Credential } | null;

function columns(types: CredentialTypeDescriptor[], open: (o: Open) => void): TableColumn<Credential>[] {
  const typeOf = (c: Credential) => types.find((t) => t.type === c.type);
  return [
    { key: 'name', header: 'Name', render: (c) => <span className="sy-credentials__name">{c.name}</span> },
    { key: 'type', header: 'Type', hideBelow: 'sm', render: (c) => typeOf(c)?.label ?? c.type },
    {
      key: 'hint',
      header: 'Secret',
      render: (c) => (
        <code className="sy-credentials__hint" title="Only a masked hint is ever shown">
          {hintSummary(c, typeOf(c)) || '—'}
        </code>
      ),
    },
    {
      key: 'usedBy',
      header: 'Used by',
      hideBelow: 'md',
      render: (c) =>
        c.usedBy.length === 0 ? (
          <span className="sy-muted">No workflow</span>
        ) : (
          <ul className="sy-credentials__used-by">
            {c.usedBy.map((w) => (
              <li key={w.id}>
                <Link to={workflowEditorPath(w.id)}>{w.name}</Link>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'actions',
      header: <span className="sy-visually-hidden">Actions</span>,
      align: 'end',
      render: (c) => (
        <div className="sy-credentials__actions">
          <Button size="sm" icon="pencil" aria-label={`Edit ${c.name}`} onClick={() => open({ kind: 'edit', credential: c })}>
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            aria-label={`Delete ${c.name}`}
            onClick={() => open({ kind: 'delete', credential: c })}
          />
        </div>
      ),
    },
  ];
}

/** The workspace's stored credentials: secrets only as hints, and the workflows that use each. */
export function CredentialsPage() {
  const credentials = useCredentials();
  const types = useCredentialTypes();
  const [open, setOpen] = useState<Open>(null);
  const items = credentials.data ?? [];
  const close = () => setOpen(null);
  // Viewers see which credentials exist; the API sends them no hints, and only editors change them.
  const canManage = useCan('credentials.manage');
  const shown = (types: CredentialTypeDescriptor[]) =>
    columns(types, setOpen).filter((column) => canManage || (column.key !== 'hint' && column.key !== 'actions'));

  return (
    <>
      <title>Credentials · Switchyard</title>
      <PageHeader
        title="Credentials"
        description="API tokens, logins and keys that steps use to authenticate. They are encrypted when saved and never shown again, only a hint."
        actions={
          canManage ? (
            <Button variant="primary" icon="plus" onClick={() => setOpen({ kind: 'create' })}>
              Add credential
            </Button>
          ) : null
        }
      />
      {credentials.isPending ? (
        <Card>
          <LoadingState label="Loading credentials…" />
        </Card>
      ) : credentials.isError ? (
        <ErrorState title="Could not load credentials" error={credentials.error} onRetry={() => void credentials.refetch()} />
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon="key"
            title="No credentials yet"
            description="Add the token or login of a service once, then pick it in any HTTP step under Authentication."
          >
            {canManage ? (
              <Button variant="primary" icon="plus" onClick={() => setOpen({ kind: 'create' })}>
                Add credential
              </Button>
            ) : null}
          </EmptyState>
        </Card>
      ) : (
        <Card flush title={`${items.length} ${items.length === 1 ? 'credential' : 'credentials'}`}>
          <Table caption="Credentials" columns={shown(types.data ?? [])} rows={items} rowKey={(c) => c.id} />
        </Card>
      )}
      {open?.kind === 'create' ? <CredentialDialog onClose={close} /> : null}
      {open?.kind === 'edit' ? <CredentialDialog credential={open.credential} onClose={close} /> : null}
      {open?.kind === 'delete' ? <DeleteCredentialDialog credential={open.credential} onClose={close} /> : null}
    </>
  );
}
