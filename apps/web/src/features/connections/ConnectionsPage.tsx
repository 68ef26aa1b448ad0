import { findApp } from '@switchyard/engine';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, type Connection } from '../../api';
import {
  Badge,
  Button,
  Card,
  Dialog,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  RelativeTime,
  Table,
  TextInput,
  type TableColumn,
} from '../../ui';
import { AppBadge } from '../builder/steps/kits/app/AppBadge';
import { workflowEditorPath } from '../workflows/workflow-paths';
import { useCan } from '../workspaces/use-role';
import { ConnectionDialog } from './ConnectionDialog';
import { useConnections, useDeleteConnection, useRenameConnection, useTestConnection } from './use-connections';
import './ConnectionsPage.css';

type Open = { kind: 'rename' | 'delete' | 'reconnect'; connection: Connection } | null;

function appOf(connection: Connection) {
  return findApp(connection.app) ?? { key: connection.app, name: connection.app, color: '#6b7280', auth: undefined };
}

function Status({ connection }: { connection: Connection }) {
  if (connection.status === 'active') return <Badge tone="success">Connected</Badge>;
  if (connection.status === 'pending') return <Badge tone="neutral">Signing in</Badge>;
  return (
    <div className="sy-connections__status">
      <Badge tone="danger">Needs reconnecting</Badge>
      {connection.error ? <span className="sy-connections__reason">{connection.error}</span> : null}
    </div>
  );
}

function TestButton({ connection }: { connection: Connection }) {
  const test = useTestConnection();
  const answer = test.data;
  return (
    <span className="sy-connections__test">
      <Button
        size="sm"
        icon="play"
        aria-label={`Test ${connection.name}`}
        loading={test.isPending}
        onClick={() => test.mutate({ id: connection.id })}
      >
        Test
      </Button>
      <span role="status" className="sy-connections__test-result">
        {answer ? (answer.ok ? `Works${answer.account ? `: ${answer.account}` : ''}` : `Failed: ${answer.error ?? 'refused'}`) : null}
        {test.isError ? `Failed: ${test.error.message}` : null}
      </span>
    </span>
  );
}

function columns(canManage: boolean, open: (o: Open) => void): TableColumn<Connection>[] {
  const all: TableColumn<Connection>[] = [
    {
      key: 'name',
      header: 'Connection',
      render: (c) => (
        <div className="sy-connections__who">
          <AppBadge app={appOf(c)} />
          <div>
            <div className="sy-connections__name">{c.name}</div>
            <div className="sy-muted sy-connections__meta">
              {appOf(c).name}
              {c.account ? ` · ${c.account}` : ''}
            </div>
          </div>
        </div>
      ),
    },
    { key: 'status', header: 'Status', render: (c) => <Status connection={c} /> },
    {
      key: 'scopes',
      header: 'Scopes',
      hideBelow: 'md',
      render: (c) =>
        c.scopes.length === 0 ? <span className="sy-muted">—</span> : <code className="sy-connections__scopes">{c.scopes.join(' ')}</code>,
    },
    { key: 'lastUsed', header: 'Last used', hideBelow: 'sm', render: (c) => <RelativeTime iso={c.lastUsedAt} /> },
    {
      key: 'usedBy',
      header: 'Used by',
      hideBelow: 'md',
      render: (c) =>
        c.usedBy.length === 0 ? (
          <span className="sy-muted">No workflow</span>
        ) : (
          <ul className="sy-connections__used-by">
            {c.usedBy.map((w) => (
              <li key={w.id}>
                <Link to={workflowEditorPath(w.id)}>{w.name}</Link>{' '}
                <span className="sy-muted">
                  ({w.steps} {w.steps === 1 ? 'step' : 'steps'})
                </span>
              </li>
            ))}
          </ul>
        ),
    },
  ];
  if (!canManage) return all;
  return [
    ...all,
    {
      key: 'actions',
      header: <span className="sy-visually-hidden">Actions</span>,
      align: 'end',
      render: (c) => (
        <div className="sy-connections__actions">
          <TestButton connection={c} />
          {findApp(c.app)?.auth.kind === 'oauth2' ? (
            <Button size="sm" icon="refresh" aria-label={`Reconnect ${c.name}`} onClick={() => open({ kind: 'reconnect', connection: c })}>
              Reconnect
            </Button>
          ) : null}
          <Button size="sm" icon="rename" aria-label={`Rename ${c.name}`} onClick={() => open({ kind: 'rename', connection: c })} />
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            aria-label={`Delete ${c.name}`}
            onClick={() => open({ kind: 'delete', connection: c })}
          />
        </div>
      ),
    },
  ];
}

function RenameDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const rename = useRenameConnection();
  const [name, setName] = useState(connection.name);
  const errors = rename.error instanceof ApiError ? rename.error.details.filter((d) => d.path === 'name').map((d) => d.message) : [];
  return (
    <Dialog
      open
      title={`Rename “${connection.name}”`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            loading={rename.isPending}
            onClick={() => rename.mutate({ id: connection.id, name }, { onSuccess: onClose })}
          >
            Rename
          </Button>
        </>
      }
    >
      <TextInput label="Connection name" value={name} onChange={setName} errors={errors} />
      {rename.isError && errors.length === 0 ? <ErrorState title="Could not rename" error={rename.error} /> : null}
    </Dialog>
  );
}

function DeleteDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const remove = useDeleteConnection();
  const inUse = remove.error instanceof ApiError && remove.error.code === 'connection_in_use' ? remove.error.message : null;
  return (
    <Dialog
      open
      tone="danger"
      title={`Delete “${connection.name}”?`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{inUse ? 'Close' : 'Cancel'}</Button>
          {inUse ? null : (
            <Button
              variant="danger"
              icon="trash"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id: connection.id }, { onSuccess: onClose })}
            >
              Delete connection
            </Button>
          )}
        </>
      }
    >
      {inUse ? (
        <p role="alert">It cannot be deleted: the {inUse}.</p>
      ) : (
        <>
          {connection.usedBy.length > 0
            ? `Steps in ${connection.usedBy.map((w) => w.name).join(', ')} use it: Switchyard will refuse until they use another connection.`
            : 'No workflow uses it. Its tokens and keys are erased; this cannot be undone.'}
          {remove.isError ? <ErrorState title="Could not delete" error={remove.error} /> : null}
        </>
      )}
    </Dialog>
  );
}

/** The workspace's app connections: who they sign in as, whether they still work, and what uses them. */
export function ConnectionsPage() {
  const connections = useConnections();
  const [open, setOpen] = useState<Open>(null);
  const canManage = useCan('credentials.manage');
  const items = connections.data ?? [];
  const close = () => setOpen(null);
  const reconnectApp = open?.kind === 'reconnect' ? findApp(open.connection.app) : undefined;

  return (
    <>
      <title>Connections · Switchyard</title>
      <PageHeader
        title="Connections"
        description="Accounts that app steps act as: signed-in OAuth apps and pasted keys, shared by the workspace. Tokens are encrypted and refreshed before they expire."
      />
      {connections.isPending ? (
        <Card>
          <LoadingState label="Loading connections…" />
        </Card>
      ) : connections.isError ? (
        <ErrorState title="Could not load connections" error={connections.error} onRetry={() => void connections.refetch()} />
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon="link"
            title="No connections yet"
            description="Add an app step to a workflow and connect its account there; it then shows here, ready for other steps."
          />
        </Card>
      ) : (
        <Card flush title={`${items.length} ${items.length === 1 ? 'connection' : 'connections'}`}>
          <Table caption="Connections" columns={columns(canManage, setOpen)} rows={items} rowKey={(c) => c.id} />
        </Card>
      )}
      {open?.kind === 'rename' ? <RenameDialog connection={open.connection} onClose={close} /> : null}
      {open?.kind === 'delete' ? <DeleteDialog connection={open.connection} onClose={close} /> : null}
      {open?.kind === 'reconnect' && reconnectApp ? (
        <ConnectionDialog app={reconnectApp} open reconnect={open.connection} onClose={close} onConnected={close} />
      ) : null}
    </>
  );
}
