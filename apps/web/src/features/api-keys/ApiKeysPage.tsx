import { useState } from 'react';
import type { ApiKey, CreatedApiKey, Role } from '../../api';
import {
  Badge,
  Button,
  Card,
  CodeBlock,
  CopyButton,
  Dialog,
  EmptyState,
  ErrorState,
  Icon,
  LoadingState,
  RelativeTime,
  Table,
  TextInput,
  type TableColumn,
} from '../../ui';
import { RoleField } from '../settings/RoleField';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { assignableRoles, ROLE_LABELS } from '../workspaces/roles';
import { useRole } from '../workspaces/use-role';
import { authorizationExample, createdByLabel, maskedKey } from './api-key-display';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './use-api-keys';

/** The new key, once: it is stored hashed, so closing this panel loses it for good. */
function NewKeyPanel({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  return (
    <div className="sy-settings__callout" role="region" aria-labelledby="new-key-title">
      <Icon name="alert" size={20} />
      <div className="sy-settings__callout-body">
        <p className="sy-settings__callout-title" id="new-key-title">
          Copy the key “{apiKey.name}” now: you won’t see it again
        </p>
        <div className="sy-settings__secret">
          <code aria-label="New API key">{apiKey.key}</code>
          <CopyButton text={apiKey.key} label="Copy API key" variant="primary">
            Copy key
          </CopyButton>
        </div>
        <p className="sy-settings__note">
          Switchyard keeps only a hash of it. Lost it? Revoke it and create another. It acts as {ROLE_LABELS[apiKey.role].toLowerCase()} in
          this workspace:
        </p>
        <CodeBlock label="Use it" code={authorizationExample({ key: apiKey.key, origin: window.location.origin })} wrap />
        <div>
          <Button size="sm" onClick={onDone}>
            I have copied it
          </Button>
        </div>
      </div>
    </div>
  );
}

function RevokeKey({ apiKey }: { apiKey: ApiKey }) {
  const [open, setOpen] = useState(false);
  const revoke = useRevokeApiKey();
  function close() {
    setOpen(false);
    revoke.reset();
  }
  return (
    <>
      <Button size="sm" variant="ghost" icon="trash" aria-label={`Revoke ${apiKey.name}`} onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <Dialog
        open={open}
        tone="danger"
        title={`Revoke “${apiKey.name}”?`}
        onClose={close}
        actions={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="danger"
              icon="trash"
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ id: apiKey.id }, { onSuccess: close })}
            >
              Revoke key
            </Button>
          </>
        }
      >
        Scripts and services using the key {maskedKey(apiKey)} are refused from now on (401). This cannot be undone.
        {revoke.isError ? <ErrorState title="Could not revoke" error={revoke.error} /> : null}
      </Dialog>
    </>
  );
}

const columns: TableColumn<ApiKey>[] = [
  {
    key: 'name',
    header: 'Name',
    render: (key) => (
      <span className="sy-settings__person">
        <span className="sy-settings__person-name">{key.name}</span>
        <code className="sy-settings__prefix">{maskedKey(key)}</code>
      </span>
    ),
  },
  { key: 'role', header: 'Role', width: '110px', render: (key) => <Badge>{ROLE_LABELS[key.role]}</Badge> },
  {
    key: 'created',
    header: 'Created',
    width: '170px',
    hideBelow: 'sm',
    render: (key) => (
      <span className="sy-settings__person">
        <RelativeTime iso={key.createdAt} />
        {createdByLabel(key) ? <span className="sy-settings__person-email">by {createdByLabel(key)}</span> : null}
      </span>
    ),
  },
  {
    key: 'used',
    header: 'Last used',
    width: '130px',
    hideBelow: 'md',
    render: (key) => (key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : <span className="sy-muted">Never</span>),
  },
  {
    key: 'actions',
    header: <span className="sy-visually-hidden">Actions</span>,
    align: 'end',
    width: '110px',
    render: (key) => <RevokeKey apiKey={key} />,
  },
];

/** `/settings/api-keys`: keys for scripts and CI, each acting with a role in this workspace. */
export function ApiKeysPage() {
  const role = useRole();
  const roles = assignableRoles({ actor: role });
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [keyRole, setKeyRole] = useState<Role>('editor');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const rows = keys.data ?? [];

  return (
    <div className="sy-settings__stack">
      <title>API keys · Settings · Switchyard</title>
      <Card
        title="Create an API key"
        description="For scripts, CI and other services calling the Switchyard API. Send it as a bearer token."
      >
        <form
          className="sy-settings__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            setCreated(null);
            create.mutate(
              { name: name.trim(), role: keyRole },
              {
                onSuccess: (key) => {
                  setCreated(key);
                  setName('');
                },
              },
            );
          }}
        >
          <TextInput
            label="Name"
            description="Where it is used, e.g. “Deploy pipeline”."
            value={name}
            onChange={setName}
            maxLength={100}
            errors={fieldErrors({ error: create.error, path: 'name' })}
            autoComplete="off"
          />
          <RoleField value={keyRole} roles={roles} onChange={setKeyRole} />
          <div className="sy-settings__form-actions">
            <Button type="submit" variant="primary" icon="apiKey" loading={create.isPending} disabled={!name.trim()}>
              Create key
            </Button>
          </div>
        </form>
        {create.isError && !allDetailsShown({ error: create.error, paths: ['name'] }) ? (
          <ErrorState title="Could not create the key" error={create.error} />
        ) : null}
      </Card>
      {created ? <NewKeyPanel apiKey={created} onDone={() => setCreated(null)} /> : null}
      {keys.isPending ? (
        <Card>
          <LoadingState label="Loading API keys…" />
        </Card>
      ) : keys.isError ? (
        <ErrorState title="Could not load the API keys" error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Card flush title={`${rows.length} ${rows.length === 1 ? 'API key' : 'API keys'}`}>
          {rows.length === 0 ? (
            <EmptyState icon="apiKey" title="No API keys yet" description="Create one above; only its prefix is shown afterwards." />
          ) : (
            <Table caption="API keys of this workspace" columns={columns} rows={rows} rowKey={(key) => key.id} />
          )}
        </Card>
      )}
    </div>
  );
}
